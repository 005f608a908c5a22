// Date arithmetic the generator needs on top of handover::Date.
#pragma once

#include "core/value.h"

namespace handover::generator {

inline core::Date AddDays(core::Date date, int64_t days) {
  return core::Date{static_cast<int32_t>(date.days + days)};
}

// The same day `years` later (29 February becomes 28 February).
inline core::Date AddYears(core::Date date, int years) {
  const int y = date.year() + years;
  auto result = core::Date::FromYmd(y, date.month(), date.day());
  return result ? *result : *core::Date::FromYmd(y, date.month(), 28);
}

// Full years from `birth` to `on`.
inline int AgeOn(core::Date birth, core::Date on) { return birth.FullYearsTo(on); }

// "YYYY-MM" of a date: the month key of the answer key's money figures.
inline int MonthKey(core::Date date) { return date.year() * 100 + static_cast<int>(date.month()); }

}  // namespace handover::generator
