#include "core/value.h"

#include <charconv>
#include <cstdio>

namespace handover::core {

const char* ValueTypeName(ValueType type) {
  switch (type) {
    case ValueType::kNull: return "null";
    case ValueType::kBool: return "bool";
    case ValueType::kInteger: return "integer";
    case ValueType::kPence: return "pence";
    case ValueType::kDecimal: return "decimal";
    case ValueType::kText: return "text";
    case ValueType::kDate: return "date";
  }
  return "unknown";
}

std::optional<Date> Date::FromYmd(int year, unsigned month, unsigned day) {
  using namespace std::chrono;
  const year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                           std::chrono::day{day}};
  if (!ymd.ok()) return std::nullopt;
  return Date{static_cast<int32_t>(sys_days{ymd}.time_since_epoch().count())};
}

std::chrono::year_month_day Date::ToYmd() const {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}};
}

std::string Date::ToIso() const {
  std::string out;
  AppendIso(out);
  return out;
}

void Date::AppendIso(std::string& out) const {
  const auto ymd = ToYmd();
  const int year = int(ymd.year());
  if (year < 0 || year > 9999) {  // outside what four digits hold: as printf would
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, unsigned(ymd.month()), unsigned(ymd.day()));
    out += buf;
    return;
  }
  const unsigned month = unsigned(ymd.month()), day = unsigned(ymd.day());
  const char text[10] = {char('0' + year / 1000),     char('0' + year / 100 % 10), char('0' + year / 10 % 10),
                         char('0' + year % 10),       '-',
                         char('0' + month / 10),      char('0' + month % 10),      '-',
                         char('0' + day / 10),        char('0' + day % 10)};
  out.append(text, sizeof text);
}

int Date::FullYearsTo(Date on) const {
  int years = on.year() - year();
  if (on.month() < month() || (on.month() == month() && on.day() < day())) --years;
  return years;
}

std::optional<Date> Date::ParseIso(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  const char* s = text.data();
  if (std::from_chars(s, s + 4, y).ptr != s + 4) return std::nullopt;
  if (std::from_chars(s + 5, s + 7, m).ptr != s + 7) return std::nullopt;
  if (std::from_chars(s + 8, s + 10, d).ptr != s + 10) return std::nullopt;
  return FromYmd(y, m, d);
}

std::optional<Decimal> Decimal::Parse(const std::string& text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  int64_t mantissa = 0;
  int32_t scale = 0;
  bool seen_digit = false, seen_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (__builtin_mul_overflow(mantissa, 10, &mantissa) ||
        __builtin_add_overflow(mantissa, c - '0', &mantissa))
      return std::nullopt;
    seen_digit = true;
    if (seen_point) ++scale;
  }
  if (!seen_digit) return std::nullopt;
  return Decimal{negative ? -mantissa : mantissa, scale};
}

std::string Decimal::ToString() const {
  const bool negative = mantissa < 0;
  // Through unsigned so that INT64_MIN has a magnitude.
  const uint64_t magnitude =
      negative ? uint64_t{0} - static_cast<uint64_t>(mantissa) : static_cast<uint64_t>(mantissa);
  std::string digits = std::to_string(magnitude);
  if (scale > 0) {
    if (digits.size() <= static_cast<size_t>(scale))
      digits.insert(0, static_cast<size_t>(scale) - digits.size() + 1, '0');
    digits.insert(digits.size() - static_cast<size_t>(scale), 1, '.');
  }
  return negative ? "-" + digits : digits;
}

std::string ToText(const Value& v) {
  struct Visitor {
    std::string operator()(const Null&) const { return {}; }
    std::string operator()(bool b) const { return b ? "1" : "0"; }
    std::string operator()(int64_t i) const { return std::to_string(i); }
    std::string operator()(const Pence& p) const { return std::to_string(p.value); }
    std::string operator()(const Decimal& d) const { return d.ToString(); }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(const Date& d) const { return d.ToIso(); }
  };
  return std::visit(Visitor{}, v);
}

void AppendText(const Value& v, std::string& out) {
  struct Visitor {
    std::string& out;
    void Integer(int64_t i) const {
      char buf[24];
      const auto end = std::to_chars(buf, buf + sizeof buf, i).ptr;
      out.append(buf, end);
    }
    void operator()(const Null&) const {}
    void operator()(bool b) const { out += b ? '1' : '0'; }
    void operator()(int64_t i) const { Integer(i); }
    void operator()(const Pence& p) const { Integer(p.value); }
    void operator()(const Decimal& d) const { out += d.ToString(); }
    void operator()(const std::string& s) const { out += s; }
    void operator()(const Date& d) const { d.AppendIso(out); }
  };
  std::visit(Visitor{out}, v);
}

}  // namespace handover::core
