// Value: one typed cell flowing between stages. A variant with an explicit
// Null, integer pence for money (never a binary float), exact decimals and
// calendar dates. Text is a byte string as read from the source (it may hold
// non-UTF-8 bytes; transform decides what to do with them).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace handover::core {

// SQL NULL, or a value that could not be produced.
struct Null {
  bool operator==(const Null&) const = default;
};

// Money in integer pence (GBP minor units). Negative for refunds/reversals.
struct Pence {
  int64_t value = 0;
  auto operator<=>(const Pence&) const = default;
};

// An exact decimal: mantissa * 10^-scale ("89.99999999" = 8999999999, 8).
struct Decimal {
  int64_t mantissa = 0;
  int32_t scale = 0;
  bool operator==(const Decimal&) const = default;
  std::string ToString() const;
  // Parses "-12.340", "1e2" is not accepted. Returns nullopt on anything else.
  static std::optional<Decimal> Parse(const std::string& text);
};

// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
struct Date {
  int32_t days = 0;
  auto operator<=>(const Date&) const = default;

  // Returns nullopt for impossible dates (31/02/2002, month 0, ...).
  static std::optional<Date> FromYmd(int year, unsigned month, unsigned day);
  // Parses exactly "YYYY-MM-DD"; nullopt otherwise.
  static std::optional<Date> ParseIso(const std::string& text);
  std::chrono::year_month_day ToYmd() const;
  int year() const { return int(ToYmd().year()); }
  unsigned month() const { return unsigned(ToYmd().month()); }
  unsigned day() const { return unsigned(ToYmd().day()); }
  std::string ToIso() const;  // "YYYY-MM-DD"
  void AppendIso(std::string& out) const;
  // Full years from this date to `on` (an age): a 29 February birthday
  // counts on 1 March in other years.
  int FullYearsTo(Date on) const;
};

// The variant index order is part of the contract: see ValueType.
using Value = std::variant<Null, bool, int64_t, Pence, Decimal, std::string, Date>;

// Names the alternative a Value holds; same order as the variant.
enum class ValueType { kNull = 0, kBool, kInteger, kPence, kDecimal, kText, kDate };

inline ValueType TypeOf(const Value& v) { return static_cast<ValueType>(v.index()); }
inline bool IsNull(const Value& v) { return std::holds_alternative<Null>(v); }
const char* ValueTypeName(ValueType type);

// Renders a value as SQL-literal-free text for binding and CSV: integers in
// decimal, pence as an integer number of pence, dates ISO, bools "1"/"0",
// Null as "" (callers needing to tell NULL apart use IsNull).
std::string ToText(const Value& v);
// The same text appended to `out`, with no temporary string.
void AppendText(const Value& v, std::string& out);

}  // namespace handover::core
