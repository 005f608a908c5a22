// End to end: no report or log a rehearsal writes shows a name or a date of
// birth from the provider unless --show-personal-data is given. A copy of
// the leaving care set rejects every person on their surname and on their
// date of birth (each through a code set that lists none), so the worklist
// quotes both for every person; every file in the report folder,
// the workbook unzipped, is searched for every forename, surname, full name
// and date of birth in the provider database. Asked for, they are there and
// each report says so first.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "tests/support/provider_suite.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

namespace fs = std::filesystem;

constexpr const char* kNotice = "This report includes personal data (--show-personal-data)";

class PersonalData : public testing::ProviderSuite<200, 13> {
 protected:
  void SetUp() override {
    // The key must come from the report folder here, whatever the caller's
    // environment says.
    ::unsetenv("HANDOVER_PSEUDONYM_KEY");
    mappings_ = scratch_ / "mappings";
    fs::copy(Mappings(), mappings_, fs::copy_options::recursive);
    std::string person = testing::ReadFile(mappings_ / "person.map");
    const std::string surname = "surname       = title(trim(utf8(c.surname)))";
    ASSERT_NE(person.find(surname), std::string::npos);
    person.replace(person.find(surname), surname.size(),
                   "surname = code(known_surname, title(trim(utf8(c.surname))))");
    const std::string dob = "date_of_birth = date(trim(c.dob),";
    ASSERT_NE(person.find(dob), std::string::npos);
    person.replace(person.find(dob), dob.size(), "date_of_birth = date(code(known_dob, trim(c.dob)),");
    person += "\ncodeset known_surname unmapped reject\n  \"Nobody\" -> \"Nobody\"\n";
    person += "\ncodeset known_dob unmapped reject\n  \"Never\" -> \"Never\"\n";
    std::ofstream(mappings_ / "person.map") << person;
  }

  // Rejecting nearly everyone is a NO-GO (exit 1) by the set's signoff.json.
  testing::CommandResult Rehearse(const fs::path& out, bool show_personal_data) {
    std::vector<std::string> args = {"rehearse", "--source", Provider(), "--target",
                                     "sqlite:" + (scratch_ / "council.db").string(), "--mappings", mappings_.string(),
                                     "--param", "cutover=2018-10-01", "--out", out.string()};
    if (show_personal_data) args.push_back("--show-personal-data");
    auto result = testing::RunHandover(args, scratch_.path());
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    return result;
  }

  // Lines of a query on the provider, through the sqlite3 shell.
  std::vector<std::string> Query(const std::string& sql) {
    const fs::path dump = scratch_ / "values.txt";
    EXPECT_EQ(std::system(("sqlite3 '" + (*dir_ / "provider.db").string() + "' \"" + sql + "\" > '" +
                           dump.string() + "'")
                              .c_str()),
              0);
    std::istringstream lines(testing::ReadFile(dump));
    std::vector<std::string> values;
    for (std::string value; std::getline(lines, value);) values.push_back(value);
    return values;
  }

  // Every forename and surname longer than three letters, every full name
  // and every date of birth of the provider's clients.
  std::vector<std::string> Names() {
    auto names = Query(
        "SELECT DISTINCT trim(surname) FROM client WHERE length(trim(surname)) > 3 "
        "UNION SELECT DISTINCT trim(forename) FROM client WHERE length(trim(forename)) > 3 "
        "UNION SELECT DISTINCT trim(forename) || ' ' || trim(surname) FROM client "
        "WHERE length(trim(forename)) > 0 AND length(trim(surname)) > 0");
    EXPECT_GT(names.size(), 150u);
    return names;
  }
  std::vector<std::string> DatesOfBirth() {
    auto dates = Query("SELECT DISTINCT trim(dob) FROM client WHERE length(trim(dob)) >= 8");
    EXPECT_GT(dates.size(), 150u);
    return dates;
  }

  // Every file in the report folder, by name, as text (workbook.xlsx
  // unzipped: every part of it, one after another).
  std::map<std::string, std::string> Files(const fs::path& out) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
      if (!entry.is_regular_file()) continue;
      const std::string name = fs::relative(entry.path(), out).string();
      if (entry.path().extension() == ".xlsx") {
        const fs::path unzipped = scratch_ / "unzipped.txt";
        EXPECT_EQ(std::system(("unzip -p '" + entry.path().string() + "' > '" + unzipped.string() + "'").c_str()),
                  0);
        files[name] = testing::ReadFile(unzipped);
        EXPECT_GT(files[name].size(), 10000u) << name;
      } else {
        files[name] = testing::ReadFile(entry.path());
      }
    }
    for (const char* expected : {"report.html", "exceptions.csv", "reconciliation.json", "reconciliation.csv",
                                 "handover.log", "workbook.xlsx"})
      EXPECT_TRUE(files.count(expected)) << expected << " was not written";
    return files;
  }

  // Where `value` is written in `text`, also as HTML and XML write a quote.
  static bool Shows(const std::string& text, const std::string& value) {
    if (text.find(value) != std::string::npos) return true;
    if (value.find('\'') == std::string::npos) return false;
    for (const char* quote : {"&#39;", "&apos;", "&#x27;"}) {
      std::string escaped = value;
      for (size_t at; (at = escaped.find('\'')) != std::string::npos;) escaped.replace(at, 1, quote);
      if (text.find(escaped) != std::string::npos) return true;
    }
    return false;
  }

  // The worklist's value_seen cells of lines rejected on `column` (the
  // person's surname unless said otherwise), pseudonyms only.
  static std::vector<std::string> SurnameValues(const std::string& csv, const std::string& column = "surname") {
    std::vector<std::string> values;
    const std::string marker = "," + column + ",pseud:";
    for (size_t at = 0; (at = csv.find(marker, at)) != std::string::npos; ++at) {
      const size_t start = at + column.size() + 2;
      values.push_back(csv.substr(start, csv.find(',', start) - start));
    }
    return values;
  }

  testing::TempDir scratch_;
  fs::path mappings_;
};

TEST_F(PersonalData, NoReportOrLogShowsANameOrADateOfBirth) {
  const fs::path out = scratch_ / "out";
  const auto result = Rehearse(out, false);
  const auto files = Files(out);
  const std::string& worklist = files.at("exceptions.csv");
  // Every person is rejected, so every person's line would quote a name.
  const auto surnames = SurnameValues(worklist);
  EXPECT_GT(surnames.size(), 150u) << worklist.substr(0, 2000);
  for (const auto& value : surnames) {
    EXPECT_EQ(value.rfind("pseud:", 0), 0u) << value;
    EXPECT_EQ(value.size(), 18u) << value;
    // The reason quotes the same pseudonym in place of the name.
    EXPECT_NE(worklist.find("Here: value '" + value + "' is not in code set 'known_surname'"), std::string::npos)
        << value;
  }
  EXPECT_GT(SurnameValues(worklist, "date_of_birth").size(), 150u) << "dates of birth are pseudonymised too";
  size_t checked = 0;
  for (const auto& values : {Names(), DatesOfBirth()})
    for (const auto& value : values) {
      ++checked;
      for (const auto& [name, text] : files) EXPECT_FALSE(Shows(text, value)) << name << " shows " << value;
      EXPECT_FALSE(Shows(result.out, value)) << "the console shows " << value;
    }
  EXPECT_GT(checked, 300u);
  for (const auto& [name, text] : files) EXPECT_EQ(text.find(kNotice), std::string::npos) << name;
}

TEST_F(PersonalData, TheSameNameHasTheSamePseudonymInOneFolderAndAnotherElsewhere) {
  Rehearse(scratch_ / "out", false);
  const auto first = SurnameValues(testing::ReadFile(scratch_ / "out" / "exceptions.csv"));
  ASSERT_GT(first.size(), 150u);
  // Two people sharing a surname share its pseudonym; different surnames differ.
  EXPECT_LT(std::set<std::string>(first.begin(), first.end()).size(), first.size());
  EXPECT_GT(std::set<std::string>(first.begin(), first.end()).size(), 50u);
  Rehearse(scratch_ / "out", false);
  EXPECT_EQ(SurnameValues(testing::ReadFile(scratch_ / "out" / "exceptions.csv")), first)
      << "a second rehearsal into the folder reuses its key";
  Rehearse(scratch_ / "elsewhere", false);
  const auto elsewhere = SurnameValues(testing::ReadFile(scratch_ / "elsewhere" / "exceptions.csv"));
  ASSERT_EQ(elsewhere.size(), first.size());
  for (size_t i = 0; i < first.size(); ++i) EXPECT_NE(elsewhere[i], first[i]) << "another folder, another key";
  // One key for the council, from the environment: the same pseudonyms in every folder.
  ::setenv("HANDOVER_PSEUDONYM_KEY", "the council's shared pseudonym secret", 1);
  Rehearse(scratch_ / "a", false);
  Rehearse(scratch_ / "b", false);
  ::unsetenv("HANDOVER_PSEUDONYM_KEY");
  const auto a = SurnameValues(testing::ReadFile(scratch_ / "a" / "exceptions.csv"));
  EXPECT_EQ(a, SurnameValues(testing::ReadFile(scratch_ / "b" / "exceptions.csv")));
  EXPECT_NE(a, first);
  EXPECT_FALSE(fs::exists(scratch_ / "a" / ".pseudonym-key"));
}

TEST_F(PersonalData, AskedForTheyAreShownAndEveryReportSaysSoFirst) {
  const fs::path out = scratch_ / "out";
  const auto result = Rehearse(out, true);
  const auto files = Files(out);
  // The check above can fail: names and dates of birth are found now.
  size_t names = 0, dates = 0;
  for (const auto& value : Names()) names += Shows(files.at("exceptions.csv"), value);
  for (const auto& value : DatesOfBirth()) dates += Shows(files.at("exceptions.csv"), value);
  EXPECT_GT(names, 50u);
  EXPECT_GT(dates, 50u);
  size_t in_workbook = 0;
  for (const auto& value : Names()) in_workbook += Shows(files.at("workbook.xlsx"), value);
  EXPECT_GT(in_workbook, 50u);
  EXPECT_EQ(files.at("exceptions.csv").find("pseud:"), std::string::npos);
  // report.html: the notice is the first thing in the body.
  const std::string& page = files.at("report.html");
  const size_t body = page.find("<body>");
  ASSERT_NE(body, std::string::npos);
  const size_t notice = page.find(kNotice);
  ASSERT_NE(notice, std::string::npos);
  EXPECT_LT(notice, page.find("id=\"verdict\""));
  EXPECT_EQ(page.find('<', page.find('>', body + 6) + 1), notice + std::string(kNotice).size());
  // The workbook's Summary sheet and the console summary block say it too.
  EXPECT_NE(files.at("workbook.xlsx").find(kNotice), std::string::npos);
  const size_t console = result.out.find(kNotice);
  ASSERT_NE(console, std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("Rehearsal ", console), console + std::string(kNotice).size() + 1) << result.out;
  EXPECT_FALSE(fs::exists(out / ".pseudonym-key")) << "no key is needed when nothing is pseudonymised";
}

}  // namespace
}  // namespace handover
