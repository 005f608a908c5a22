// The day-one pack's page and workbook as people see them: dayone.html in a
// real headless Chromium (one section per PA with their cases, the first
// run's lines), dayone.xlsx re-read by openpyxl (the four sheets, frozen
// headers, filters, one row per case and per line, exact money), and names
// and dates of birth pseudonymised unless --show-personal-data. Figures are
// checked against dayone.json, itself compared with the answer key in
// day_one_test.cpp. Skipped, saying why, only without Chromium or openpyxl.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/chromium.h"
#include "tests/support/provider_suite.h"
#include "tests/support/test_support.h"
#include "tests/support/workbook_reader.h"

namespace handover {
namespace {

using nlohmann::json;

class DayOneFiles : public testing::ProviderSuite<300, 7> {
 protected:
  static void SetUpTestSuite() {
    ProviderSuite::SetUpTestSuite();
    const auto r = testing::RunHandover({"run", "--source", Provider(), "--target", Target(), "--mappings", Mappings(),
                                         "--param", "cutover=2018-10-01", "--out", (*dir_ / "out").string()},
                                        dir_->path());
    ASSERT_LE(r.exit_code, 1) << r.out << r.err;
  }
  static std::string Target() { return "sqlite:" + (*dir_ / "council.db").string(); }
  static std::filesystem::path Out() { return *dir_ / "out"; }
  static json Pack() { return json::parse(testing::ReadFile(Out() / "dayone.json")); }

  // An open case's legacy reference, full name and date of birth, as the council holds them.
  std::vector<std::string> OpenCase(const std::string& ref) {
    auto db = testing::OpenOrFail(Target(), db::OpenMode::kMustExist);
    auto rows = db->QueryRows("SELECT forename || ' ' || surname, CAST(date_of_birth AS VARCHAR(10)) FROM person "
                              "WHERE legacy_ref = '" + ref + "'",
                              2, "reading a person");
    EXPECT_TRUE(rows.ok() && rows->size() == 1);
    return rows.ok() && !rows->empty() ? (*rows)[0] : std::vector<std::string>{"", ""};
  }

  testing::TempDir scratch_;
};

TEST_F(DayOneFiles, ChromiumShowsEachPaSectionWithTheirCasesAndTheFirstRun) {
  std::string chromium;
  if (const std::string why = testing::ChromiumUnavailable(scratch_.path(), chromium); !why.empty()) GTEST_SKIP() << why;
  std::string dom;
  ASSERT_EQ(testing::RunChromium(chromium, scratch_.path(), "--dump-dom", "file://" + (Out() / "dayone.html").string(), dom), 0)
      << testing::ReadFile(scratch_ / "chromium.err");
  const std::string text = testing::VisibleText(dom);
  const json pack = Pack();
  EXPECT_NE(text.find("Day one: the service at 2018-10-01"), std::string::npos) << text.substr(0, 500);
  ASSERT_GE(pack["caseloads"]["by_staff"].size(), 8u);
  for (const json& staff : pack["caseloads"]["by_staff"]) {
    std::string heading = staff["staff"].get<std::string>() + (staff["active"].get<bool>() ? "" : " (inactive)");
    const size_t at = text.find(" " + heading + " " + std::to_string(staff["open_cases"].get<int>()) + " open cases;");
    ASSERT_NE(at, std::string::npos) << heading;
    EXPECT_NE(text.find(staff["cases"][0].get<std::string>(), at), std::string::npos) << heading;
  }
  // Every PA's section starts a printed page (section.pa breaks before it).
  size_t sections = 0;
  for (size_t at = dom.find("<section class=\"pa\""); at != std::string::npos; at = dom.find("<section class=\"pa\"", at + 1))
    ++sections;
  EXPECT_EQ(sections, pack["caseloads"]["by_staff"].size() + (pack["caseloads"]["unallocated"]["open_cases"] > 0 ? 1 : 0));
  const json& line = pack["first_payment_run"]["lines"][0];
  EXPECT_NE(text.find(line["legacy_ref"].get<std::string>() + " " + line["payment_type"].get<std::string>()),
            std::string::npos);
}

TEST_F(DayOneFiles, WorkbookHasTheFourSheetsOneRowPerCaseAndLineWithExactMoney) {
  const std::string python = testing::PythonWithOpenpyxl();
  if (python.empty()) GTEST_SKIP() << "python3-openpyxl is not installed (scripts/install-deps installs it)";
  const auto read = testing::ReadWorkbook(python, Out() / "dayone.xlsx", scratch_.path());
  ASSERT_TRUE(read);
  const json pack = Pack();
  EXPECT_EQ((*read)["sheets"], json::array({"Caseloads", "Reviews", "First payment run", "Balances"}));
  for (const char* name : {"Caseloads", "Reviews", "First payment run", "Balances"}) {
    const json& sheet = (*read)["book"][name];
    EXPECT_EQ(sheet["freeze"], "A2") << name;
    EXPECT_FALSE(sheet["filter"].is_null()) << name;
    EXPECT_TRUE(sheet["rows"][0][0]["bold"].get<bool>()) << name;
  }
  const json& caseloads = (*read)["book"]["Caseloads"]["rows"];
  EXPECT_EQ(static_cast<int64_t>(caseloads.size()) - 1, pack["caseloads"]["open_cases"].get<int64_t>());
  // The first PA's first case, its name and date of birth pseudonymised.
  const json first = testing::RowValues((*read)["book"]["Caseloads"], 1);
  EXPECT_EQ(first[0], pack["caseloads"]["by_staff"][0]["staff"]);
  EXPECT_EQ(first[2], pack["caseloads"]["by_staff"][0]["cases"][0]);
  const auto person = OpenCase(first[2].get<std::string>());
  EXPECT_EQ(first[3].get<std::string>().rfind("pseud:", 0), 0u) << first.dump();
  EXPECT_EQ(first[4].get<std::string>().rfind("pseud:", 0), 0u) << first.dump();
  EXPECT_NE(first[3], person[0]);
  // One Reviews row per case to book: overdue (due before the cut-over), due
  // within 8 weeks (the first 4 among them), or without a current plan.
  const json& reviews = (*read)["book"]["Reviews"];
  EXPECT_EQ(reviews["rows"].size() - 1, pack["reviews"]["overdue"].get<size_t>() +
                                            pack["reviews"]["due_within_8_weeks"].get<size_t>() +
                                            pack["reviews"]["without_current_plan"].size());
  size_t overdue = 0;
  for (size_t row = 1; row < reviews["rows"].size(); ++row) {
    const json values = testing::RowValues(reviews, row);
    if (values[3] != "overdue") continue;
    ++overdue;
    EXPECT_LT(values[4].get<std::string>(), "2018-10-01") << values.dump();
  }
  EXPECT_EQ(overdue, pack["reviews"]["overdue"].get<size_t>());
  const json& run = (*read)["book"]["First payment run"]["rows"];
  const auto& lines = pack["first_payment_run"]["lines"];
  ASSERT_GT(lines.size(), 5u);
  for (size_t i = 0; i < lines.size(); ++i) {
    const json row = testing::RowValues((*read)["book"]["First payment run"], i + 1);
    EXPECT_EQ(row[0], lines[i]["legacy_ref"]) << i;
    EXPECT_EQ(row[6], lines[i]["periods"]) << i;
    // Pounds and pence exactly: the cell holds the double nearest pence / 100.
    EXPECT_EQ(row[7].get<double>(), lines[i]["amount_pence"].get<int64_t>() / 100.0) << i;
    EXPECT_EQ(run[i + 1][7]["fmt"], "\u00a3#,##0.00");
  }
  const size_t listed = lines.size() + pack["first_payment_run"]["not_in_first_run"].size() +
                        pack["first_payment_run"]["recurring_payments_no_arrangement"].size();
  EXPECT_TRUE(testing::RowValues((*read)["book"]["First payment run"], listed + 1).empty());
  const json& balances = (*read)["book"]["Balances"]["rows"];
  EXPECT_EQ(balances.size() - 1,
            pack["balances"]["by_person"].size() + pack["balances"]["setting_up_home"].size());
}

TEST_F(DayOneFiles, NamesAndDatesOfBirthArePseudonymisedUnlessAskedFor) {
  const json pack = Pack();
  const std::string ref = pack["caseloads"]["by_staff"][0]["cases"][0];
  const auto person = OpenCase(ref);
  ASSERT_FALSE(person[0].empty());
  const std::string html = testing::ReadFile(Out() / "dayone.html");
  EXPECT_NE(html.find(ref), std::string::npos);
  EXPECT_EQ(html.find(person[0]), std::string::npos) << person[0];
  EXPECT_EQ(html.find(person[1]), std::string::npos) << person[1];
  EXPECT_NE(html.find("pseud:"), std::string::npos);
  EXPECT_EQ(testing::ReadFile(Out() / "dayone.json").find(person[0]), std::string::npos);

  const auto shown = testing::RunHandover({"dayone", "--target", Target(), "--param", "cutover=2018-10-01", "--out",
                                           (scratch_ / "shown").string(), "--show-personal-data"},
                                          scratch_.path());
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const std::string shown_html = testing::ReadFile(scratch_ / "shown" / "dayone.html");
  EXPECT_NE(shown_html.find(person[0]), std::string::npos) << person[0];
  EXPECT_NE(shown_html.find(person[1]), std::string::npos);
  EXPECT_NE(shown_html.find("--show-personal-data"), std::string::npos);
}

}  // namespace
}  // namespace handover
