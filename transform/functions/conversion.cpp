// Conversions: integer(x) and text(x). Unreadable input gives NULL.
#include <charconv>

#include "transform/functions/function.h"

namespace handover::transform {
namespace {

core::Value ToInteger(std::span<core::Value> a, const FunctionState*) {
  const core::Value& v = a[0];
  if (auto* i = std::get_if<int64_t>(&v)) return *i;
  if (auto* b = std::get_if<bool>(&v)) return int64_t{*b ? 1 : 0};
  if (auto* d = std::get_if<core::Decimal>(&v)) {
    int64_t m = d->mantissa;  // truncates toward zero
    for (int s = d->scale; s > 0; --s) m /= 10;
    return m;
  }
  std::string_view s = std::get<std::string>(v);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  int64_t out = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size()) return core::Null{};
  return out;
}

core::Value ToTextValue(std::span<core::Value> a, const FunctionState*) { return core::ToText(a[0]); }

}  // namespace

void AddConversionFunctions(std::vector<FunctionInfo>& t) {
  t.push_back({"integer", 1, 1, {kText | kInt | kDec | kBoolT}, core::ValueType::kInteger, ToInteger,
               -1, nullptr, Special::kNone, "integer(text|decimal|bool) -> integer"});
  t.push_back({"text", 1, 1, {kAnyType}, core::ValueType::kText, ToTextValue, -1, nullptr,
               Special::kNone, "text(value) -> text"});
}

}  // namespace handover::transform
