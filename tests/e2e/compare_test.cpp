// `handover compare`: rehearsal N against N-1, as the migration board reads
// it. A code-set line dropped between two rehearsals shows as a verdict that
// went from GO to NO-GO, more payments rejected, and exactly the new
// unmapped-code exceptions it caused; nothing else moves.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "tests/support/provider_suite.h"
#include "tests/support/report_json.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

class Compare : public testing::ProviderSuite<300, 5> {
 protected:
  testing::CommandResult Rehearse(const fs::path& mappings, const std::string& out) {
    return testing::RunHandover({"rehearse", "--source", Provider(), "--target",
                                 "sqlite:" + (scratch_ / "council.db").string(), "--mappings", mappings.string(),
                                 "--param", "cutover=2018-10-01", "--out", (scratch_ / out).string()},
                                scratch_.path());
  }
  json Report(const std::string& out) { return json::parse(testing::ReadFile(scratch_ / out / "reconciliation.json")); }
  testing::TempDir scratch_;
};

TEST_F(Compare, ADroppedCodeSetLineShowsAsNewExceptionsAndAWorseVerdict) {
  ASSERT_EQ(Rehearse(Mappings(), "r1").exit_code, 0);
  const fs::path broken = scratch_ / "maps";
  fs::copy(Mappings(), broken, fs::copy_options::recursive);
  std::string codes = testing::ReadFile(broken / "payment_type.csv");
  const std::string line = "Weekly Allowance,WEEKLY_ALLOWANCE\n";
  ASSERT_NE(codes.find(line), std::string::npos);
  codes.erase(codes.find(line), line.size());
  std::ofstream(broken / "payment_type.csv") << codes;
  ASSERT_EQ(Rehearse(broken, "r2").exit_code, 1) << "a no-go verdict";

  const auto r = testing::RunHandover({"compare", (scratch_ / "r1").string(), (scratch_ / "r2").string()},
                                      scratch_.path());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("  Verdict: GO -> NO-GO\n"), std::string::npos) << r.out;
  const json before = Report("r1"), after = Report("r2");
  const int64_t rejected_before = testing::MappingFigures(before, "payment")["rejected"];
  const int64_t rejected_after = testing::MappingFigures(after, "payment")["rejected"];
  ASSERT_GT(rejected_after, rejected_before);
  EXPECT_NE(r.out.find("    payment rejected: " + std::to_string(rejected_before) + " -> " +
                       std::to_string(rejected_after) + "\n"),
            std::string::npos)
      << r.out;
  // Staff, people and the history did not move.
  EXPECT_EQ(r.out.find("person loaded"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("contact "), std::string::npos) << r.out;
  EXPECT_NE(testing::ReadFile(scratch_ / "r2" / "compare.csv")
                .find("payment,rejected," + std::to_string(rejected_before) + "," + std::to_string(rejected_after) +
                      ",yes\n"),
            std::string::npos);

  // Every new exception is an unmapped weekly allowance; none was resolved;
  // every exception of the first rehearsal is still open.
  std::istringstream changes(testing::ReadFile(scratch_ / "r2" / "compare-exceptions.csv"));
  std::string row;
  std::getline(changes, row);
  EXPECT_EQ(row, "change,mapping,legacy_key,reason_code,reason");
  int64_t new_payment_lines = 0, new_lines = 0, other = 0;
  while (std::getline(changes, row)) {
    std::string lower = row;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const bool expected = row.rfind("new,payment", 0) == 0 && row.find(",unmapped_code,") != std::string::npos &&
                          lower.find("value 'weekly allowance") != std::string::npos;
    // payment.map and finance.map (schedules) share the code set.
    if (!expected) ++other, ADD_FAILURE() << row;
    new_lines += expected;
    new_payment_lines += expected && row.rfind("new,payment,", 0) == 0;
  }
  EXPECT_EQ(other, 0);
  // Each newly rejected payment is a new line; a payment already rejected for
  // another reason gets one more line too.
  EXPECT_GE(new_payment_lines, rejected_after - rejected_before);
  EXPECT_NE(r.out.find("exceptions: "), std::string::npos);
  EXPECT_NE(r.out.find(" resolved, " + std::to_string(before["totals"]["exceptions"].get<int64_t>()) + " still open"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(" 0 resolved, "), std::string::npos) << r.out;
  EXPECT_EQ(fs::status(scratch_ / "r2" / "compare-exceptions.csv").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);

  // The other way round, the same lines are resolved.
  const auto back = testing::RunHandover({"compare", (scratch_ / "r2").string(), (scratch_ / "r1").string(), "--out",
                                          (scratch_ / "back").string()},
                                         scratch_.path());
  ASSERT_EQ(back.exit_code, 0) << back.err;
  EXPECT_NE(back.out.find("  Verdict: NO-GO -> GO\n"), std::string::npos) << back.out;
  EXPECT_NE(back.out.find("exceptions: 0 new, " + std::to_string(new_lines) + " resolved"), std::string::npos)
      << back.out;
}

TEST_F(Compare, ARehearsalComparedWithItselfChangesNothing) {
  ASSERT_EQ(Rehearse(Mappings(), "r1").exit_code, 0);
  const auto r = testing::RunHandover({"compare", (scratch_ / "r1").string(), (scratch_ / "r1").string(), "--out",
                                       (scratch_ / "same").string()},
                                      scratch_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  every figure is the same\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("exceptions: 0 new, 0 resolved, " + std::to_string(Report("r1")["totals"]["exceptions"].get<int64_t>()) +
                       " still open"),
            std::string::npos)
      << r.out;
}

TEST_F(Compare, AFolderWithoutReportsIsOneLine) {
  fs::create_directories(scratch_ / "empty");
  const auto r = testing::RunHandover({"compare", (scratch_ / "empty").string(), (scratch_ / "empty").string()},
                                      scratch_.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("handover: error: cannot read " + (scratch_ / "empty" / "reconciliation.json").string() +
                       ": give the report folder of a rehearsal or run"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

}  // namespace
}  // namespace handover
