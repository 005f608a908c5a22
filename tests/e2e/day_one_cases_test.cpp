// The day-one pack on hand-built young people, each a case the first payment
// run must get right (cut-over Monday 1 October 2018), run through the real
// CLI: a committed run of a small generated provider with six people added
// by hand, then dayone.json read for their lines.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"

namespace handover {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class DayOneCases : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto generated = testing::RunHandover(
        {"generate", "--people", "30", "--seed", "11", "--cutover", "2018-10-01", "--out", Provider().string()},
        dir_.path());
    ASSERT_EQ(generated.exit_code, 0) << generated.err;
    auto db = testing::OpenOrFail("sqlite:" + Provider().string(), db::OpenMode::kMustExist);
    ASSERT_NE(db, nullptr);
    std::vector<std::string> statements = {"DELETE FROM pay_schedule"};
    const char* people[][5] = {{"99001", "LC9990001", "Ann", "Abbott", "2000-01-11"},
                               {"99002", "LC9990002", "Ben", "Brookes", "2000-02-12"},
                               {"99003", "LC9990003", "Cara", "Cottle", "2000-03-13"},
                               {"99004", "LC9990004", "Dev", "Dunmore", "2000-04-14"},
                               {"99005", "LC9990005", "Eve", "Ellery", "2000-05-15"},
                               {"99006", "LC9990006", "Fin", "Fairbairn", "2000-06-16"}};
    for (const auto& p : people)
      statements.push_back(std::string("INSERT INTO client (client_id, client_ref, forename, surname, dob, gender, "
                                       "status, referral_date, closed_date, deleted) VALUES (") +
                           p[0] + ", '" + p[1] + "', '" + p[2] + "', '" + p[3] + "', '" + p[4] +
                           "', 'F', 'OPEN', '2016-06-01', NULL, 0)");
    const std::vector<std::string> cases = {
        // 1: a weekly allowance of £60 paid up to Sunday 30 September, the week before the cut-over.
        "INSERT INTO pay_schedule VALUES (1, 'LC9990001', 'WA', '£60.00', 'W', '2018-01-01', '', '30/09/2018', 0)",
        "INSERT INTO payment VALUES (900001, 'LC9990001', 1, 'WA', '60.00', '2018-09-21', '2018-09-24', 'BACS', 0)",
        // 2: in arrears: paid to 23 September, the week from the 24th unpaid.
        "INSERT INTO pay_schedule VALUES (2, 'LC9990002', 'WA', '60', 'Weekly', '2018-01-01', '', '2018-09-23', 0)",
        "INSERT INTO payment VALUES (900002, 'LC9990002', 2, 'WA', '60.00', '2018-09-14', '2018-09-17', 'BACS', 0)",
        // 3: paid a week ahead, to Sunday 7 October.
        "INSERT INTO pay_schedule VALUES (3, 'LC9990003', 'WA', '60', 'W', '2018-01-01', '', '2018-10-07', 0)",
        "INSERT INTO payment VALUES (900003, 'LC9990003', 3, 'WA', '60.00', '2018-09-28', '2018-10-01', 'BACS', 0)",
        // 4: paid weekly until a month ago; the schedule ended on 2 September.
        "INSERT INTO pay_schedule VALUES (4, 'LC9990004', 'WA', '60', 'W', '2018-01-01', '2018-09-02', '2018-09-02', 0)",
        "INSERT INTO payment VALUES (900004, 'LC9990004', 4, 'WA', '60.00', '2018-08-31', '2018-08-27', 'BACS', 0)",
        // 5: paid to 9 September by the schedule, but the last payment line is for the week of 27 August,
        // at £55: three weeks unpaid, a week nobody paid, and another amount.
        "INSERT INTO pay_schedule VALUES (5, 'LC9990005', 'WA', '60', 'W', '2018-01-01', '', '2018-09-09', 0)",
        "INSERT INTO payment VALUES (900005, 'LC9990005', 5, 'WA', '55.00', '2018-08-24', '2018-08-27', 'BACS', 0)",
        // 6: paid to 30 September by the schedule, but a payment line covers the week of 1 October too.
        "INSERT INTO pay_schedule VALUES (6, 'LC9990006', 'WA', '60', 'W', '2018-01-01', '', '2018-09-30', 0)",
        "INSERT INTO payment VALUES (900006, 'LC9990006', 6, 'WA', '60.00', '2018-09-28', '2018-10-01', 'BACS', 0)",
        // Ann's PA is worker 1 and her review is overdue; Ben has no PA and a review due in three weeks.
        "INSERT INTO allocation VALUES (990001, 'LC9990001', 1, NULL, '2018-01-01', '')",
        "INSERT INTO pathway_plan VALUES (990001, 'LC9990001', '2018-03-15', '2018-09-15', 'Current')",
        "INSERT INTO pathway_plan VALUES (990002, 'LC9990002', '2018-04-20', '2018-10-20', 'Current')",
    };
    statements.insert(statements.end(), cases.begin(), cases.end());
    for (const std::string& sql : statements) {
      auto s = db->Execute(sql, "building the day-one cases");
      ASSERT_TRUE(s.ok()) << s.message();
    }
    const auto r = testing::RunHandover(
        {"run", "--source", "sqlite:" + Provider().string(), "--target", "sqlite:" + (dir_ / "council.db").string(),
         "--mappings", (testing::SourceDir() / "mappings" / "leaving-care").string(), "--param", "cutover=2018-10-01",
         "--out", (dir_ / "out").string()},
        dir_.path());
    ASSERT_LE(r.exit_code, 1) << r.out << r.err;
    pack_ = json::parse(testing::ReadFile(dir_ / "out" / "dayone.json"));
  }
  fs::path Provider() const { return dir_ / "provider.db"; }

  // The lines of `list` for a legacy reference.
  json LinesOf(const char* list, const std::string& ref) const {
    json found = json::array();
    for (const json& line : pack_["first_payment_run"][list])
      if (line["legacy_ref"] == ref) found.push_back(line);
    return found;
  }

  testing::TempDir dir_;
  json pack_;
};

json Line(const std::string& ref, int schedule, const std::string& from, const std::string& to, int periods,
          const std::string& last_from, const json& flags, int last_pence = 6000) {
  return {{"legacy_ref", ref},
          {"payment_type", "WEEKLY_ALLOWANCE"},
          {"frequency", "WEEKLY"},
          {"legacy_schedule_id", schedule},
          {"first_period_start", from},
          {"first_period_end", to.empty() ? json(nullptr) : json(to)},
          {"periods", periods},
          {"amount_pence", 6000 * periods},
          {"amount_pence_per_period", 6000},
          {"provider_last_period_start", last_from},
          {"provider_last_amount_pence", last_pence},
          {"flags", flags}};
}

TEST_F(DayOneCases, PaidUpToTheCutoverGivesNextWeeksLineWithNoFlag) {
  EXPECT_EQ(LinesOf("lines", "LC9990001"),
            json::array({Line("LC9990001", 1, "2018-10-01", "2018-10-07", 1, "2018-09-24", json::array())}));
}

TEST_F(DayOneCases, ArrearsGiveALineCoveringTheUnpaidPeriodsAndAFlag) {
  EXPECT_EQ(LinesOf("lines", "LC9990002"),
            json::array({Line("LC9990002", 2, "2018-09-24", "2018-10-07", 2, "2018-09-17", json::array({"arrears"}))}));
}

TEST_F(DayOneCases, PaidInAdvanceGivesNoLineInTheFirstRun) {
  EXPECT_EQ(LinesOf("lines", "LC9990003"), json::array());
  EXPECT_EQ(LinesOf("not_in_first_run", "LC9990003"),
            json::array({Line("LC9990003", 3, "2018-10-08", "", 0, "2018-10-01", json::array())}));
}

TEST_F(DayOneCases, RecurringPaymentsWithAnEndedScheduleAreFlagged) {
  EXPECT_EQ(LinesOf("lines", "LC9990004"), json::array());
  EXPECT_EQ(LinesOf("not_in_first_run", "LC9990004"), json::array());
  const json& flagged = pack_["first_payment_run"]["recurring_payments_no_arrangement"];
  const json expected = {{"legacy_ref", "LC9990004"}, {"last_paid_date", "2018-08-31"}};
  EXPECT_NE(std::find(flagged.begin(), flagged.end(), expected), flagged.end()) << flagged.dump(1);
  for (const char* ref : {"LC9990001", "LC9990002", "LC9990003", "LC9990005", "LC9990006"})
    for (const json& line : flagged) EXPECT_NE(line["legacy_ref"], ref) << ref << " has an arrangement";
}

TEST_F(DayOneCases, AMissingPaymentLineIsAGapAndAnotherAmountAChange) {
  EXPECT_EQ(LinesOf("lines", "LC9990005"),
            json::array({Line("LC9990005", 5, "2018-09-10", "2018-10-07", 4, "2018-08-27",
                              json::array({"arrears", "unpaid_over_two_periods", "gap", "amount_change"}), 5500)}));
}

TEST_F(DayOneCases, AWeekPaidByTheProviderAndTheCouncilIsAnOverlap) {
  EXPECT_EQ(LinesOf("lines", "LC9990006"),
            json::array({Line("LC9990006", 6, "2018-10-01", "2018-10-07", 1, "2018-10-01", json::array({"overlap"}))}));
}

TEST_F(DayOneCases, AFirstRunAWeekLaterPaysEveryPeriodBegunByThen) {
  const auto r = testing::RunHandover({"dayone", "--target", "sqlite:" + (dir_ / "council.db").string(), "--param",
                                       "cutover=2018-10-01", "--param", "first_run=2018-10-08", "--out",
                                       (dir_ / "later").string()},
                                      dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  pack_ = json::parse(testing::ReadFile(dir_ / "later" / "dayone.json"));
  EXPECT_EQ(pack_["first_run"], "2018-10-08");
  EXPECT_EQ(LinesOf("lines", "LC9990001"),
            json::array({Line("LC9990001", 1, "2018-10-01", "2018-10-14", 2, "2018-09-24", json::array())}));
  // Paid to 7 October: its first council week is the run's.
  EXPECT_EQ(LinesOf("lines", "LC9990003"),
            json::array({Line("LC9990003", 3, "2018-10-08", "2018-10-14", 1, "2018-10-01", json::array())}));
  // Arrears are counted from the cut-over, whatever the run's date.
  EXPECT_EQ(LinesOf("lines", "LC9990002"),
            json::array({Line("LC9990002", 2, "2018-09-24", "2018-10-14", 3, "2018-09-17", json::array({"arrears"}))}));
}

TEST_F(DayOneCases, CaseloadsAndReviewsNameThePaAndTheDueDates) {
  const json& caseloads = pack_["caseloads"];
  const json* worker_one = nullptr;
  for (const json& staff : caseloads["by_staff"])
    if (staff["legacy_worker_id"] == 1) worker_one = &staff;
  ASSERT_NE(worker_one, nullptr) << caseloads.dump(1).substr(0, 2000);
  const auto has = [](const json& list, const char* ref) { return std::find(list.begin(), list.end(), ref) != list.end(); };
  EXPECT_TRUE(has((*worker_one)["cases"], "LC9990001"));
  EXPECT_TRUE(has((*worker_one)["reviews"]["overdue"], "LC9990001"));
  EXPECT_TRUE(has(caseloads["unallocated"]["cases"], "LC9990002"));
  EXPECT_TRUE(has(caseloads["unallocated"]["reviews"]["due_within_4_weeks"], "LC9990002"));
  EXPECT_TRUE(has(caseloads["unallocated"]["reviews"]["due_within_8_weeks"], "LC9990002"));
  EXPECT_TRUE(has(pack_["reviews"]["without_current_plan"], "LC9990003"));
  EXPECT_FALSE(has(pack_["reviews"]["without_current_plan"], "LC9990001"));
}

}  // namespace
}  // namespace handover
