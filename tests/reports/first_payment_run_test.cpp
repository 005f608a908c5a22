// The first payment run's rule, line by line, on arrangements built by hand
// (cut-over Monday 1 October 2018): the periods a run pays, the end date, and
// each flag set only when its case holds.
#include <gtest/gtest.h>

#include "reports/first_payment_run.h"

namespace handover::reports {
namespace {

core::Date D(const char* iso) { return *core::Date::ParseIso(iso); }

ArrangementRow Weekly(const char* start, std::optional<core::Date> end = std::nullopt) {
  return {"LC0000001", "WEEKLY_ALLOWANCE", "WEEKLY", 7, 6000, 7, D(start), end};
}

const core::Date kCutover = D("2018-10-01");

TEST(FirstPaymentRun, AFourWeeklyRunPaysItsFirstPeriodInAdvance) {
  ArrangementRow rent{"LC0000002", "RENT", "FOUR_WEEKLY", 9, 38000, 28, D("2018-10-01"), std::nullopt};
  const FirstRunLine line = FirstRunLineFor(rent, LastPayment{D("2018-09-03"), 38000}, kCutover, kCutover);
  EXPECT_EQ(line.periods, 1);
  EXPECT_EQ(line.amount_pence, 38000);
  EXPECT_EQ(line.first_period_end, D("2018-10-28"));
  EXPECT_TRUE(line.flags.empty());
}

TEST(FirstPaymentRun, ALaterRunDatePaysEveryPeriodBegunByThen) {
  const FirstRunLine line = FirstRunLineFor(Weekly("2018-10-01"), std::nullopt, kCutover, D("2018-10-15"));
  EXPECT_EQ(line.periods, 3);
  EXPECT_EQ(line.amount_pence, 18000);
  EXPECT_EQ(line.first_period_end, D("2018-10-21"));
}

TEST(FirstPaymentRun, NoPeriodPastTheEndDateIsPaid) {
  const FirstRunLine line = FirstRunLineFor(Weekly("2018-09-17", D("2018-09-23")), LastPayment{D("2018-09-10"), 6000},
                                            kCutover, kCutover);
  EXPECT_EQ(line.periods, 1);
  EXPECT_EQ(line.first_period_end, D("2018-09-23"));
  EXPECT_EQ(line.flags, std::vector<std::string>({"arrears"}));
}

TEST(FirstPaymentRun, MoreThanTwoUnpaidPeriodsAreFlagged) {
  const FirstRunLine line = FirstRunLineFor(Weekly("2018-09-10"), LastPayment{D("2018-09-03"), 6000}, kCutover, kCutover);
  EXPECT_EQ(line.periods, 4);
  EXPECT_EQ(line.flags, std::vector<std::string>({"arrears", "unpaid_over_two_periods"}));
  const FirstRunLine two = FirstRunLineFor(Weekly("2018-09-17"), LastPayment{D("2018-09-10"), 6000}, kCutover, kCutover);
  EXPECT_EQ(two.flags, std::vector<std::string>({"arrears"}));
}

TEST(FirstPaymentRun, AGapAnOverlapAndAnAmountChangeAreFlagged) {
  // The provider's last payment covered 17-23 September; the council starts on 1 October.
  EXPECT_EQ(FirstRunLineFor(Weekly("2018-10-01"), LastPayment{D("2018-09-17"), 6000}, kCutover, kCutover).flags,
            std::vector<std::string>({"gap"}));
  // It covered 1-7 October; the council starts on 1 October too.
  EXPECT_EQ(FirstRunLineFor(Weekly("2018-10-01"), LastPayment{D("2018-10-01"), 6000}, kCutover, kCutover).flags,
            std::vector<std::string>({"overlap"}));
  EXPECT_EQ(FirstRunLineFor(Weekly("2018-10-01"), LastPayment{D("2018-09-24"), 5000}, kCutover, kCutover).flags,
            std::vector<std::string>({"amount_change"}));
  EXPECT_TRUE(FirstRunLineFor(Weekly("2018-10-01"), LastPayment{D("2018-09-24"), 6000}, kCutover, kCutover).flags.empty());
}

TEST(FirstPaymentRun, LinesAndTotalsGoWhereTheyBelong) {
  FirstPaymentRun run;
  AddToRun(FirstRunLineFor(Weekly("2018-10-08"), LastPayment{D("2018-10-01"), 6000}, kCutover, kCutover), run);
  AddToRun(FirstRunLineFor(Weekly("2018-09-24"), LastPayment{D("2018-09-17"), 6000}, kCutover, kCutover), run);
  ASSERT_EQ(run.lines.size(), 1u);
  ASSERT_EQ(run.not_in_first_run.size(), 1u);
  const RunTotals& totals = run.totals_by_type.at("WEEKLY_ALLOWANCE");
  EXPECT_EQ(totals.arrangements, 2);
  EXPECT_EQ(totals.lines, 1);
  EXPECT_EQ(totals.provider_last_pence, 12000);
  EXPECT_EQ(totals.council_first_run_pence, 12000);
  EXPECT_EQ(run.flag_counts.at("arrears"), 1);
}

}  // namespace
}  // namespace handover::reports
