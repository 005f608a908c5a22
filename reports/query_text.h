// Reading the text cells report queries return (every column is CAST to
// text, see db::Database::ForEachRow): integers and dates as the backends
// write them.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/value.h"

namespace handover::reports {

// "12345" -> 12345; "" (a NULL) or text that is no integer -> 0.
inline int64_t IntFromText(std::string_view text) {
  int64_t v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

// "YYYY-MM-DD" on every backend (PostgreSQL DATE cast to text, SQLite's ISO
// text), possibly with a time part from some drivers; nullopt otherwise.
inline std::optional<core::Date> DateFromText(const std::string& text) {
  return core::Date::ParseIso(text.substr(0, 10));
}

}  // namespace handover::reports
