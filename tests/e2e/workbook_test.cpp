// End to end: the workbook.xlsx a rehearsal writes, read back with openpyxl,
// agrees with the run's other reports (every worklist line of exceptions.csv,
// each mapping's figures in reconciliation.json, the answer key's money) and,
// like exceptions.csv, shows no name or date of birth from the provider
// unless --show-personal-data.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "tests/support/provider_suite.h"
#include "tests/support/report_json.h"
#include "tests/support/test_support.h"
#include "tests/support/workbook_reader.h"

namespace handover {
namespace {

using nlohmann::json;

class WorkbookReport : public testing::ProviderSuite<300, 7> {
 protected:
  void SetUp() override {
    python_ = testing::PythonWithOpenpyxl();
    if (python_.empty()) GTEST_SKIP() << "python3-openpyxl is not installed (scripts/install-deps installs it)";
  }
  std::filesystem::path Rehearse(const std::string& out_name, bool show_personal_data,
                                 const std::string& mappings = Mappings(), int expected_exit = 0) {
    const auto out = scratch_ / out_name;
    std::vector<std::string> args = {"rehearse", "--source", Provider(), "--target",
                                     "sqlite:" + (scratch_ / (out_name + ".db")).string(), "--mappings", mappings,
                                     "--param", "cutover=2018-10-01", "--out", out.string()};
    if (show_personal_data) args.push_back("--show-personal-data");
    const auto result = testing::RunHandover(args, scratch_.path());
    EXPECT_EQ(result.exit_code, expected_exit) << result.out << result.err;
    return out;
  }
  // Every string cell of every sheet, one a line.
  static std::string AllText(const json& book) {
    std::string text;
    for (const auto& [name, sheet] : book["book"].items())
      for (const auto& row : sheet["rows"])
        for (const auto& cell : row)
          if (cell["v"].is_string()) text += cell["v"].get<std::string>() + "\n";
    return text;
  }
  // Every surname and forename longer than three letters, and every date of
  // birth, in the provider database.
  std::vector<std::string> PersonalValues() {
    const std::string dump = (scratch_ / "people.txt").string();
    EXPECT_EQ(std::system(("sqlite3 '" + (*dir_ / "provider.db").string() +
                           "' \"SELECT DISTINCT trim(surname) FROM client WHERE length(trim(surname)) > 3 "
                           "UNION SELECT DISTINCT trim(forename) FROM client WHERE length(trim(forename)) > 3 "
                           "UNION SELECT DISTINCT trim(dob) FROM client WHERE length(trim(dob)) >= 8\" > '" +
                           dump + "'")
                              .c_str()),
              0);
    std::istringstream lines(testing::ReadFile(dump));
    std::vector<std::string> values;
    for (std::string value; std::getline(lines, value);) values.push_back(value);
    EXPECT_GT(values.size(), 200u);
    return values;
  }
  // Records in a CSV file: line ends outside quotes, less the header.
  static int64_t CsvRecords(const std::string& csv) {
    int64_t lines = 0;
    bool quoted = false;
    for (size_t i = 0; i < csv.size(); ++i) {
      if (csv[i] == '"') quoted = !quoted;
      else if (!quoted && csv[i] == '\n') ++lines;
    }
    return lines - 1;
  }

  testing::TempDir scratch_;
  std::string python_;
};

TEST_F(WorkbookReport, AgreesWithTheOtherReportsAndWithholdsNames) {
  const auto out = Rehearse("out", false);
  const auto path = out / "workbook.xlsx";
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".partial"));
  const json r = json::parse(testing::ReadFile(out / "reconciliation.json"));
  const auto read = testing::ReadWorkbook(python_, path, scratch_.path());
  ASSERT_TRUE(read);
  const json& book = *read;
  ASSERT_EQ(book["sheets"],
            json({"Summary", "Exceptions", "Money by mapping", "Money by person", "Statutory figures"}));

  // One data row per line of exceptions.csv, and as many as the run counted.
  const int64_t csv_rows = CsvRecords(testing::ReadFile(out / "exceptions.csv"));
  const json& exceptions = book["book"]["Exceptions"];
  EXPECT_GT(csv_rows, 100);
  EXPECT_EQ(static_cast<int64_t>(exceptions["rows"].size()) - 1, csv_rows);
  EXPECT_EQ(r["totals"]["exceptions"].get<int64_t>(), csv_rows);
  EXPECT_EQ(exceptions["filter"], "A1:M" + std::to_string(csv_rows + 1));

  // The Summary's mapping table, row by row, is reconciliation.json's.
  const json& summary = book["book"]["Summary"];
  EXPECT_EQ(summary["rows"][0][1]["v"], "GO");
  size_t header = 0;
  while (header < summary["rows"].size() && summary["rows"][header][0]["v"] != "mapping") ++header;
  ASSERT_LT(header, summary["rows"].size());
  EXPECT_EQ(summary["freeze"], "A" + std::to_string(header + 2));
  size_t checked = 0;
  for (size_t i = header + 1; i < summary["rows"].size() && summary["rows"][i][0]["v"].is_string(); ++i, ++checked) {
    const json& row = summary["rows"][i];
    const json& m = testing::MappingFigures(r, row[0]["v"].get<std::string>());
    EXPECT_EQ(row[1]["v"], m["source_table"]);
    EXPECT_EQ(row[2]["v"], m["source_rows"]);
    EXPECT_EQ(row[3]["v"], m["loaded"]);
    EXPECT_EQ(row[4]["v"], m["rejected"]);
    EXPECT_EQ(row[5]["v"], m["excluded"]);
    EXPECT_EQ(row[6]["v"], m["merged"]);
    if (m.contains("ledger_loaded_pence"))
      EXPECT_EQ(std::llround(row[7]["v"].get<double>() * 100), m["ledger_loaded_pence"].get<int64_t>()) << m["mapping"];
    else
      EXPECT_TRUE(row[7]["v"].is_null()) << m["mapping"];
    EXPECT_EQ(row[8]["v"], m["balanced"].get<bool>() ? "yes" : "no");
  }
  EXPECT_EQ(checked, r["mappings"].size());
  EXPECT_EQ(checked, 12u);

  // Money and the statutory figures, against the answer key and the JSON.
  const json& money = book["book"]["Money by mapping"];
  bool payment_source = false;
  for (const auto& row : money["rows"])
    if (row[0]["v"] == "payment" && row[1]["v"] == "source") {
      payment_source = true;
      EXPECT_EQ(std::llround(row[4]["v"].get<double>() * 100), (*key_)["money"]["historic_payments"]["source_pence"]);
    }
  EXPECT_TRUE(payment_source);
  EXPECT_EQ(book["book"]["Statutory figures"]["rows"][1][2]["v"], r["oc3"]["cohort"]);
  EXPECT_EQ(book["book"]["Statutory figures"]["rows"][1][4]["v"], (*key_)["oc3"]["cohort"]) << "the source's cohort";

  // Money by person: every young person's payments, source and council,
  // adding up to the answer key's totals, none differing.
  const json& people = book["book"]["Money by person"];
  EXPECT_EQ(people["freeze"], "A2");
  EXPECT_EQ(people["rows"][0][3]["v"], "source (£)");
  int64_t source = 0, council = 0, rows = 0;
  for (size_t i = 1; i < people["rows"].size(); ++i) {
    const json& row = people["rows"][i];
    if (row[0]["v"] != "payment") continue;
    ++rows;
    source += std::llround(row[3]["v"].get<double>() * 100);
    council += std::llround(row[5]["v"].get<double>() * 100);
    EXPECT_EQ(row[6]["v"].get<double>(), 0.0) << row.dump();
    EXPECT_EQ(row[3]["fmt"], row[5]["fmt"]);
  }
  EXPECT_GT(rows, 200);
  EXPECT_EQ(source, (*key_)["money"]["historic_payments"]["source_pence"].get<int64_t>());
  EXPECT_EQ(council, (*key_)["money"]["historic_payments"]["loaded_pence"].get<int64_t>());

  // No surname, forename or date of birth from the provider, anywhere.
  const std::string text = AllText(book);
  for (const auto& value : PersonalValues())
    EXPECT_EQ(text.find(value), std::string::npos) << "workbook.xlsx shows personal data: " << value;
}

// The shipped mappings never put a name in the worklist; this copy rejects
// every person whose surname is not in a code set, so each of their worklist
// lines quotes the surname (column surname, value seen and explanation):
// pseudonymised by default, shown with --show-personal-data.
TEST_F(WorkbookReport, WithholdsNamesTheWorklistWouldQuote) {
  const auto mappings = scratch_ / "mappings";
  std::filesystem::copy(Mappings(), mappings, std::filesystem::copy_options::recursive);
  std::string person = testing::ReadFile(mappings / "person.map");
  const std::string surname = "surname       = title(trim(utf8(c.surname)))";
  ASSERT_NE(person.find(surname), std::string::npos);
  person.replace(person.find(surname), surname.size(), "surname = code(known_surname, title(trim(utf8(c.surname))))");
  person += "\ncodeset known_surname unmapped reject\n  \"Nobody\" -> \"Nobody\"\n";
  std::ofstream(mappings / "person.map") << person;
  const auto personal = PersonalValues();

  // Rejecting nearly everyone is a NO-GO (exit 1) by the set's signoff.json.
  const auto withheld = Rehearse("withheld", false, mappings.string(), 1);
  const std::string csv = testing::ReadFile(withheld / "exceptions.csv");
  EXPECT_GT(std::count(csv.begin(), csv.end(), '\n'), 250) << "every person should be rejected";
  // The value seen and the explanation quoting it carry the same pseudonym.
  const size_t seen = csv.find(",surname,pseud:");
  ASSERT_NE(seen, std::string::npos);
  const std::string pseudonym = csv.substr(seen + 9, 18);
  EXPECT_NE(csv.find(",surname," + pseudonym + ",unmapped_code,It holds a code that the mapping's code set does not "
                     "list. Here: value '" + pseudonym + "' is not in code set 'known_surname',"),
            std::string::npos)
      << csv.substr(seen, 300);
  const auto hidden = testing::ReadWorkbook(python_, withheld / "workbook.xlsx", scratch_.path());
  ASSERT_TRUE(hidden);
  const std::string hidden_text = AllText(*hidden);
  EXPECT_NE(hidden_text.find(pseudonym), std::string::npos);
  for (const auto& value : personal)
    EXPECT_EQ(hidden_text.find(value), std::string::npos) << "workbook.xlsx shows personal data: " << value;

  // The check can fail: asked for, the surnames are there.
  const auto shown = testing::ReadWorkbook(python_, Rehearse("shown", true, mappings.string(), 1) / "workbook.xlsx",
                                           scratch_.path());
  ASSERT_TRUE(shown);
  const std::string shown_text = AllText(*shown);
  size_t found = 0;
  for (const auto& value : personal) found += shown_text.find(value) != std::string::npos;
  EXPECT_GT(found, 100u);
}

}  // namespace
}  // namespace handover
