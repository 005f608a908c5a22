// The figures as the reports write them: thousands separators, pence as
// pounds and percentages, all in integers, at the edges of int64_t too.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "reports/money_text.h"

namespace handover::reports {
namespace {

TEST(MoneyText, GroupsThousandsAndWritesPenceAsPounds) {
  EXPECT_EQ(Grouped(0), "0");
  EXPECT_EQ(Grouped(999), "999");
  EXPECT_EQ(Grouped(1000), "1,000");
  EXPECT_EQ(Grouped(-1234567), "-1,234,567");
  EXPECT_EQ(Grouped(std::numeric_limits<int64_t>::min()), "-9,223,372,036,854,775,808");
  EXPECT_EQ(Pounds(107271660), "£1,072,716.60");
  EXPECT_EQ(Pounds(5), "£0.05");
  EXPECT_EQ(Pounds(-1250), "-£12.50");
  EXPECT_EQ(Pounds(0), "£0.00");
  EXPECT_EQ(Pounds(std::numeric_limits<int64_t>::max()), "£92,233,720,368,547,758.07");
  EXPECT_EQ(Pounds(std::numeric_limits<int64_t>::min()), "-£92,233,720,368,547,758.08");
}

TEST(MoneyText, PercentRoundsHalfUpToOneDecimal) {
  EXPECT_EQ(PercentOf(1, 3), "33.3");
  EXPECT_EQ(PercentOf(2, 3), "66.7");
  EXPECT_EQ(PercentOf(1, 8), "12.5");
  EXPECT_EQ(PercentOf(1, 2000), "0.1");   // 0.05 rounds up
  EXPECT_EQ(PercentOf(1, 2001), "0.0");
  EXPECT_EQ(PercentOf(5, 5), "100.0");
  EXPECT_EQ(PercentOf(0, 0), "0.0");
  EXPECT_EQ(PercentOf(std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::max()), "100.0");
}

}  // namespace
}  // namespace handover::reports
