// The checker: what it accepts, what it refuses, and that it reports every
// problem at once. Exact message texts live in the golden tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "transform/check_mappings.h"
#include "tests/transform/test_catalogs.h"
#include "transform/diagnostic.h"
#include "transform/bind/bind.h"

namespace handover::transform {
namespace {

using testing::CheckText;

const char* kHeader = "mapping m from clients c\n  key c.client_ref\n  into person\n"
                      "  person_id = council_id\n  first_name = \"a\"\n  last_name = \"b\"\n";

// Checks kHeader + `extra` and returns the diagnostics' messages.
std::vector<std::string> Errors(const std::string& extra, const Params& params = {}) {
  const CheckResult r = CheckText(kHeader + extra, params);
  std::vector<std::string> messages;
  for (const Diagnostic& d : r.diagnostics) messages.push_back(d.message);
  EXPECT_EQ(r.ok(), messages.empty());
  return messages;
}

// A column of a migrated table no mapping reads is named, as a warning or
// an error by option, until an `ignore column` says why it stays behind.
TEST(LangCheck, UnreadSourceColumnsAreWarnedOrRefusedByOption) {
  const std::string mapping =
      "mapping person from clients c\n  key c.client_ref\n  into person\n  person_id = council_id\n"
      "  first_name = c.forename\n  last_name = c.surname\n";
  const std::string all_but_one =
      "ignore column clients.dob, clients.contact_status, clients.deleted, clients.created_on, clients.accom,\n"
      "  clients.age, clients.balance, clients.start_date because \"not needed\"\n";
  const auto check = [](const std::string& text, UnreadColumns policy) {
    CheckOptions options;
    options.unread_columns = policy;
    return CheckMappingSources({{"m.map", text}}, testing::SourceCatalog(), testing::TargetCatalog(), {}, options);
  };
  const CheckResult allowed = check(mapping, UnreadColumns::kAllowed);
  EXPECT_TRUE(allowed.ok());
  EXPECT_TRUE(allowed.warnings.empty());

  const CheckResult warned = check(mapping, UnreadColumns::kWarning);
  ASSERT_TRUE(warned.ok()) << FormatDiagnostics(warned.diagnostics);
  ASSERT_EQ(warned.warnings.size(), 1u);
  EXPECT_EQ(warned.warnings[0].message.rfind("source columns 'clients.dob', 'clients.contact_status', ", 0), 0u)
      << warned.warnings[0].message;
  EXPECT_NE(warned.warnings[0].message.find("'clients.pa_name' are read by no mapping: map them, or say why not with: "
                                            "ignore column clients.dob, "),
            std::string::npos)
      << warned.warnings[0].message;
  EXPECT_NE(FormatDiagnostics(warned.warnings, "warning").find(": warning: source columns"), std::string::npos);

  const CheckResult refused = check(mapping + all_but_one, UnreadColumns::kError);
  EXPECT_FALSE(refused.ok());
  ASSERT_EQ(refused.diagnostics.size(), 1u) << FormatDiagnostics(refused.diagnostics);
  EXPECT_EQ(refused.diagnostics[0].message,
            "source column 'clients.pa_name' is read by no mapping: map it, or say why not with: ignore column "
            "clients.pa_name because \"...\"");

  const CheckResult accounted =
      check(mapping + all_but_one + "ignore column clients.pa_name because \"free text\"\n", UnreadColumns::kError);
  EXPECT_TRUE(accounted.ok()) << FormatDiagnostics(accounted.diagnostics);
  EXPECT_TRUE(accounted.warnings.empty());
}

TEST(LangCheck, AcceptsAMinimalMapping) {
  EXPECT_TRUE(Errors("").empty());
}

TEST(LangCheck, MoneyNeedsParsing) {
  const std::string payment = "mapping p from payments p\n  into payment\n  payment_id = 1\n"
                              "  person_id = 1\n";
  auto r = CheckText(payment + "  amount_pence = p.amount\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message,
            "cannot assign text to pence column 'amount_pence' of 'payment'; parse it with money(...)");
  EXPECT_TRUE(CheckText(payment + "  amount_pence = money(p.amount)\n").ok());
  // Integers are taken as pence; arithmetic on money keeps it money.
  EXPECT_TRUE(CheckText(payment + "  amount_pence = 1250\n").ok());
  EXPECT_TRUE(CheckText(payment + "  amount_pence = money(p.amount) * 2 - money(\"1\")\n").ok());
  r = CheckText(payment + "  amount_pence = money(p.amount) + 1\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message,
            "'+': operator cannot combine pence and integer; money adds to money and multiplies "
            "or divides by an integer");
}

TEST(LangCheck, TypeRulesForAssignments) {
  EXPECT_TRUE(Errors("  age = c.forename\n").empty());           // checked per row
  EXPECT_TRUE(Errors("  note = c.age\n").empty());               // any value has a text form
  EXPECT_TRUE(Errors("  date_of_birth = c.dob\n").empty());      // ISO text, checked per row
  EXPECT_EQ(Errors("  date_of_birth = c.age\n"),
            std::vector<std::string>{"cannot assign integer to date column 'date_of_birth' of 'person'"});
  EXPECT_EQ(Errors("  age = c.start_date\n"),
            std::vector<std::string>{"cannot assign date to integer column 'age' of 'person'"});
}

TEST(LangCheck, ReportsAllErrorsAtOnce) {
  const auto errors = Errors("  age = trim(c.age)\n  note = nope(1)\n  in_touch = c.nothing\n"
                             "  reject when c.age because \"x\"\n");
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_NE(errors[0].find("argument 1 of 'trim'"), std::string::npos);
  EXPECT_NE(errors[1].find("unknown function 'nope'"), std::string::npos);
  EXPECT_NE(errors[2].find("unknown column 'nothing'"), std::string::npos);
  EXPECT_NE(errors[3].find("the rule's 'when' must be a condition"), std::string::npos);
}

TEST(LangCheck, ErrorsFromSeveralFilesTogether) {
  const CheckResult r = CheckMappingSources(
      {{"a.map", "mapping a from clients c\n  into person\n  first_name = \n"},
       {"b.map", "mapping b from nothing n\n  into person\n  person_id = 1\n"
                 "  first_name = \"a\"\n  last_name = \"b\"\n"}},
      testing::SourceCatalog(), testing::TargetCatalog(), {});
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[0].file, "a.map");
  EXPECT_EQ(r.diagnostics[1].file, "b.map");
  EXPECT_EQ(r.diagnostics[1].message, "unknown source table 'nothing'");
}

TEST(LangCheck, KeyMayOnlyUseSourceColumns) {
  const auto errors = Errors("mapping k from payments p\n  key council_id\n  into payment\n"
                             "  payment_id = 1\n  person_id = 1\n  amount_pence = 1\n");
  EXPECT_EQ(errors, std::vector<std::string>{"council_id cannot be used in the key"});
}

TEST(LangCheck, WhereFilterCannotUseAssignedColumns) {
  const CheckResult r = CheckText(
      "mapping m from clients c where first_name = \"x\"\n  into person\n  person_id = 1\n"
      "  first_name = \"a\"\n  last_name = \"b\"\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message,
            "unknown name 'first_name'; the where filter can only use source columns (c.name)");
}

TEST(LangCheck, AssignedColumnsAreVisibleOnlyAfterAssignment) {
  const auto errors = Errors("  note = in_touch\n  in_touch = \"YES\"\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "unknown name 'in_touch' (not a column assigned above)");
  EXPECT_TRUE(Errors("  in_touch = \"YES\"\n  note = in_touch\n").empty());
}

TEST(LangCheck, ReservedReasonCodes) {
  EXPECT_EQ(Errors("  reject when c.age > 1 because \"x\" as orphan\n"),
            std::vector<std::string>{"reason code 'orphan' is reserved for the engine"});
}

TEST(LangCheck, ReasonCodesAreSnakeCase) {
  EXPECT_EQ(ReasonCode("unreadable date of birth"), "unreadable_date_of_birth");
  EXPECT_EQ(ReasonCode("  Test record! (do not load)"), "test_record_do_not_load");
  EXPECT_EQ(ReasonCode("£££"), "rule");
  EXPECT_EQ(ReasonCode(std::string(60, 'a')).size(), 40u);
}

TEST(LangCheck, ParamsAreTyped) {
  EXPECT_EQ(core::TypeOf(TypeParam("2018-10-01")), core::ValueType::kDate);
  EXPECT_EQ(core::TypeOf(TypeParam("2018-13-01")), core::ValueType::kText);
  EXPECT_EQ(core::TypeOf(TypeParam("42")), core::ValueType::kInteger);
  EXPECT_EQ(core::TypeOf(TypeParam("-4.5")), core::ValueType::kDecimal);
  EXPECT_EQ(core::TypeOf(TypeParam("Leeds")), core::ValueType::kText);
  EXPECT_EQ(Errors("  date_of_birth = $cutover\n", {{"cutover", "2018-10-01"}}).size(), 0u);
  EXPECT_EQ(Errors("  age = $cutover\n", {{"cutover", "2018-10-01"}}),
            std::vector<std::string>{"cannot assign date to integer column 'age' of 'person'"});
}

TEST(LangCheck, CodeSetFromCsvFilesAndDuplicates) {
  const std::string map = "mapping m from clients c\n  into person\n  person_id = 1\n"
                          "  first_name = \"a\"\n  last_name = \"b\"\n"
                          "  in_touch = code(touch, c.contact_status)\n"
                          "  accommodation = code(accom, c.accom)\n"
                          "codeset accom ignore case from \"sets/accommodation.csv\"\n";
  CheckResult r = CheckMappingSources(
      {{"m/a.map", map},
       {"m/touch.csv", "from,to\nYes,YES\n\"No, never\",NO\n"},
       {"m/sets/accommodation.csv", "from,to\nSP,Z1\n"}},
      testing::SourceCatalog(), testing::TargetCatalog(), {});
  ASSERT_TRUE(r.ok()) << FormatDiagnostics(r.diagnostics);
  const CompiledMapping& m = *r.program->mappings[0];
  RowOutcome out;
  m.Evaluate(testing::RowFor(m, {{"contact_status", "No, never"}, {"accom", "sp"}}), {}, out);
  ASSERT_EQ(out.kind, OutcomeKind::kLoaded) << out.reason;
  EXPECT_EQ(out.target_rows[0]->at(3), core::Value(std::string("NO")));
  EXPECT_EQ(out.target_rows[0]->at(4), core::Value(std::string("Z1")));

  r = CheckMappingSources({{"m/a.map", map},
                           {"m/touch.csv", "from,to\nYes,YES\nYes,NO\n"},
                           {"m/sets/accommodation.csv", "from,to\n\"SP,Z1\n"}},
                          testing::SourceCatalog(), testing::TargetCatalog(), {});
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[0].file, "m/sets/accommodation.csv");
  EXPECT_EQ(r.diagnostics[0].line, 2);
  EXPECT_NE(r.diagnostics[0].message.find("a quoted field is never closed"), std::string::npos) << r.diagnostics[0].message;
  EXPECT_EQ(r.diagnostics[1].file, "m/touch.csv");
  EXPECT_EQ(r.diagnostics[1].line, 3);
  EXPECT_EQ(r.diagnostics[1].message,
            "value 'Yes' is mapped twice in code set 'touch' with different codes");
}

TEST(LangCheck, DuplicateMappingAndCodeSetNames) {
  const CheckResult r = CheckMappingSources(
      {{"a.map", std::string(kHeader) + "codeset s\n  \"a\" -> \"b\"\n"},
       {"b.map", std::string(kHeader) + "codeset s\n  \"a\" -> \"b\"\n"}},
      testing::SourceCatalog(), testing::TargetCatalog(), {});
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[0].message, "mapping 'm' is already defined at a.map:1");
  EXPECT_EQ(r.diagnostics[1].message, "code set 's' is already defined at a.map:7");
}

TEST(LangCheck, ReadsADirectory) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("handover-check-" + std::to_string(::getpid()));
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "sub" / "m.map") << kHeader;
  std::ofstream(dir / "notes.txt") << "ignored";
  CheckResult r = CheckMappings(dir, testing::SourceCatalog(), testing::TargetCatalog(), {});
  EXPECT_TRUE(r.ok()) << FormatDiagnostics(r.diagnostics);
  std::ofstream(dir / "bad.map") << "mapping";
  r = CheckMappings(dir, testing::SourceCatalog(), testing::TargetCatalog(), {});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].file, (dir / "bad.map").string());
  fs::remove_all(dir);
  r = CheckMappings(dir, testing::SourceCatalog(), testing::TargetCatalog(), {});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_NE(r.diagnostics[0].message.find("does not exist"), std::string::npos) << r.diagnostics[0].message;
}

TEST(LangDiagnostics, FormatWithCaretAndCount) {
  const Diagnostic d = DiagnosticAt("x.map", "line one\n\tb = c.dobb\n", 15, "unknown column 'dobb'");
  EXPECT_EQ(d.line, 2);
  EXPECT_EQ(d.column, 7);
  EXPECT_EQ(FormatDiagnostics({d}),
            "x.map:2:7: error: unknown column 'dobb'\n    \tb = c.dobb\n    \t     ^\n1 error\n");
  EXPECT_EQ(FormatDiagnostics({Diagnostic{"f", 0, 0, "cannot read file", ""}, d}).substr(0, 30),
            "f: error: cannot read file\nx.m");
}

// Declared scope: with require_full_scope every source table is read by a
// mapping or left out with a reason; a table left out compiles to a mapping
// that excludes each of its rows with that reason, after the others.
TEST(DeclaredScope, EveryTableIsMappedOrLeftOutWithAReason) {
  const std::string text =
      "mapping person from clients c\n  into person\n  key c.client_ref\n  person_id = council_id\n"
      "  first_name = c.forename\n  last_name = c.surname\n"
      "ignore table staff because \"staff are kept elsewhere\" as staff_elsewhere\n";
  CheckOptions strict;
  strict.require_full_scope = true;
  CheckResult r = CheckMappingSources({{"set/scope.map", text}}, testing::SourceCatalog(), testing::TargetCatalog(),
                                      {}, strict);
  ASSERT_EQ(r.diagnostics.size(), 1u) << FormatDiagnostics(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].file, "set");
  EXPECT_EQ(r.diagnostics[0].message,
            "source table 'payments' is neither read by a mapping nor left out: map it, or say why it is not "
            "migrated with: ignore table payments because \"...\"");
  // Without the demand (one mapping checked against a larger catalog) it checks.
  EXPECT_TRUE(CheckMappingSources({{"set/scope.map", text}}, testing::SourceCatalog(), testing::TargetCatalog(), {})
                  .ok());

  r = CheckMappingSources({{"set/scope.map", text + "ignore table payments because \"Later, with the cut-over\"\n"}},
                          testing::SourceCatalog(), testing::TargetCatalog(), {}, strict);
  ASSERT_TRUE(r.ok()) << FormatDiagnostics(r.diagnostics);
  ASSERT_EQ(r.program->mappings.size(), 3u);
  EXPECT_FALSE(r.program->mappings[0]->ignored());
  const CompiledMapping& staff = *r.program->mappings[1];
  const CompiledMapping& payments = *r.program->mappings[2];
  EXPECT_TRUE(staff.ignored());
  EXPECT_EQ(staff.source_table(), "staff");
  EXPECT_EQ(staff.source_columns().size(), 1u) << "rows are counted, not read whole";
  EXPECT_TRUE(staff.targets().empty());
  EXPECT_FALSE(staff.has_key());
  RowOutcome out;
  const std::vector<core::Value> row = {core::Value(int64_t{7})};
  staff.Evaluate(row, EvalContext{}, out);
  EXPECT_EQ(out.kind, OutcomeKind::kExcluded);
  EXPECT_EQ(out.reason_code, "staff_elsewhere");
  EXPECT_EQ(out.reason, "staff are kept elsewhere");
  payments.Evaluate(row, EvalContext{}, out);
  EXPECT_EQ(out.reason_code, "later_with_the_cut_over");
}

}  // namespace
}  // namespace handover::transform
