#include "core/value_from_text.h"

#include <charconv>
#include <optional>

namespace handover::core {
namespace {

std::optional<int64_t> ParseInt(const std::string& text) {
  int64_t value = 0;
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (begin != end && *begin == '+') ++begin;
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end || begin == end) return std::nullopt;
  return value;
}

}  // namespace

Value ValueFromDatabaseText(std::string text, ColumnType type) {
  switch (type) {
    case ColumnType::kText:
      break;
    case ColumnType::kInteger:
      if (auto v = ParseInt(text)) return *v;
      break;
    case ColumnType::kPence:
      if (auto v = ParseInt(text)) return Pence{*v};
      break;
    case ColumnType::kDecimal:
      if (auto v = Decimal::Parse(text)) return *v;
      break;
    case ColumnType::kDate:
      // Timestamps through ODBC gain a time part; the date is the first 10.
      if (auto v = Date::ParseIso(text.substr(0, 10)); v && (text.size() == 10 || text[10] == ' ' || text[10] == 'T'))
        return *v;
      break;
    case ColumnType::kBool:
      if (text == "1" || text == "t" || text == "true") return true;
      if (text == "0" || text == "f" || text == "false") return false;
      break;
  }
  return text;
}

}  // namespace handover::core
