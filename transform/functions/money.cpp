// money(x): provider money (text with '£', commas, blanks, float noise,
// parentheses or '-' for negatives; decimals; integers of pounds) to integer
// pence. Never through a binary float: the decimal text is parsed digit by digit.
#include "transform/functions/function.h"

namespace handover::transform {

std::optional<int64_t> ParseMoneyText(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  bool negative = false;
  if (s.front() == '(' && s.back() == ')') {
    negative = true;
    s = s.substr(1, s.size() - 2);
  }
  auto strip_sign = [&] {
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
      if (s.front() == '-') negative = !negative;
      s.remove_prefix(1);
    }
  };
  auto strip_pound = [&] {
    if (s.starts_with("\xC2\xA3")) s.remove_prefix(2);       // UTF-8 '£'
    else if (s.starts_with("\xA3")) s.remove_prefix(1);      // Windows-1252 '£'
  };
  strip_sign();
  strip_pound();
  strip_sign();  // "£-12.00"
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  int64_t pounds = 0;
  bool digits = false, last_comma = false;
  size_t i = 0;
  for (; i < s.size() && s[i] != '.'; ++i) {
    const char c = s[i];
    if (c == ',') {
      if (!digits || last_comma) return std::nullopt;
      last_comma = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (__builtin_mul_overflow(pounds, 10, &pounds) ||
        __builtin_add_overflow(pounds, c - '0', &pounds))
      return std::nullopt;
    digits = true;
    last_comma = false;
  }
  if (last_comma) return std::nullopt;
  int64_t fraction = 0;  // two digits of pence
  int fraction_digits = 0;
  bool round_up = false;
  if (i < s.size()) {  // s[i] == '.'
    for (++i; i < s.size(); ++i) {
      const char c = s[i];
      if (c < '0' || c > '9') return std::nullopt;
      digits = true;
      if (fraction_digits < 2) {
        fraction = fraction * 10 + (c - '0');
      } else if (fraction_digits == 2) {
        round_up = c >= '5';  // half away from zero, on the magnitude
      }
      ++fraction_digits;
    }
  }
  if (!digits) return std::nullopt;
  if (fraction_digits == 1) fraction *= 10;
  int64_t pence = 0;
  if (__builtin_mul_overflow(pounds, 100, &pence) ||
      __builtin_add_overflow(pence, fraction + (round_up ? 1 : 0), &pence))
    return std::nullopt;
  return negative ? -pence : pence;
}

namespace {

core::Value Money(std::span<core::Value> a, const FunctionState*) {
  const core::Value& v = a[0];
  if (auto* p = std::get_if<core::Pence>(&v)) return *p;
  if (auto* i = std::get_if<int64_t>(&v)) {
    int64_t pence = 0;
    if (__builtin_mul_overflow(*i, 100, &pence)) return core::Null{};
    return core::Pence{pence};
  }
  std::optional<int64_t> pence;
  if (auto* d = std::get_if<core::Decimal>(&v)) pence = ParseMoneyText(d->ToString());
  else if (auto* s = std::get_if<std::string>(&v)) pence = ParseMoneyText(*s);
  if (!pence) return core::Null{};
  return core::Pence{*pence};
}

core::Value PenceOf(std::span<core::Value> a, const FunctionState*) {
  return std::get<core::Pence>(a[0]).value;
}

}  // namespace

void AddMoneyFunctions(std::vector<FunctionInfo>& t) {
  t.push_back({"money", 1, 1, {kText | kDec | kInt | kPenceT}, core::ValueType::kPence, Money, -1,
               nullptr, Special::kNone, "money(text|decimal|integer pounds) -> pence"});
  t.push_back({"pence", 1, 1, {kPenceT}, core::ValueType::kInteger, PenceOf, -1, nullptr,
               Special::kNone, "pence(money) -> integer"});
}

}  // namespace handover::transform
