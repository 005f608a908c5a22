// `handover compare`: rehearsal N against N-1, as the migration board reads
// it. A code-set line dropped between two rehearsals shows as a verdict that
// went from GO to NO-GO, more payments rejected, and exactly the new
// unmapped-code exceptions it caused; nothing else moves. compare.html says
// the same in a real headless Chromium.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <nlohmann/json.hpp>

#include "tests/support/chromium.h"
#include "tests/support/rehearsal_suite.h"
#include "tests/support/report_json.h"
#include "tests/support/report_text.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

using testing::Thousands;

namespace fs = std::filesystem;
using json = nlohmann::json;

class Compare : public testing::RehearsalSuite<300, 5> {
 protected:
  // r1 with the leaving care set (GO), r2 with its payment_type code set
  // missing the weekly allowance line (NO-GO).
  void RehearseGoodThenBroken() {
    ASSERT_EQ(Rehearse(Mappings(), "r1").exit_code, 0);
    const fs::path broken = scratch_ / "maps";
    fs::copy(Mappings(), broken, fs::copy_options::recursive);
    std::string codes = testing::ReadFile(broken / "payment_type.csv");
    const std::string line = "Weekly Allowance,WEEKLY_ALLOWANCE\n";
    ASSERT_NE(codes.find(line), std::string::npos);
    codes.erase(codes.find(line), line.size());
    std::ofstream(broken / "payment_type.csv") << codes;
    ASSERT_EQ(Rehearse(broken, "r2").exit_code, 1) << "a no-go verdict";
  }
};

bool OwnerOnly(const fs::path& file) {
  return fs::exists(file) && (fs::status(file).permissions() & fs::perms::all) ==
                                 (fs::perms::owner_read | fs::perms::owner_write);
}

TEST_F(Compare, ADroppedCodeSetLineShowsAsNewExceptionsAndAWorseVerdict) {
  ASSERT_NO_FATAL_FAILURE(RehearseGoodThenBroken());

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

TEST_F(Compare, ComparePageShowsTheVerdictChangeAndTheNewExceptionsInChromium) {
  ASSERT_NO_FATAL_FAILURE(RehearseGoodThenBroken());
  const fs::path board = scratch_ / "board";
  const auto r = testing::RunHandover({"compare", (scratch_ / "r1").string(), (scratch_ / "r2").string(), "--out",
                                       board.string()},
                                      scratch_.path());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("  written: " + (board / "compare.html").string() + "\n"), std::string::npos) << r.out;
  for (const char* file : {"compare.html", "compare.csv", "compare-exceptions.csv"})
    EXPECT_TRUE(OwnerOnly(board / file)) << file << " is missing or not 0600";
  EXPECT_FALSE(fs::exists(board / "compare.html.partial"));
  const std::string csv = testing::ReadFile(board / "compare.csv");
  EXPECT_EQ(csv.rfind("mapping,figure,before,after,changed\n,verdict,GO,NO-GO,yes\n", 0), 0u) << csv;

  // What the page must say, from the two reports and compare-exceptions.csv.
  const json before = Report("r1"), after = Report("r2");
  ASSERT_EQ(after["signoff"]["decision"], "no-go");
  ASSERT_FALSE(after["signoff"]["reasons"].empty());
  int64_t new_lines = 0, resolved_lines = 0;
  std::istringstream changes(testing::ReadFile(board / "compare-exceptions.csv"));
  for (std::string row; std::getline(changes, row);) {
    new_lines += row.rfind("new,", 0) == 0;
    resolved_lines += row.rfind("resolved,", 0) == 0;
  }
  ASSERT_GT(new_lines, 0);
  const int64_t still_open = before["totals"]["exceptions"].get<int64_t>();
  const int64_t rejected_before = testing::MappingFigures(before, "payment")["rejected"];
  const int64_t rejected_after = testing::MappingFigures(after, "payment")["rejected"];

  const std::string html = testing::ReadFile(board / "compare.html");
  EXPECT_FALSE(std::regex_search(html, std::regex("https?://", std::regex::icase)));
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(\b(src|href|xlink:href)\s*=)", std::regex::icase)));
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(<(script|link|img|iframe|object)\b|url\(|@import)",
                                                  std::regex::icase)));

  std::string chromium;
  if (const std::string why = testing::ChromiumUnavailable(scratch_.path(), chromium); !why.empty())
    GTEST_SKIP() << why;
  std::string dom;
  ASSERT_EQ(testing::RunChromium(chromium, scratch_.path(), "--dump-dom", "file://" + (board / "compare.html").string(),
                                 dom),
            0)
      << testing::ReadFile(scratch_ / "chromium.err");
  const std::string text = testing::VisibleText(dom);
  const size_t verdict = text.find(" GO \u2192 NO-GO The verdict changed from GO to NO-GO.");
  ASSERT_NE(verdict, std::string::npos) << text;
  EXPECT_LT(verdict, text.find("Figures that changed")) << "the verdict comes first";
  EXPECT_NE(text.find(after["signoff"]["reasons"][0].get<std::string>()), std::string::npos) << text;
  EXPECT_NE(text.find(Thousands(new_lines) + " new, " + Thousands(resolved_lines) + " resolved, " +
                      Thousands(still_open) + " still open"),
            std::string::npos)
      << text;
  EXPECT_EQ(resolved_lines, 0);
  EXPECT_NE(text.find("payment rejected " + Thousands(rejected_before) + " " + Thousands(rejected_after) + " +" +
                      Thousands(rejected_after - rejected_before)),
            std::string::npos)
      << text;
  // Each new line is listed, up to 500; the rest are left to the CSV.
  const size_t section = dom.find("<section id=\"new-exceptions\">");
  ASSERT_NE(section, std::string::npos) << dom;
  const std::string list = dom.substr(section, dom.find("</section>", section) - section);
  size_t listed = 0;
  for (size_t at = list.find("<tr><td>"); at != std::string::npos; at = list.find("<tr><td>", at + 1)) ++listed;
  EXPECT_EQ(static_cast<int64_t>(listed), std::min<int64_t>(new_lines, 500));
  if (new_lines > 500) {
    EXPECT_NE(text.find("the other " + Thousands(new_lines - 500) + " are in compare-exceptions.csv"),
              std::string::npos)
        << text;
  }
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
