#include "profile/column_profiler.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "core/ascii.h"
#include "core/text_encoding.h"
#include "profile/text_shape.h"

namespace handover::profile {
namespace {

constexpr size_t kTopValues = 50;       // frequent values kept in the profile
constexpr size_t kClip = 200;           // bytes of a value kept for min / max / examples

int64_t Utf8Characters(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Clip(std::string_view s) { return std::string(s.substr(0, kClip)); }

}  // namespace

const char* LooksName(Looks looks) {
  switch (looks) {
    case Looks::kEmpty: return "empty";
    case Looks::kDate: return "date";
    case Looks::kMoney: return "money";
    case Looks::kInteger: return "integer";
    case Looks::kDecimal: return "decimal";
    case Looks::kCode: return "code";
    case Looks::kIdentifier: return "identifier";
    case Looks::kText: return "text";
  }
  return "text";
}

ColumnProfiler::ColumnProfiler(std::string name, std::string declared_type, bool personal)
    : format_counts_(kDateFormats.size(), 0), format_examples_(kDateFormats.size()) {
  p_.name = std::move(name);
  p_.declared_type = std::move(declared_type);
  p_.personal = personal;
}

void ColumnProfiler::Add(const std::string* value) {
  ++p_.rows;
  if (value == nullptr) {
    ++p_.nulls;
    return;
  }
  const std::string& v = *value;
  distinct_.Add(v);
  frequent_.Add(v);
  const bool utf8 = core::IsValidUtf8(v);
  if (!utf8) ++p_.non_utf8;
  p_.max_length = std::max<int64_t>(p_.max_length, utf8 ? Utf8Characters(v) : int64_t(v.size()));
  const std::string_view trimmed = Trimmed(v);
  if (trimmed.empty()) {
    ++p_.blanks;
    return;
  }
  if (trimmed.size() != v.size()) ++p_.padded;
  if (!min_text_ || v < *min_text_) min_text_ = Clip(v);
  if (!max_text_ || v > *max_text_) max_text_ = Clip(v);
  AddShapes(trimmed);
}

void ColumnProfiler::AddShapes(std::string_view t) {
  if (IsIntegerText(t)) {
    ++p_.integer_text;
    if (HasLeadingZero(t)) ++p_.leading_zeros;
    int64_t n = 0;
    const char* begin = t.data() + (t.front() == '+' ? 1 : 0);
    if (std::from_chars(begin, t.data() + t.size(), n).ec == std::errc()) {
      min_int_ = std::min(min_int_.value_or(n), n);
      max_int_ = std::max(max_int_.value_or(n), n);
    } else {
      all_integers_ = false;
    }
  } else {
    all_integers_ = false;
    if (IsDecimalText(t)) ++p_.decimal_text;
  }
  if (auto date = ReadDate(t)) {
    ++p_.dates;
    if (date->ambiguous) ++p_.ambiguous_dates;
    if (format_counts_[date->format]++ == 0) format_examples_[date->format] = Clip(t);
    earliest_ = std::min(earliest_.value_or(date->date.days), date->date.days);
    latest_ = std::max(latest_.value_or(date->date.days), date->date.days);
  } else if (HasDateShape(t)) {
    ++p_.unreadable_dates;
  }
  if (auto money = ReadMoney(t)) {
    MoneyCounts& m = p_.money;
    ++m.readable;
    if (money->money_like()) ++m.money_like;
    if (money->pound_sign) ++m.pound_sign;
    if (money->thousands_commas) ++m.thousands_commas;
    if (money->float_noise) ++m.float_noise;
    if (money->negative) ++m.negative;
    if (!money->has_fraction) ++m.whole;
  } else {
    ++p_.money.unreadable;
  }
}

ColumnProfile ColumnProfiler::Finish() const {
  ColumnProfile p = p_;
  p.distinct_exact = frequent_.exact();
  p.distinct = p.distinct_exact ? int64_t(frequent_.held()) : distinct_.Estimate();
  p.top = frequent_.Top(kTopValues);
  p.top_exact = frequent_.exact();
  p.top_max_error = frequent_.max_error();
  if (all_integers_ && min_int_) {
    p.min = std::to_string(*min_int_);
    p.max = std::to_string(*max_int_);
  } else if (min_text_) {
    p.min = *min_text_;
    p.max = *max_text_;
  }
  for (size_t f = 0; f < kDateFormats.size(); ++f)
    if (format_counts_[f] > 0) p.date_formats.push_back({std::string(kDateFormats[f]), format_counts_[f], format_examples_[f]});
  std::stable_sort(p.date_formats.begin(), p.date_formats.end(),
                   [](const DateFormatCount& a, const DateFormatCount& b) { return a.count > b.count; });
  if (earliest_) {
    p.earliest_date = core::Date{*earliest_}.ToIso();
    p.latest_date = core::Date{*latest_}.ToIso();
  }
  // Spellings of one value: the frequent values grouped by their folded form.
  std::map<std::string, std::vector<std::string>> folded;
  for (const ValueCount& v : frequent_.Top(SIZE_MAX)) folded[core::AsciiLower(std::string(Trimmed(v.value)))].push_back(v.value);
  for (auto& [key, spellings] : folded)
    if (spellings.size() > 1 && !key.empty()) p.case_variants.push_back(std::move(spellings));
  std::sort(p.case_variants.begin(), p.case_variants.end(),
            [](const auto& a, const auto& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
  p.looks = JudgeLooks(p);
  // A code column's every spelling is a candidate code: all of them kept.
  if (p.looks == Looks::kCode) p.top = frequent_.Top(SIZE_MAX);
  return p;
}

Looks JudgeLooks(const ColumnProfile& p) {
  const int64_t n = p.non_blank();
  if (n == 0) return Looks::kEmpty;
  // A date column: nearly every value is date-shaped and most are real dates.
  if (p.dates > 0 && (p.dates + p.unreadable_dates) * 10 >= n * 9) return Looks::kDate;
  if (p.integer_text * 100 >= n * 99) {
    // An integer column that is all different is an identifier.
    return p.distinct * 100 >= n * 99 && n > 1 ? Looks::kIdentifier : Looks::kInteger;
  }
  // Money: readable by money(...) nearly throughout, and written as money
  // (a pound sign, commas or pence) at least half the time.
  if (p.money.readable * 100 >= n * 95 && p.money.money_like * 2 >= n &&
      (p.money.pound_sign > 0 || p.money.thousands_commas > 0 || p.money.float_noise > 0))
    return Looks::kMoney;
  if ((p.integer_text + p.decimal_text) * 100 >= n * 99) return Looks::kDecimal;
  // Codes: few spellings, each used many times; never personal text.
  if (!p.personal && p.distinct_exact && p.distinct <= 200 && p.distinct * 10 <= n && p.max_length <= 60)
    return Looks::kCode;
  if (p.distinct * 100 >= n * 99 && p.max_length <= 64 && n > 1) return Looks::kIdentifier;
  return Looks::kText;
}

}  // namespace handover::profile
