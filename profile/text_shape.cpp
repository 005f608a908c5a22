#include "profile/text_shape.h"

#include <cctype>

#include "transform/functions/function.h"

namespace handover::profile {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool AllOf(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (char c : s)
    if (!pred(c)) return false;
  return true;
}

// The format with day and month swapped, for the formats where both are
// numbers; "" for the others.
std::string_view Swapped(std::string_view format) {
  if (format == "%d/%m/%Y") return "%m/%d/%Y";
  if (format == "%m/%d/%Y") return "%d/%m/%Y";
  if (format == "%d.%m.%Y") return "%m.%d.%Y";
  if (format == "%d-%m-%Y") return "%m-%d-%Y";
  return {};
}

}  // namespace

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<DateShape> ReadDate(std::string_view text) {
  text = Trimmed(text);
  // Every candidate needs a digit first or last: most text is rejected here.
  if (text.size() < 6 || text.size() > 11 || !IsDigit(text.front()) || !IsDigit(text.back())) return std::nullopt;
  for (size_t f = 0; f < kDateFormats.size(); ++f) {
    auto date = transform::ParseDateText(text, kDateFormats[f]);
    if (!date) continue;
    DateShape shape{f, *date, false};
    if (const std::string_view other = Swapped(kDateFormats[f]); !other.empty()) {
      auto swapped = transform::ParseDateText(text, other);
      shape.ambiguous = swapped && swapped->days != date->days;
    }
    return shape;
  }
  return std::nullopt;
}

bool HasDateShape(std::string_view text) {
  text = Trimmed(text);
  size_t sep = text.find_first_of("/.-");
  if (sep == std::string_view::npos || sep == 0) return false;
  const char c = text[sep];
  const size_t second = text.find(c, sep + 1);
  if (second == std::string_view::npos || text.find(c, second + 1) != std::string_view::npos) return false;
  const std::string_view a = text.substr(0, sep), b = text.substr(sep + 1, second - sep - 1),
                         y = text.substr(second + 1);
  if (!AllOf(a, IsDigit) || !AllOf(y, IsDigit) || a.size() > 4 || y.size() > 4) return false;
  return (AllOf(b, IsDigit) && b.size() <= 2) || (AllOf(b, IsLetter) && b.size() == 3);
}

std::optional<MoneyShape> ReadMoney(std::string_view text) {
  text = Trimmed(text);
  if (text.empty() || !transform::ParseMoneyText(text)) return std::nullopt;
  MoneyShape shape;
  shape.pound_sign = text.find("\xC2\xA3") != std::string_view::npos || text.find('\xA3') != std::string_view::npos;
  shape.thousands_commas = text.find(',') != std::string_view::npos;
  shape.negative = text.front() == '-' || text.front() == '(';
  if (const size_t point = text.find('.'); point != std::string_view::npos) {
    shape.has_fraction = true;
    size_t digits = 0;
    for (size_t i = point + 1; i < text.size() && IsDigit(text[i]); ++i) ++digits;
    shape.float_noise = digits > 2;
  }
  return shape;
}

bool IsIntegerText(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  return AllOf(text, IsDigit);
}

bool IsDecimalText(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  const size_t point = text.find('.');
  if (point == std::string_view::npos) return false;
  return AllOf(text.substr(0, point), IsDigit) && AllOf(text.substr(point + 1), IsDigit);
}

bool HasLeadingZero(std::string_view text) { return text.size() > 1 && text.front() == '0' && AllOf(text, IsDigit); }

}  // namespace handover::profile
