// What one text value looks like: a date (in which of the candidate formats,
// and whether day and month could be swapped), money text (pound sign,
// thousands commas, float noise, negative), a number, an identifier with
// leading zeros. Dates and money are recognised with the very parsers the
// mapping language's date(...) and money(...) use (transform/functions), so
// a format the profile reports is one date(...) accepts.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "core/value.h"

namespace handover::profile {

// The date formats a profile tries, in this order (the first that reads a
// value claims it): the mapping language's directives.
inline constexpr std::array<std::string_view, 8> kDateFormats = {
    "%Y-%m-%d", "%d/%m/%Y", "%d-%b-%y", "%d.%m.%Y", "%m/%d/%Y", "%d-%b-%Y", "%Y/%m/%d", "%d-%m-%Y"};

// A value read as a date.
struct DateShape {
  size_t format = 0;        // index into kDateFormats
  core::Date date;
  bool ambiguous = false;   // day and month both <= 12 and different: 03/04/2001 reads both ways
};

// The first candidate format that reads `text` (trimmed) as a real date.
std::optional<DateShape> ReadDate(std::string_view text);

// True when `text` has a date's shape (three groups of digits, or day-Mon-year,
// split by one of / . -) whether or not it is a real date: 31/02/2002, 00/00/0000.
bool HasDateShape(std::string_view text);

// What money text `text` is, when money(...) reads it.
struct MoneyShape {
  bool pound_sign = false;        // £ (UTF-8 or Windows-1252)
  bool thousands_commas = false;  // 1,200.00
  bool float_noise = false;       // more than two decimals: 89.99999999
  bool negative = false;          // -12.50 or (12.50)
  bool has_fraction = false;      // a decimal point
  // Money rather than a plain number: a pound sign, commas or a fraction.
  bool money_like() const { return pound_sign || thousands_commas || has_fraction; }
};
std::optional<MoneyShape> ReadMoney(std::string_view text);

// An optionally signed run of digits ("42", "-7", "007").
bool IsIntegerText(std::string_view text);
// Digits, a point and digits ("12.5").
bool IsDecimalText(std::string_view text);
// An identifier kept as text whose leading zeros a number would lose: digits
// only, more than one, starting with 0 ("007").
bool HasLeadingZero(std::string_view text);

// `text` without leading and trailing spaces and tabs.
std::string_view Trimmed(std::string_view text);

}  // namespace handover::profile
