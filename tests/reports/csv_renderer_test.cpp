// Report renderers on hand-built reconciliations: CsvField quoting and formula neutralising, the CSV worklist, the console summary.
#include <gtest/gtest.h>

#include <algorithm>

#include <string>

#include "reports/reason_codes.h"
#include "reports/renderers.h"
#include "reports/verdict.h"

namespace handover::reports {
namespace {

TEST(CsvField, LeavesPlainFieldsAlone) {
  EXPECT_EQ(CsvField("abc"), "abc");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a b"), "a b");
  EXPECT_EQ(CsvField("a=b+c-d@e"), "a=b+c-d@e");  // only a leading sign is dangerous
  EXPECT_EQ(CsvField("12.50"), "12.50");
  EXPECT_EQ(CsvField("caf\xc3\xa9"), "caf\xc3\xa9");
}

TEST(CsvField, QuotesCommasQuotesAndLineBreaks) {
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("he said \"hi\""), "\"he said \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("\""), "\"\"\"\"");
  EXPECT_EQ(CsvField("line1\nline2"), "\"line1\nline2\"");
  EXPECT_EQ(CsvField("line1\r\nline2"), "\"line1\r\nline2\"");
  EXPECT_EQ(CsvField("a\rb"), "\"a\rb\"");
}

TEST(CsvField, NeutralisesLeadingFormulaCharacters) {
  EXPECT_EQ(CsvField("=SUM(A1)"), "'=SUM(A1)");
  EXPECT_EQ(CsvField("+1"), "'+1");
  EXPECT_EQ(CsvField("@x"), "'@x");
  EXPECT_EQ(CsvField("-abc"), "'-abc");
  EXPECT_EQ(CsvField("-2+3"), "'-2+3");
  EXPECT_EQ(CsvField("-"), "'-");
  EXPECT_EQ(CsvField("="), "'=");
  // Neutralised and then quoted, with the quotes inside doubled.
  EXPECT_EQ(CsvField("=A1,B1"), "\"'=A1,B1\"");
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(CsvField("-1,000"), "\"'-1,000\"");  // not a plain number: a comma
}

TEST(CsvField, NeutralisesLeadingTabAndCarriageReturnAndOddNumbers) {
  EXPECT_EQ(CsvField("\t=1"), "'\t=1");
  EXPECT_EQ(CsvField("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(CsvField("-.."), "'-..");
  EXPECT_EQ(CsvField("-1."), "'-1.");
  EXPECT_EQ(CsvField("-.5"), "'-.5");
}

TEST(CsvField, WritesControlBytesEscapedNeverRaw) {
  EXPECT_EQ(CsvField(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(CsvField("\x1b[31mred"), "\\x1b[31mred");
}

TEST(CsvField, KeepsNegativeNumbersAsNumbers) {
  EXPECT_EQ(CsvField("-2"), "-2");
  EXPECT_EQ(CsvField("-1250"), "-1250");
  EXPECT_EQ(CsvField("-12.50"), "-12.50");
}

TEST(ExceptionsCsv, WritesOneQuotedNeutralisedRowPerException) {
  std::string csv = ExceptionsCsvHeader();
  ExceptionRow e;
  e.mapping = "person";
  e.source_table = "client";
  e.source_row = 12;
  e.legacy_key = "@C012";
  e.outcome = "rejected";
  e.reason_code = "unreadable_dob";
  e.reason = "unreadable date of birth, \"31/02\"";
  e.column = "dob";
  e.value_seen = "=HYPERLINK(\"http://x\")";
  e.action = "correct it";
  AppendExceptionsCsvRow(csv, e);
  e.source_row = 13;
  e.legacy_key = "-13";
  e.reason = "plain";
  e.value_seen = "";
  AppendExceptionsCsvRow(csv, e);
  EXPECT_EQ(csv,
            "mapping,source_table,source_row,legacy_reference,outcome,column,value_seen,reason_code,explanation,"
            "suggested_action,status,owner,note\r\n"
            "person,client,12,'@C012,rejected,dob,\"'=HYPERLINK(\"\"http://x\"\")\",unreadable_dob,"
            "\"unreadable date of birth, \"\"31/02\"\"\",correct it,,,\r\n"
            "person,client,13,-13,rejected,dob,,unreadable_dob,plain,correct it,,,\r\n");
}

// An engine code is explained in plain English, with the engine's detail
// after it; a mapping set's own code by its rule's text alone.
TEST(ExceptionsCsv, ExplainsEngineCodesInPlainEnglish) {
  ExceptionRow e;
  e.mapping = "payment";
  e.source_table = "payments";
  e.source_row = 4;
  e.legacy_key = "P4";
  e.outcome = "rejected";
  e.reason_code = "orphan";
  e.reason = "no person with legacy key 'C9'";
  e.column = "client_id";
  e.value_seen = "C9";
  e.action = "find the missing parent record";
  std::string csv;
  AppendExceptionsCsvRow(csv, e);
  EXPECT_EQ(csv, "payment,payments,4,P4,rejected,client_id,C9,orphan,"
                 "It cites a record the source does not have (e.g. a payment for a client the provider never had). "
                 "Here: no person with legacy key 'C9',find the missing parent record,,,\r\n");
  EXPECT_EQ(Explanation("orphan", ""), ReasonMeaning("orphan"));
  EXPECT_EQ(Explanation("unreadable_dob", "the date of birth cannot be read"), "the date of birth cannot be read");
  EXPECT_EQ(Explanation("unreadable_dob", ""), "unreadable_dob");
}

// One mapping with money (payments) and one without (people).
Reconciliation TwoMappings() {
  Reconciliation r;
  r.run_id = 7;
  MappingFigures payment;
  payment.mapping = "payment";
  payment.source_table = "payments";
  payment.source_rows = 10;
  payment.ledger.loaded = 7;
  payment.ledger.rejected = 2;
  payment.ledger.excluded = 1;
  payment.ledger.merged = 0;
  payment.has_money = true;
  payment.ledger_loaded_pence = 657649925;
  payment.ledger.pence_by_outcome = {{"loaded", 657649925}, {"rejected", -1250}, {"excluded", 100000},
                                     {"merged", 5}};
  payment.ledger.records_without_amount = 3;
  r.mappings.push_back(payment);
  MappingFigures person;
  person.mapping = "person";
  person.source_table = "client";
  person.source_rows = 3;
  person.ledger.loaded = 1;
  person.ledger.merged = 1;
  r.mappings.push_back(person);
  r.exception_count = 2;
  r.source_tables_read = {"client", "payments"};
  r.source_tables_not_read = {"case_notes", "workers"};
  r.verdict.go = true;
  return r;
}

TEST(RenderConsoleSummary, ShowsVerdictFiguresAndMoneyInPounds) {
  const Reconciliation r = TwoMappings();
  ASSERT_TRUE(r.balanced());
  const std::string text = RenderConsoleSummary(r, "/tmp/out", 2.46);
  const std::string expected =
      "\nRehearsal 7: BALANCED - every source record and penny is accounted for (2.5 s)\n"
      "  Verdict: GO\n"
      "  records: 13 in the source = 8 loaded + 2 rejected + 1 excluded + 1 merged; 2 of 2 mappings balance "
      "(each in report.html)\n"
      "  payment money: £6,577,486.80 in the source = £6,576,499.25 loaded + -£12.50 rejected + "
      "£1,000.00 excluded + £0.05 merged (3 records have no readable amount: see exceptions.csv)\n"
      "  scope: 2 of 4 source tables migrated (client, payments)\n"
      "    not read by any mapping, so not migrated: case_notes, workers\n"
      "  2 exceptions for the data officers to review\n"
      "  reports: /tmp/out/report.html  (the page to read and sign)\n"
      "           reconciliation.json, reconciliation.csv, exceptions.csv, workbook.xlsx beside it\n"
      "  log:     /tmp/out/handover.log\n";
  EXPECT_EQ(text, expected);
}

TEST(RenderConsoleSummary, SaysWhenItDoesNotBalanceAndListsTheDifferences) {
  Reconciliation r = TwoMappings();
  r.mappings[1].differences = {"the ledger has 2 records, the source 3"};
  ASSERT_FALSE(r.balanced());
  const std::string text = RenderConsoleSummary(r, "out", 0.0);
  EXPECT_EQ(text.rfind("\nRehearsal 7: DOES NOT BALANCE (0.0 s)\n", 0), 0u) << text;
  EXPECT_EQ(text.find("BALANCED - every"), std::string::npos) << text;
  EXPECT_NE(text.find("1 of 2 mappings balance (each in report.html)\n"
                      "    difference, person: the ledger has 2 records, the source 3\n"),
            std::string::npos)
      << text;
  // Only mappings with money get a money line.
  EXPECT_NE(text.find("  payment money: "), std::string::npos) << text;
  EXPECT_EQ(text.find("person money"), std::string::npos) << text;
  // The verdict comes right after the headline, with its reasons.
  r.verdict = DecideVerdict(r, VerdictRules{}, *core::Date::FromYmd(2026, 12, 1));
  const std::string judged = RenderConsoleSummary(r, "out", 0.0);
  EXPECT_NE(judged.find("(0.0 s)\n  Verdict: NO-GO\n    - person: the ledger has 2 records, the source 3\n  records: "),
            std::string::npos)
      << judged;
}

TEST(RenderConsoleSummary, FormatsPoundsWithThousandsAndSigns) {
  Reconciliation r;
  r.run_id = 1;
  MappingFigures m;
  m.mapping = "a";
  m.source_table = "t";
  m.has_money = true;
  m.ledger.pence_by_outcome = {{"loaded", 100000000}, {"rejected", 99999999}, {"excluded", -99999}};
  r.mappings.push_back(m);
  m.mapping = "b";
  m.ledger.pence_by_outcome = {{"loaded", -657649925}, {"merged", 100}};
  r.mappings.push_back(m);
  const std::string text = RenderConsoleSummary(r, "out", 1.0);
  EXPECT_NE(text.find("\n  a money: £1,999,000.00 in the source = £1,000,000.00 loaded + £999,999.99 rejected + "
                      "-£999.99 excluded + £0.00 merged\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\n  b money: -£6,576,498.25 in the source = -£6,576,499.25 loaded + £0.00 rejected + "
                      "£0.00 excluded + £1.00 merged\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("no readable amount"), std::string::npos) << text;
  EXPECT_NE(text.find("\n  0 exceptions for the data officers to review\n"), std::string::npos) << text;
  // About a dozen lines, however many mappings: none of them has a row of its own.
  EXPECT_LE(std::count(text.begin(), text.end(), '\n'), 12) << text;
}

// With --show-personal-data the summary block says so, on its first line;
// without, it does not say it at all.
TEST(RenderConsoleSummary, SaysFirstWhenTheReportsIncludePersonalData) {
  PrivacyOptions shown;
  shown.show_personal_data = true;
  const std::string text = RenderConsoleSummary(TwoMappings(), "out", 1.0, shown);
  EXPECT_EQ(text.rfind("\nThis report includes personal data (--show-personal-data)\nRehearsal 7: BALANCED", 0), 0u)
      << text;
  const std::string plain = RenderConsoleSummary(TwoMappings(), "out", 1.0, PrivacyOptions{});
  EXPECT_EQ(plain.find("personal data"), std::string::npos) << plain;
  EXPECT_EQ(plain.rfind("\nRehearsal 7: BALANCED", 0), 0u) << plain;
}

}  // namespace
}  // namespace handover::reports
