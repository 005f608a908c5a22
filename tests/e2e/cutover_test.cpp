// The payment cut-over on hand-built schedules, not only generated ones: one
// young person's schedules, each a case the rule must get right to the day
// (no gap, no overlap), run through the real CLI into a council database.
#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace handover {
namespace {

namespace fs = std::filesystem;

class Cutover : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto generated = testing::RunHandover(
        {"generate", "--people", "20", "--seed", "11", "--cutover", "2018-10-01", "--out", Provider().string()},
        dir_.path());
    ASSERT_EQ(generated.exit_code, 0) << generated.err;
    auto db = testing::OpenOrFail("sqlite:" + Provider().string(), db::OpenMode::kMustExist);
    ASSERT_NE(db, nullptr);
    const char* statements[] = {
        "DELETE FROM pay_schedule",
        "INSERT INTO client (client_id, client_ref, forename, surname, dob, gender, status, referral_date, "
        "closed_date, deleted) VALUES (99001, 'LC9990001', 'Ann', 'Example', '2000-05-01', 'F', 'OPEN', "
        "'2016-06-01', NULL, 0)",
        // 1: a weekly allowance last paid for the week before the cut-over (Monday 1 October 2018).
        "INSERT INTO pay_schedule VALUES (1, 'LC9990001', 'WA', '£60.00', 'W', '2018-01-01', '', '30/09/2018', 0)",
        // 2: one paid a week ahead.
        "INSERT INTO pay_schedule VALUES (2, 'LC9990001', 'WA', '60', 'Weekly', '01/01/2018', '', '2018-10-07', 0)",
        // 3: a schedule never paid, starting after the cut-over.
        "INSERT INTO pay_schedule VALUES (3, 'lc9990001 ', 'SP', '£700.00', '4W', '05-Nov-18', '', '', 0)",
        // 4: an ended schedule, paid to its end.
        "INSERT INTO pay_schedule VALUES (4, 'LC9990001', 'RENT', '95.00', 'W', '2018-01-01', '2018-06-24', "
        "'2018-06-24', NULL)",
        // 5: a four-weekly rent in arrears: 8 periods paid (to 12 August), the 9th not.
        "INSERT INTO pay_schedule VALUES (5, 'LC9990001', 'Rent', '£380.00', 'Four-weekly', '1.1.2018', "
        "'31/03/2019', '12/08/2018', 0)",
        // 6: a paid-to date in the middle of a period.
        "INSERT INTO pay_schedule VALUES (6, 'LC9990001', 'WA', '60.00', 'W', '2018-01-01', '', '2018-09-27', 0)",
    };
    for (const char* sql : statements) {
      auto s = db->Execute(sql, "building the cut-over cases");
      ASSERT_TRUE(s.ok()) << s.message();
    }
  }
  fs::path Provider() const { return dir_ / "provider.db"; }

  testing::TempDir dir_;
};

TEST_F(Cutover, EachScheduleStartsAtItsFirstUnpaidPeriod) {
  const std::string target = "sqlite:" + (dir_ / "council.db").string();
  const auto r = testing::RunHandover({"run", "--source", "sqlite:" + Provider().string(), "--target", target,
                                       "--mappings", (testing::SourceDir() / "mappings" / "leaving-care").string(),
                                       "--param", "cutover=2018-10-01", "--out", (dir_ / "out").string()},
                                      dir_.path());
  ASSERT_LE(r.exit_code, 1) << r.out << r.err;
  auto council = testing::OpenOrFail(target, db::OpenMode::kMustExist);
  ASSERT_NE(council, nullptr);
  const auto arrangement = [&](int schedule) {
    auto rows = council->QueryRows(
        "SELECT CAST(a.start_date AS VARCHAR(10)), COALESCE(CAST(a.end_date AS VARCHAR(10)), ''), a.frequency, "
        "a.payment_type, CAST(a.amount_pence AS VARCHAR(20)), p.legacy_ref FROM payment_arrangement a "
        "JOIN person p USING (person_id) WHERE a.legacy_schedule_id = " + std::to_string(schedule),
        6, "reading an arrangement");
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() ? *rows : std::vector<std::vector<std::string>>{};
  };
  using Row = std::vector<std::string>;
  using Rows = std::vector<Row>;
  EXPECT_EQ(arrangement(1), Rows({Row{"2018-10-01", "", "WEEKLY", "WEEKLY_ALLOWANCE", "6000", "LC9990001"}}));
  EXPECT_EQ(arrangement(2), Rows({Row{"2018-10-08", "", "WEEKLY", "WEEKLY_ALLOWANCE", "6000", "LC9990001"}}));
  EXPECT_EQ(arrangement(3), Rows({Row{"2018-11-05", "", "FOUR_WEEKLY", "STAYING_PUT", "70000", "LC9990001"}}));
  EXPECT_EQ(arrangement(4), Rows{});
  EXPECT_EQ(arrangement(5), Rows({Row{"2018-08-13", "2019-03-31", "FOUR_WEEKLY", "RENT", "38000", "LC9990001"}}));
  EXPECT_EQ(arrangement(6), Rows{});
  const auto outcome = [&](int schedule) {
    auto text = council->QueryText("SELECT outcome || ':' || COALESCE(reason_code, '') FROM migration_ledger WHERE "
                                   "mapping = 'payment_arrangement' AND legacy_key = '" + std::to_string(schedule) + "'",
                                   "reading an outcome");
    return text.ok() ? *text : text.status().message();
  };
  EXPECT_EQ(outcome(1), "loaded:");
  EXPECT_EQ(outcome(4), "excluded:no_open_period");
  EXPECT_EQ(outcome(5), "loaded:");
  EXPECT_EQ(outcome(6), "rejected:paid_to_mid_period");
  const std::string worklist = testing::ReadFile(dir_ / "out" / "exceptions.csv");
  EXPECT_NE(worklist.find("the paid-to date does not end a period"), std::string::npos) << worklist.substr(0, 2000);
}

}  // namespace
}  // namespace handover
