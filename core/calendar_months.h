// Calendar-month arithmetic on core::Date: "the same day N months earlier",
// which rules about recent months (the day-one pack's "recurring payments in
// the last two months") count from.
#pragma once

#include "core/value.h"

namespace handover::core {

// The same day `months` calendar months before `date`, or the last day of
// that month when it has no such day (31 March less one month: 28 or 29
// February).
inline Date SameDayMonthsBefore(Date date, int months) {
  const int total = date.year() * 12 + static_cast<int>(date.month()) - 1 - months;
  const int year = total / 12;
  const unsigned month = static_cast<unsigned>(total % 12 + 1);
  for (unsigned day = date.day(); day >= 28; --day)
    if (auto d = Date::FromYmd(year, month, day)) return *d;
  return *Date::FromYmd(year, month, date.day());
}

}  // namespace handover::core
