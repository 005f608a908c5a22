// `handover profile` on a generated provider database, its figures compared
// with what the generator documents and what its answer key says it did
// (docs/provider-database.md), never with the tool's own counters: the four
// date formats and their rates, money text, the provider's codes (the
// spellings the shipped leaving care code sets list), client_ref as the key
// of client and a reference from every other table with the answer key's
// orphans, and the duplicate registrations. Then the three files: owner-only,
// personal values pseudonymised, the page in a real headless Chromium and
// the workbook read back with openpyxl.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "core/ascii.h"
#include "tests/support/chromium.h"
#include "tests/support/provider_suite.h"
#include "tests/support/workbook_reader.h"

namespace handover {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// The documented rates (docs/provider-database.md, "Quirks and their rates").
const std::vector<std::pair<std::string, double>> kDateFormatRates = {
    {"%Y-%m-%d", 60.0}, {"%d/%m/%Y", 25.0}, {"%d-%b-%y", 10.0}, {"%d.%m.%Y", 5.0}};
constexpr double kPoundSignRate = 20.0;
constexpr double kFloatNoiseRate = 2.0;
constexpr double kDuplicateRate = 3.0;

// 6,000 people: about 6,000 dates of birth, so a 25% share has a standard
// error of 0.6 points and "within two points" is more than three of them.
class Profile : public testing::ProviderSuite<6000, 2018> {
 protected:
  static void SetUpTestSuite() {
    ProviderSuite::SetUpTestSuite();
    const auto r = testing::RunHandover({"profile", "--source", Provider(), "--out", Out().string()}, dir_->path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    summary_ = new std::string(r.out);
    profile_ = new json(json::parse(testing::ReadFile(Out() / "profile.json")));
  }
  static void TearDownTestSuite() {
    delete profile_;
    delete summary_;
    profile_ = nullptr;
    summary_ = nullptr;
    ProviderSuite::TearDownTestSuite();
  }
  static fs::path Out() { return dir_->path() / "profile"; }
  static const json& Table(const std::string& name) {
    for (const json& t : (*profile_)["tables"])
      if (t["name"] == name) return t;
    ADD_FAILURE() << "no table " << name;
    static const json kNone = json::object();
    return kNone;
  }
  static const json& Column(const std::string& table, const std::string& column) {
    for (const json& c : Table(table)["columns"])
      if (c["name"] == column) return c;
    ADD_FAILURE() << "no column " << table << "." << column;
    static const json kNone = json::object();
    return kNone;
  }
  static double Pct(const json& text) { return std::stod(text.get<std::string>()); }
  // The provider spellings a shipped code set lists (its first column).
  static std::vector<std::string> Spellings(const std::string& csv) {
    std::istringstream in(testing::ReadFile(fs::path(Mappings()) / csv));
    std::vector<std::string> spellings;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line))
      if (!line.empty()) spellings.push_back(line.substr(0, line.rfind(',')));
    return spellings;
  }
  inline static json* profile_ = nullptr;
  inline static std::string* summary_ = nullptr;
};

TEST_F(Profile, DatesOfBirthAndPaymentDatesInTheFourDocumentedFormatsAtTheirRates) {
  for (const auto& [table, column] : std::vector<std::pair<std::string, std::string>>{
           {"client", "dob"}, {"payment", "paid_date"}, {"payment", "period_start"}, {"contact_log", "contact_date"}}) {
    const json& c = Column(table, column);
    EXPECT_EQ(c["looks"], "date") << table << "." << column;
    const json& formats = c["dates"]["formats"];
    ASSERT_EQ(formats.size(), kDateFormatRates.size()) << c["dates"].dump();
    for (size_t i = 0; i < formats.size(); ++i) {
      EXPECT_EQ(formats[i]["format"], kDateFormatRates[i].first) << table << "." << column;
      EXPECT_NEAR(Pct(formats[i]["pct"]), kDateFormatRates[i].second, 2.0) << table << "." << column << " "
                                                                             << formats[i]["format"];
    }
    // D/M/YYYY and D.M.YYYY with both parts 12 or less (and different):
    // about 30% x 12/31 x 11/12 of the dates, all of them readable either way.
    const double ambiguous = 100.0 * c["dates"]["ambiguous_day_month"].get<double>() / c["dates"]["readable"].get<double>();
    EXPECT_NEAR(ambiguous, 30.0 * 12 / 31 * 11 / 12, 2.0) << table << "." << column;
  }
  // The unreadable dates of birth the generator planted (0.5% of identities)
  // are date-shaped or blank.
  const json& dob = Column("client", "dob");
  EXPECT_GT(dob["dates"]["unreadable"].get<int64_t>() + dob["blanks"].get<int64_t>(), 0);
  EXPECT_NE(summary_->find("client.dob"), std::string::npos) << *summary_;
}

TEST_F(Profile, PaymentAmountsAreMoneyTextWithPoundSignsCommasFloatNoiseAndRefunds) {
  const json& amount = Column("payment", "amount");
  EXPECT_EQ(amount["looks"], "money");
  const json& m = amount["money"];
  const double readable = m["readable"].get<double>();
  EXPECT_NEAR(100.0 * m["pound_sign"].get<double>() / readable, kPoundSignRate, 2.0) << m.dump();
  EXPECT_NEAR(100.0 * m["float_noise"].get<double>() / readable, kFloatNoiseRate, 2.0) << m.dump();
  EXPECT_GT(m["thousands_commas"].get<int64_t>(), 0);
  EXPECT_GT(m["negative"].get<int64_t>(), 0);
  EXPECT_GT(m["whole"].get<int64_t>(), 0);
  // Unreadable amounts (blank, n/a): the key's rows rejected for it are a subset.
  EXPECT_GE(m["unreadable"].get<int64_t>() + amount["blanks"].get<int64_t>(),
            (*key_)["tables"]["payment"]["rejected"]["unreadable_amount"].get<int64_t>());
}

TEST_F(Profile, EveryProviderSpellingOfTheCodedColumnsIsACandidateCode) {
  for (const auto& [table, column, csv] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"payment", "pay_type", "payment_type.csv"},
           {"contact_log", "in_touch", "in_touch.csv"},
           {"accom_history", "accom_type", "accom_type.csv"},
           {"eet_history", "activity", "activity.csv"}}) {
    const json& c = Column(table, column);
    EXPECT_EQ(c["looks"], "code") << table << "." << column;
    EXPECT_TRUE(c["frequent_values"]["exact"].get<bool>());
    std::set<std::string> seen;
    for (const json& v : c["frequent_values"]["values"])
      seen.insert(core::AsciiLower(std::string(v["value"].get<std::string>())));
    for (const std::string& spelling : Spellings(csv))
      EXPECT_TRUE(seen.count(core::AsciiLower(spelling))) << table << "." << column << " lacks " << spelling;
    // The same code in several cases (4% of codes are upper- or lower-cased).
    EXPECT_FALSE(c["case_variants"].empty()) << table << "." << column;
  }
}

TEST_F(Profile, ClientRefIsTheKeyOfClientAndEveryOtherTablesReferenceWithTheAnswerKeysOrphans) {
  bool is_key = false;
  for (const json& k : Table("client")["candidate_keys"])
    if (k["column"] == "client_ref") {
      is_key = true;
      EXPECT_EQ(k["missing"], (*key_)["people"]["rejected"]["missing_key"]);
    }
  EXPECT_TRUE(is_key);
  std::set<std::string> referring;
  for (const json& r : (*profile_)["references"]) {
    if (r["key_table"] != "client" || r["key_column"] != "client_ref") continue;
    const std::string table = r["table"];
    referring.insert(table);
    const json& rejected = (*key_)["tables"][table]["rejected"];
    const int64_t key_orphans = rejected.value("orphan", int64_t{0});
    const int64_t orphans = r["orphans"];
    // The key counts a soft-deleted orphan as soft-deleted (checked first):
    // tables with a deleted column may show a few more.
    const bool has_deleted = Table(table)["columns"].dump().find("\"deleted\"") != std::string::npos;
    if (has_deleted) {
      EXPECT_GE(orphans, key_orphans) << table;
      EXPECT_LE(orphans, key_orphans + key_orphans / 20 + 5) << table;
    } else {
      EXPECT_EQ(orphans, key_orphans) << table;
    }
    // References that are NULL or blank: the key's missing_key rows (a
    // soft-deleted one is counted as soft-deleted there).
    if (has_deleted) EXPECT_GE(r["missing"].get<int64_t>(), rejected.value("missing_key", int64_t{0})) << table;
    else EXPECT_EQ(r["missing"].get<int64_t>(), rejected.value("missing_key", int64_t{0})) << table;
    // 3% of child references are lower-cased or padded.
    EXPECT_NEAR(100.0 * r["matched_after_folding"].get<double>() / r["rows"].get<double>(), 3.0, 2.0) << table;
  }
  EXPECT_EQ(referring, (std::set<std::string>{"accom_history", "allocation", "balance_held", "contact_log",
                                              "eet_history", "pathway_plan", "pay_schedule", "payment"}));
}

TEST_F(Profile, DuplicateRegistrationsAsTheAnswerKeyMergesThem) {
  ASSERT_EQ((*profile_)["duplicate_people"].size(), 1u);
  const json& d = (*profile_)["duplicate_people"][0];
  EXPECT_EQ(d["table"], "client");
  const int64_t merged = (*key_)["people"]["duplicate_rows_merged"];
  EXPECT_GT(merged, 100);
  EXPECT_NEAR(d["duplicate_rows"].get<double>(), double(merged), 0.05 * merged);
  const double real_people = (*key_)["people"]["after_deduplication"].get<double>();
  EXPECT_NEAR(100.0 * d["duplicate_rows"].get<double>() / real_people, kDuplicateRate, 2.0);
}

bool OwnerOnly(const fs::path& file) {
  return fs::exists(file) && (fs::status(file).permissions() & fs::perms::all) ==
                                 (fs::perms::owner_read | fs::perms::owner_write);
}

TEST_F(Profile, FilesAreOwnerOnlyAndPersonalValuesPseudonymised) {
  for (const char* file : {"profile.json", "profile.html", "profile.xlsx"}) EXPECT_TRUE(OwnerOnly(Out() / file)) << file;
  EXPECT_EQ((*profile_)["personal_data"], "pseudonymised");
  const json& surname = Column("client", "surname");
  EXPECT_TRUE(surname["personal"].get<bool>());
  ASSERT_FALSE(surname["frequent_values"]["values"].empty());
  for (const json& v : surname["frequent_values"]["values"]) EXPECT_EQ(v["value"].get<std::string>().rfind("pseud:", 0), 0u);
  EXPECT_EQ(surname["min"].get<std::string>().rfind("pseud:", 0), 0u);
  // No surname of the source appears in any of the three files.
  auto db = testing::OpenOrFail(Provider(), db::OpenMode::kMustExist);
  auto names = db->QueryRows("SELECT DISTINCT surname FROM client WHERE length(surname) > 5 LIMIT 50", 1, "names");
  ASSERT_TRUE(names.ok());
  ASSERT_FALSE(names->empty());
  const std::string html = testing::ReadFile(Out() / "profile.html");
  const std::string text = testing::ReadFile(Out() / "profile.json");
  for (const auto& row : *names) {
    EXPECT_EQ(text.find("\"" + row[0] + "\""), std::string::npos) << row[0];
    EXPECT_EQ(html.find(">" + row[0] + " ("), std::string::npos) << row[0];
  }
}

TEST_F(Profile, ShowPersonalDataShowsThemAndSaysSo) {
  const fs::path out = dir_->path() / "shown";
  const auto r = testing::RunHandover({"profile", "--source", Provider(), "--out", out.string(), "--show-personal-data"},
                                      dir_->path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json shown = json::parse(testing::ReadFile(out / "profile.json"));
  EXPECT_EQ(shown["personal_data"], "shown");
  EXPECT_NE(testing::ReadFile(out / "profile.html").find("This report includes personal data"), std::string::npos);
}

TEST_F(Profile, ThePageInAHeadlessBrowserShowsTheFindings) {
  std::string chromium;
  if (const std::string why = testing::ChromiumUnavailable(dir_->path(), chromium); !why.empty()) GTEST_SKIP() << why;
  std::string dom;
  ASSERT_EQ(testing::RunChromium(chromium, dir_->path(), "--dump-dom", "file://" + (Out() / "profile.html").string(), dom), 0);
  const std::string text = testing::VisibleText(dom);
  for (const char* expected : {"Profile of sqlite:", "client.dob", "%d/%m/%Y", "payment.amount", "payment.pay_type",
                               "contact_log.in_touch", "accom_history.accom_type", "eet_history.activity",
                               "client.client_ref", "extra registrations", "orphans"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  EXPECT_EQ(dom.find("http://"), std::string::npos) << "the page fetches nothing";
  EXPECT_EQ(dom.find("https://"), std::string::npos) << "the page fetches nothing";
}

TEST_F(Profile, TheWorkbookReadBackHasEverySheetWithFrozenBoldHeaders) {
  const std::string python = testing::PythonWithOpenpyxl();
  if (python.empty()) GTEST_SKIP() << "python3-openpyxl is not installed";
  const auto book = testing::ReadWorkbook(python, Out() / "profile.xlsx", dir_->path());
  ASSERT_TRUE(book);
  EXPECT_EQ((*book)["sheets"], json({"Tables", "Columns", "Values", "Dates", "References", "Duplicates"}));
  const json& dates = (*book)["book"]["Dates"];
  EXPECT_EQ(dates["freeze"], "A2");
  EXPECT_TRUE(dates["rows"][0][0]["bold"].get<bool>());
  int dob_formats = 0;
  for (const json& row : dates["rows"])
    if (row[0]["v"] == "client" && row[1]["v"] == "dob") {
      ++dob_formats;
      EXPECT_EQ(row[3]["t"], "n");
    }
  EXPECT_EQ(dob_formats, 4);
  const json& tables = (*book)["book"]["Tables"];
  int64_t client_rows = -1;
  for (const json& row : tables["rows"])
    if (row[0]["v"] == "client") client_rows = row[1]["v"].get<int64_t>();
  EXPECT_EQ(client_rows, (*key_)["people"]["client_rows"].get<int64_t>());
}

}  // namespace
}  // namespace handover
