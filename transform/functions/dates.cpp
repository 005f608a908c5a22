// Date functions: date(text, formats...) parsing with several formats, age at
// a date, and date arithmetic in days, weeks and months.
#include <chrono>

#include "core/ascii.h"
#include "transform/functions/function.h"

namespace handover::transform {
namespace {

constexpr std::string_view kMonths[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::string_view kMonthNames[12] = {"january", "february", "march",     "april",
                                              "may",     "june",     "july",      "august",
                                              "september", "october", "november", "december"};


// Reads between min and max digits at s[i]; false if fewer than min.
bool Digits(std::string_view s, size_t& i, int min, int max, int& out) {
  out = 0;
  int n = 0;
  while (n < max && i < s.size() && s[i] >= '0' && s[i] <= '9') out = out * 10 + (s[i++] - '0'), ++n;
  return n >= min;
}

bool StartsWithNoCase(std::string_view s, size_t i, std::string_view word) {
  if (s.size() - i < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (core::AsciiLower(s[i + k]) != word[k]) return false;
  return true;
}

}  // namespace

std::string CheckDateFormat(std::string_view format) {
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    if (i + 1 >= format.size()) return "date format ends with a lone '%'";
    const char d = format[++i];
    if (d != 'Y' && d != 'm' && d != 'd' && d != 'b' && d != 'y' && d != '%')
      return std::string("unknown date format directive '%") + d + "' (use %Y %m %d %b %y)";
  }
  return {};
}

std::optional<core::Date> ParseDateText(std::string_view s, std::string_view f) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  int year = -1, month = -1, day = -1;
  size_t i = 0;
  for (size_t k = 0; k < f.size(); ++k) {
    if (f[k] != '%' || k + 1 >= f.size()) {
      if (i >= s.size() || s[i] != f[k]) return std::nullopt;
      ++i;
      continue;
    }
    switch (f[++k]) {
      case 'Y': if (!Digits(s, i, 4, 4, year)) return std::nullopt; break;
      case 'y': {
        int yy = 0;
        if (!Digits(s, i, 2, 2, yy)) return std::nullopt;
        year = yy < 69 ? 2000 + yy : 1900 + yy;  // POSIX strptime pivot
        break;
      }
      case 'm': if (!Digits(s, i, 1, 2, month)) return std::nullopt; break;
      case 'd': if (!Digits(s, i, 1, 2, day)) return std::nullopt; break;
      case 'b': {
        month = -1;
        for (int m = 0; m < 12 && month < 0; ++m) {
          if (StartsWithNoCase(s, i, kMonthNames[m])) month = m + 1, i += kMonthNames[m].size();
          else if (StartsWithNoCase(s, i, kMonths[m])) month = m + 1, i += 3;
        }
        if (month < 0) return std::nullopt;
        break;
      }
      case '%': if (i >= s.size() || s[i] != '%') return std::nullopt; ++i; break;
      default: return std::nullopt;
    }
  }
  if (i != s.size() || year < 0 || month < 1 || day < 1) return std::nullopt;
  return core::Date::FromYmd(year, unsigned(month), unsigned(day));
}

namespace {

struct DateFormats : FunctionState {
  std::vector<std::string> formats;
};

std::unique_ptr<FunctionState> PrepareFormats(const std::vector<std::string>& literals,
                                              std::string& error) {
  auto state = std::make_unique<DateFormats>();
  for (const std::string& f : literals) {
    error = CheckDateFormat(f);
    if (!error.empty()) return nullptr;
    state->formats.push_back(f);
  }
  if (state->formats.empty()) state->formats.push_back("%Y-%m-%d");
  return state;
}

core::Value ParseDate(std::span<core::Value> a, const FunctionState* state) {
  if (auto* d = std::get_if<core::Date>(&a[0])) return *d;
  const std::string& s = std::get<std::string>(a[0]);
  for (const std::string& f : static_cast<const DateFormats*>(state)->formats)
    if (auto d = ParseDateText(s, f)) return *d;
  return core::Null{};
}

// Whole years from `dob` to `at`; a 29 February birthday falls on 1 March in
// other years (the day-of-year comparison below).
core::Value Age(std::span<core::Value> a, const FunctionState*) {
  const auto dob = std::get<core::Date>(a[0]).ToYmd();
  const auto at = std::get<core::Date>(a[1]).ToYmd();
  int years = int(at.year()) - int(dob.year());
  if (std::pair(unsigned(at.month()), unsigned(at.day())) <
      std::pair(unsigned(dob.month()), unsigned(dob.day())))
    --years;
  return int64_t(years);
}

// Dates further than this from 1970 (about 27,000 years) are treated as
// unrepresentable: arithmetic that would leave the range gives NULL.
constexpr int64_t kMaxDays = 10'000'000;

core::Value DaysFrom(int64_t base, int64_t delta) {
  if (delta > kMaxDays || delta < -kMaxDays) return core::Null{};
  const int64_t days = base + delta;
  if (days > kMaxDays || days < -kMaxDays) return core::Null{};
  return core::Date{int32_t(days)};
}

core::Value AddDays(std::span<core::Value> a, const FunctionState*) {
  return DaysFrom(std::get<core::Date>(a[0]).days, std::get<int64_t>(a[1]));
}

core::Value AddWeeks(std::span<core::Value> a, const FunctionState*) {
  const int64_t weeks = std::get<int64_t>(a[1]);
  if (weeks > kMaxDays || weeks < -kMaxDays) return core::Null{};
  return DaysFrom(std::get<core::Date>(a[0]).days, 7 * weeks);
}

// Calendar months; the day is clamped to the end of a shorter month
// (31 January + 1 month = 28 or 29 February).
core::Value AddMonths(std::span<core::Value> a, const FunctionState*) {
  using namespace std::chrono;
  const auto ymd = std::get<core::Date>(a[0]).ToYmd();
  const int64_t n = std::get<int64_t>(a[1]);
  if (n > 12 * 20000 || n < -12 * 20000) return core::Null{};
  const year_month ym = year_month{ymd.year(), ymd.month()} + months{n};
  if (!ym.ok() || int(ym.year()) > 30000 || int(ym.year()) < -30000) return core::Null{};
  const auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  const day d = ymd.day() > last ? last : ymd.day();
  return core::Date{int32_t(sys_days{year_month_day{ym.year(), ym.month(), d}}.time_since_epoch().count())};
}

core::Value DaysBetween(std::span<core::Value> a, const FunctionState*) {
  return int64_t(std::get<core::Date>(a[1]).days) - std::get<core::Date>(a[0]).days;
}

core::Value WeeksBetween(std::span<core::Value> a, const FunctionState*) {
  return (int64_t(std::get<core::Date>(a[1]).days) - std::get<core::Date>(a[0]).days) / 7;
}

}  // namespace

void AddDateFunctions(std::vector<FunctionInfo>& t) {
  t.push_back({"date", 1, -1, {kText | kDate, kText}, core::ValueType::kDate, ParseDate, 1,
               PrepareFormats, Special::kNone, "date(text, \"format\", ...) -> date"});
  t.push_back({"age", 2, 2, {kDate, kDate}, core::ValueType::kInteger, Age, -1, nullptr,
               Special::kNone, "age(date_of_birth, at) -> integer"});
  t.push_back({"add_days", 2, 2, {kDate, kInt}, core::ValueType::kDate, AddDays, -1, nullptr,
               Special::kNone, "add_days(date, n) -> date"});
  t.push_back({"add_weeks", 2, 2, {kDate, kInt}, core::ValueType::kDate, AddWeeks, -1, nullptr,
               Special::kNone, "add_weeks(date, n) -> date"});
  t.push_back({"add_months", 2, 2, {kDate, kInt}, core::ValueType::kDate, AddMonths, -1, nullptr,
               Special::kNone, "add_months(date, n) -> date"});
  t.push_back({"days_between", 2, 2, {kDate, kDate}, core::ValueType::kInteger, DaysBetween, -1,
               nullptr, Special::kNone, "days_between(from, to) -> integer"});
  t.push_back({"weeks_between", 2, 2, {kDate, kDate}, core::ValueType::kInteger, WeeksBetween, -1,
               nullptr, Special::kNone, "weeks_between(from, to) -> integer (whole weeks)"});
}

}  // namespace handover::transform
