#include "core/calendar_months.h"

#include <gtest/gtest.h>

namespace handover::core {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }

TEST(CalendarMonths, TheSameDayOrTheMonthsLastDay) {
  EXPECT_EQ(SameDayMonthsBefore(D("2018-10-01"), 2), D("2018-08-01"));
  EXPECT_EQ(SameDayMonthsBefore(D("2019-04-30"), 2), D("2019-02-28"));
  EXPECT_EQ(SameDayMonthsBefore(D("2020-04-30"), 2), D("2020-02-29"));  // a leap year
  EXPECT_EQ(SameDayMonthsBefore(D("2020-02-15"), 2), D("2019-12-15"));  // across a year
  EXPECT_EQ(SameDayMonthsBefore(D("2020-01-31"), 1), D("2019-12-31"));
  EXPECT_EQ(SameDayMonthsBefore(D("2021-03-31"), 13), D("2020-02-29"));
  EXPECT_EQ(SameDayMonthsBefore(D("2021-03-31"), 0), D("2021-03-31"));
}

}  // namespace
}  // namespace handover::core
