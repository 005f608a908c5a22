// The robustness catalogue, day-one pack: `handover dayone` (and `run`, which
// writes the pack) given a missing or bad cut-over, a bad first-run date, or
// a target that is no council database. Each must stop with exit 2, one
// line saying what to do, and no pack written.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/test_support.h"

namespace handover {
namespace {

namespace fs = std::filesystem;

class DayOneBadInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    const auto r = testing::RunHandover(
        {"generate", "--people", "40", "--seed", "5", "--out", (*dir_ / "provider.db").string()}, dir_->path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  testing::CommandResult DayOne(const std::string& target, const std::vector<std::string>& params) {
    std::vector<std::string> args = {"dayone", "--target", target, "--out", (scratch_ / "out").string()};
    for (const std::string& p : params) args.insert(args.end(), {"--param", p});
    return testing::RunHandover(args, scratch_.path());
  }
  // One line on stderr, naming what is wrong; exit 2; no pack.
  void ExpectRefused(const testing::CommandResult& r, const std::string& says) {
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_NE(r.err.find(says), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_FALSE(fs::exists(scratch_ / "out" / "dayone.json"));
  }
  static std::string Provider() { return "sqlite:" + (*dir_ / "provider.db").string(); }

  inline static testing::TempDir* dir_ = nullptr;
  testing::TempDir scratch_;
};

TEST_F(DayOneBadInput, NoCutoverIsRefused) {
  ExpectRefused(DayOne(Provider(), {}), "the day-one pack needs --param cutover=YYYY-MM-DD");
}

TEST_F(DayOneBadInput, AnImpossibleCutoverDateIsRefused) {
  ExpectRefused(DayOne(Provider(), {"cutover=2018-02-30"}), "--param cutover=2018-02-30 is not a date: write YYYY-MM-DD");
  ExpectRefused(DayOne(Provider(), {"cutover=01/10/2018"}), "--param cutover=01/10/2018 is not a date");
}

TEST_F(DayOneBadInput, AFirstRunBeforeTheCutoverIsRefused) {
  ExpectRefused(DayOne(Provider(), {"cutover=2018-10-01", "first_run=2018-09-30"}),
                "--param first_run=2018-09-30 is before the cut-over 2018-10-01");
  ExpectRefused(DayOne(Provider(), {"cutover=2018-10-01", "first_run=next week"}),
                "--param first_run=next week is not a date");
}

TEST_F(DayOneBadInput, ATargetWithoutTheCouncilTablesIsRefused) {
  // The provider's own database: no council person table.
  ExpectRefused(DayOne(Provider(), {"cutover=2018-10-01"}),
                "the target has no person table: the day-one pack reads a council database that a handover run loaded");
}

TEST_F(DayOneBadInput, AMissingTargetFileIsRefusedNotCreated) {
  const fs::path missing = scratch_ / "no-such-council.db";
  const auto r = DayOne("sqlite:" + missing.string(), {"cutover=2018-10-01"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_FALSE(fs::exists(missing));
}

TEST_F(DayOneBadInput, ARunWithABadFirstRunDateStopsBeforeAnythingMoves) {
  const fs::path council = scratch_ / "council.db";
  const auto r = testing::RunHandover(
      {"run", "--source", Provider(), "--target", "sqlite:" + council.string(), "--mappings",
       (testing::SourceDir() / "mappings" / "leaving-care").string(), "--param", "cutover=2018-10-01", "--param",
       "first_run=2018-13-01", "--out", (scratch_ / "out").string()},
      scratch_.path());
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("--param first_run=2018-13-01 is not a date"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(council));
}

}  // namespace
}  // namespace handover
