// workbook.xlsx on a hand-built reconciliation and worklist, read back with
// openpyxl (a reader that is not the library that wrote it): sheets, the
// verdict, a mapping's figures, currency cells and their format, frozen
// header rows, autofilters, column widths, strings that look like formulas,
// the file's mode and its all-or-nothing writing, and flat memory.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <string>
#include <vector>

#include "tests/support/sanitizer.h"
#include "reports/workbook_renderer.h"
#include "tests/support/test_support.h"
#include "tests/support/workbook_reader.h"

namespace handover::reports {
namespace {

using nlohmann::json;

Reconciliation Figures() {
  Reconciliation r;
  r.run_id = 7;
  r.source = "sqlite:/data/provider.db";
  r.target = "postgresql://alice:***@db/council";
  r.mappings_hash = "ab12cd";
  r.verdict.go = false;
  r.verdict.reasons = {"person does not balance", "payment: 2 records rejected, more than the 1 allowed"};
  MappingFigures payment;
  payment.mapping = "payment";
  payment.source_table = "payments";
  payment.source_rows = 10;
  payment.ledger.loaded = 7;
  payment.ledger.rejected = 2;
  payment.ledger.excluded = 1;
  payment.has_money = true;
  payment.ledger_loaded_pence = 657649925;
  payment.ledger.pence_by_outcome = {{"loaded", 657649925}, {"rejected", -1250}, {"excluded", 100000}};
  payment.ledger.pence_by_reason = {{"rejected:orphan", -1250}, {"excluded:soft_deleted", 100000}};
  payment.ledger.records_without_amount = 3;
  r.mappings.push_back(payment);
  MappingFigures person;
  person.mapping = "person";
  person.source_table = "client";
  person.source_rows = 3;
  person.ledger.loaded = 1;
  person.ledger.merged = 1;
  person.differences = {"the ledger has 2 records, the source 3"};
  r.mappings.push_back(person);
  r.source_tables_read = {"client", "payments"};
  r.source_tables_ignored = {"code_lookup"};
  Oc3Figures oc3;
  oc3.at = *core::Date::ParseIso("2018-10-01");
  oc3.cohort = 678;
  oc3.in_touch = {{"YES", 492}, {"NO", 100}, {"none", 86}};
  oc3.in_touch_yes = 492;
  oc3.activity = {{"F1", 353}, {"G4", 325}};
  oc3.in_eet = 353;
  oc3.accommodation = {{"B1", 541}, {"B2", 137}};
  oc3.in_suitable = 541;
  r.oc3 = oc3;
  return r;
}

ExceptionRow Exception(const std::string& key, const std::string& value, const std::string& reason) {
  ExceptionRow e;
  e.mapping = "person";
  e.source_table = "client";
  e.legacy_key = key;
  e.source_row = 12;
  e.outcome = "rejected";
  e.reason_code = "unreadable_dob";
  e.reason = reason;
  e.column = "dob";
  e.value_seen = value;
  e.action = "correct the date of birth in the provider system";
  return e;
}

ExceptionStream Stream(const std::vector<ExceptionRow>& rows) {
  return [rows](const std::function<void(const ExceptionRow&)>& each) {
    for (const auto& row : rows) each(row);
    return core::Status::Ok();
  };
}

class Workbook : public ::testing::Test {
 protected:
  void SetUp() override {
    python_ = testing::PythonWithOpenpyxl();
    if (python_.empty()) GTEST_SKIP() << "python3-openpyxl is not installed (scripts/install-deps installs it)";
  }
  json Read() {
    auto book = testing::ReadWorkbook(python_, path_, dir_.path());
    return book ? *book : json::object();
  }
  testing::TempDir dir_;
  std::filesystem::path path_ = dir_ / "workbook.xlsx";
  std::string python_;
};

TEST_F(Workbook, HoldsTheVerdictFiguresMoneyWorklistAndStatutoryFigures) {
  const std::string long_reason(150, 'r');
  const mode_t umask_before = ::umask(0);  // the file must be 0600 whatever the umask
  const core::Status written =
      WriteWorkbook(path_, Figures(),
                    Stream({Exception("C001", "=HYPERLINK(\"http://x\",\"y\")", "unreadable date of birth"),
                            Exception("@C002", "31/02/2001\x1b[0m", long_reason),
                            Exception("C003", "caf\xe9", "not UTF-8"),
                            Exception("C004", "a_x0041_b", "looks like an escape")}));
  ::umask(umask_before);
  ASSERT_TRUE(written.ok()) << written.message();
  struct stat st {};
  ASSERT_EQ(::stat(path_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_FALSE(std::filesystem::exists(path_.string() + ".partial"));

  const json book = Read();
  ASSERT_EQ(book["sheets"], json({"Summary", "Exceptions", "Money by mapping", "Statutory figures"}));

  const json& summary = book["book"]["Summary"];
  EXPECT_EQ(testing::RowValues(summary, 0), json({"verdict", "NO-GO"}));
  EXPECT_TRUE(summary["rows"][0][1]["bold"].get<bool>());
  EXPECT_EQ(testing::RowValues(summary, 1), json({"reason", "person does not balance"}));
  EXPECT_EQ(testing::RowValues(summary, 2), json({"reason", "payment: 2 records rejected, more than the 1 allowed"}));
  EXPECT_EQ(testing::RowValues(summary, 3), json({"run", 7}));
  EXPECT_EQ(testing::RowValues(summary, 4), json({"kind", "rehearsal"}));
  EXPECT_EQ(testing::RowValues(summary, 6), json({"target", "postgresql://alice:***@db/council"}));
  EXPECT_EQ(testing::RowValues(summary, 7), json({"mappings hash", "ab12cd"}));
  // The mapping table: its header on row 10, frozen under it, filtered over it.
  EXPECT_EQ(testing::RowValues(summary, 9), json({"mapping", "source table", "source rows", "loaded", "rejected",
                                                  "excluded", "merged", "pence loaded (£)", "balanced",
                                                  "differences"}));
  EXPECT_TRUE(summary["rows"][9][0]["bold"].get<bool>());
  EXPECT_EQ(summary["freeze"], "A11");
  EXPECT_EQ(summary["filter"], "A10:J12");
  EXPECT_EQ(testing::RowValues(summary, 10), json({"payment", "payments", 10, 7, 2, 1, 0, 6576499.25, "yes"}));
  const json& pounds = summary["rows"][10][7];
  EXPECT_EQ(pounds["t"], "n");
  EXPECT_EQ(pounds["v"].get<double>(), 6576499.25);
  EXPECT_EQ(pounds["fmt"], "£#,##0.00");
  EXPECT_EQ(testing::RowValues(summary, 11),
            json({"person", "client", 3, 1, 0, 0, 1, nullptr, "no", "the ledger has 2 records, the source 3"}));
  EXPECT_EQ(testing::RowValues(summary, 13), json({"source tables read", "client, payments"}));
  EXPECT_EQ(testing::RowValues(summary, 14), json({"source tables left out on purpose", "code_lookup"}));

  const json& exceptions = book["book"]["Exceptions"];
  ASSERT_EQ(exceptions["rows"].size(), 5u);
  EXPECT_EQ(testing::RowValues(exceptions, 0),
            json({"mapping", "source table", "source row", "legacy reference", "outcome", "column", "value seen",
                  "reason code", "explanation", "suggested action", "status", "owner", "note"}));
  EXPECT_EQ(exceptions["freeze"], "A2");
  EXPECT_EQ(exceptions["filter"], "A1:M5");
  EXPECT_EQ(testing::RowValues(exceptions, 1),
            json({"person", "client", 12, "C001", "rejected", "dob", "=HYPERLINK(\"http://x\",\"y\")",
                  "unreadable_dob", "unreadable date of birth", "correct the date of birth in the provider system"}));
  // A value that looks like a formula is a string cell, never a formula.
  EXPECT_EQ(exceptions["rows"][1][6]["t"], "s");
  EXPECT_EQ(exceptions["rows"][1][2]["t"], "n");  // the source row is a number, to sort by
  EXPECT_EQ(exceptions["rows"][2][3]["v"], "@C002");
  EXPECT_EQ(exceptions["rows"][2][6]["v"], "31/02/2001\\x1b[0m");  // control bytes escaped, as in exceptions.csv
  EXPECT_EQ(exceptions["rows"][3][6]["v"], "caf\\xe9");            // not UTF-8: escaped, the file stays readable
  // openpyxl shows inline text raw; Excel decodes _x005F_ to "_" and shows a_x0041_b.
  EXPECT_EQ(exceptions["rows"][4][6]["v"], "a_x005F_x0041_b");
  // Columns fit their content, within a cap: "legacy reference" is the
  // widest in D; the 150-character explanation is capped.
  const double d = exceptions["widths"]["D"].get<double>(), i = exceptions["widths"]["I"].get<double>();
  EXPECT_GE(d, 18.0);
  EXPECT_LE(d, 21.0);
  EXPECT_GE(i, 60.0);
  EXPECT_LE(i, 62.0);

  const json& money = book["book"]["Money by mapping"];
  EXPECT_EQ(money["freeze"], "A2");
  EXPECT_EQ(money["filter"], "A1:F8");
  EXPECT_EQ(testing::RowValues(money, 1), json({"payment", "source", nullptr, nullptr, 6577486.75, 3}));
  EXPECT_EQ(testing::RowValues(money, 3), json({"payment", "by outcome", "rejected", nullptr, -12.5}));
  EXPECT_EQ(testing::RowValues(money, 5), json({"payment", "by outcome", "merged", nullptr, 0}));
  EXPECT_EQ(testing::RowValues(money, 6), json({"payment", "by reason", "excluded", "soft_deleted", 1000}));
  EXPECT_EQ(testing::RowValues(money, 7), json({"payment", "by reason", "rejected", "orphan", -12.5}));
  EXPECT_EQ(money["rows"][7][4]["fmt"], "£#,##0.00");

  const json& oc3 = book["book"]["Statutory figures"];
  EXPECT_EQ(oc3["filter"], "A1:D12");
  EXPECT_EQ(testing::RowValues(oc3, 1), json({"OC3 cohort at 2018-10-01 (open cases aged 17 to 25)", nullptr, 678}));
  EXPECT_EQ(testing::RowValues(oc3, 2), json({"in touch", nullptr, 492, 72.6}));
  EXPECT_EQ(testing::RowValues(oc3, 3), json({"in education, employment or training", nullptr, 353, 52.1}));
  EXPECT_EQ(testing::RowValues(oc3, 4), json({"in suitable accommodation", nullptr, 541, 79.8}));
  EXPECT_EQ(oc3["rows"][4][3]["fmt"], "0.0");
  EXPECT_EQ(testing::RowValues(oc3, 5), json({"in touch, by code", "NO", 100, 14.7}));
  EXPECT_EQ(testing::RowValues(oc3, 11), json({"accommodation, by code", "B2", 137, 20.2}));
}

TEST_F(Workbook, GoesOnInAnotherSheetPastASheetsRows) {
  std::vector<ExceptionRow> rows;
  for (int i = 1; i <= 5; ++i) rows.push_back(Exception("C00" + std::to_string(i), "", "r"));
  Reconciliation r = Figures();
  r.oc3.reset();
  ASSERT_TRUE(WriteWorkbook(path_, r, Stream(rows), WorkbookOptions{2}).ok());
  const json book = Read();
  ASSERT_EQ(book["sheets"], json({"Summary", "Exceptions", "Exceptions 2", "Exceptions 3", "Money by mapping"}));
  EXPECT_EQ(book["book"]["Exceptions"]["filter"], "A1:M3");
  EXPECT_EQ(book["book"]["Exceptions 2"]["rows"][0][0]["v"], "mapping");
  EXPECT_EQ(book["book"]["Exceptions 2"]["rows"][1][3]["v"], "C003");
  EXPECT_EQ(book["book"]["Exceptions 3"]["freeze"], "A2");
  EXPECT_EQ(book["book"]["Exceptions 3"]["filter"], "A1:M2");
  EXPECT_EQ(book["book"]["Exceptions 3"]["rows"][1][3]["v"], "C005");
}

TEST_F(Workbook, AnEmptyWorklistStillHasItsHeaderAndFilter) {
  ASSERT_TRUE(WriteWorkbook(path_, Figures(), Stream({})).ok());
  const json book = Read();
  EXPECT_EQ(book["book"]["Exceptions"]["rows"].size(), 1u);
  EXPECT_EQ(book["book"]["Exceptions"]["filter"], "A1:M1");
}

// With --show-personal-data the Summary sheet says so first; without, the
// verdict is first.
TEST_F(Workbook, TheSummarySaysFirstWhenItIncludesPersonalData) {
  WorkbookOptions options;
  options.shows_personal_data = true;
  ASSERT_TRUE(WriteWorkbook(path_, Figures(), Stream({}), options).ok());
  const json shown = Read();
  EXPECT_EQ(testing::RowValues(shown["book"]["Summary"], 0),
            json({"This report includes personal data (--show-personal-data)"}));
  EXPECT_EQ(testing::RowValues(shown["book"]["Summary"], 1), json({"verdict", "NO-GO"}));
  ASSERT_TRUE(WriteWorkbook(path_, Figures(), Stream({})).ok());
  EXPECT_EQ(testing::RowValues(Read()["book"]["Summary"], 0), json({"verdict", "NO-GO"}));
}

TEST_F(Workbook, AFailedWorklistLeavesNoFileAndSaysWhy) {
  std::ofstream(path_) << "the previous run's workbook";
  const ExceptionStream failing = [](const std::function<void(const ExceptionRow&)>& each) {
    each(Exception("C001", "", "r"));
    return core::Status::Error(core::ErrorCode::kDatabase, "reading the exceptions: connection lost");
  };
  const core::Status s = WriteWorkbook(path_, Figures(), failing);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "writing " + path_.string() + ": reading the exceptions: connection lost");
  EXPECT_FALSE(std::filesystem::exists(path_.string() + ".partial"));
  // Whole or not at all: what stood there before is untouched.
  EXPECT_EQ(testing::ReadFile(path_), "the previous run's workbook");
}

TEST_F(Workbook, AMissingFolderIsAnErrorNamingIt) {
  const auto path = dir_ / "no-such-folder" / "workbook.xlsx";
  const core::Status s = WriteWorkbook(path, Figures(), Stream({}));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("writing " + path.string()), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("does not exist"), std::string::npos) << s.message();
}

// Resident memory while 100,000 exceptions stream through, sampled as they
// go: constant-memory mode keeps it flat (libxlsxwriter's cell table would
// take well over 100 MB for them).
long ResidentKiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

// AddressSanitizer keeps freed memory in quarantine (hundreds of MB), so
// resident memory says nothing about the writer there.
using testing::kUnderAddressSanitizer;

TEST_F(Workbook, MemoryStaysFlatForALongWorklist) {
  if (kUnderAddressSanitizer)
    GTEST_SKIP() << "resident memory is not meaningful under AddressSanitizer (its quarantine holds freed "
                    "memory); the plain build (scripts/build) runs this test";
  const long before = ResidentKiB();
  long peak = before;
  const ExceptionStream many = [&](const std::function<void(const ExceptionRow&)>& each) {
    ExceptionRow e = Exception("", "12/13/2001", "unreadable date of birth: '12/13/2001' is not a date");
    for (int i = 0; i < 100000; ++i) {
      e.legacy_key = "C" + std::to_string(100000 + i);
      each(e);
      if (i % 5000 == 0) peak = std::max(peak, ResidentKiB());
    }
    return core::Status::Ok();
  };
  ASSERT_TRUE(WriteWorkbook(path_, Figures(), many).ok());
  peak = std::max(peak, ResidentKiB());
  EXPECT_LT(peak - before, 16 * 1024) << "resident memory grew from " << before << " KiB to " << peak << " KiB";
  std::cout << "100000 exceptions: resident memory " << before << " KiB before, " << peak << " KiB at most\n";
  EXPECT_GT(std::filesystem::file_size(path_), 1000000u);
}

}  // namespace
}  // namespace handover::reports
