// Evaluation of compiled mappings: outcomes, target rows, NULL semantics,
// rules and their reason codes, cross references, code sets, key and merge.
#include <gtest/gtest.h>

#include "transform/check_mappings.h"
#include "tests/transform/test_catalogs.h"
#include "transform/diagnostic.h"

namespace handover::transform {
namespace {

using testing::CheckText;
using testing::DataFiles;
using testing::FakeCrosswalk;
using testing::RowFor;

const CompiledMapping& Find(const MappingProgram& program, const std::string& name) {
  for (const auto& m : program.mappings)
    if (m->name() == name) return *m;
  throw std::runtime_error("no mapping " + name);
}

class LangLeavingCare : public ::testing::Test {
 protected:
  void SetUp() override {
    result_ = CheckMappingSources(DataFiles("leaving-care"), testing::SourceCatalog(),
                                  testing::TargetCatalog(), {{"cutover", "2018-10-01"}});
    ASSERT_TRUE(result_.ok()) << FormatDiagnostics(result_.diagnostics);
    crosswalk_.ids[{"person", "C001"}] = 501;
    context_.crosswalk = &crosswalk_;
  }

  RowOutcome Person(std::map<std::string, core::Value> values, int64_t id = 42) {
    const CompiledMapping& m = Find(*result_.program, "person");
    values.emplace("deleted", int64_t{0});
    const std::vector<core::Value> row = RowFor(m, values);
    context_.council_id = id;
    RowOutcome out;
    m.Evaluate(row, context_, out);
    return out;
  }

  RowOutcome Payment(std::map<std::string, core::Value> values) {
    const CompiledMapping& m = Find(*result_.program, "payment");
    const std::vector<core::Value> row = RowFor(m, values);
    context_.council_id = 9000;
    RowOutcome out;
    m.Evaluate(row, context_, out);
    return out;
  }

  // The value of `column` in target `t` of `mapping`.
  core::Value Cell(const RowOutcome& out, const std::string& mapping, size_t t, const std::string& column) {
    const CompiledMapping& m = Find(*result_.program, mapping);
    const TargetSpec& spec = m.targets().at(t);
    const auto it = std::find(spec.columns.begin(), spec.columns.end(), column);
    EXPECT_NE(it, spec.columns.end()) << column;
    EXPECT_TRUE(out.target_rows.at(t).has_value());
    return out.target_rows[t]->at(size_t(it - spec.columns.begin()));
  }

  CheckResult result_;
  FakeCrosswalk crosswalk_;
  EvalContext context_;
};

TEST_F(LangLeavingCare, ProgramIsInLoadOrderWithItsMetadata) {
  const MappingProgram& p = *result_.program;
  ASSERT_EQ(p.mappings.size(), 2u);
  EXPECT_EQ(p.mappings[0]->name(), "person");
  EXPECT_EQ(p.mappings[1]->name(), "payment");
  EXPECT_EQ(p.mappings[1]->references(), std::vector<std::string>{"person"});
  EXPECT_TRUE(p.mappings[0]->references().empty());
  EXPECT_EQ(p.mappings[0]->source_table(), "clients");
  EXPECT_EQ(p.content_hash.size(), 32u);
  const TargetSpec& person = p.mappings[0]->targets().at(0);
  EXPECT_EQ(person.table, "person");
  EXPECT_EQ(person.key_column, std::optional<std::string>("person_id"));
  EXPECT_EQ(person.columns.front(), "person_id");
  EXPECT_EQ(person.types.at(4), core::ColumnType::kDate);  // date_of_birth
  ASSERT_EQ(p.mappings[1]->targets().size(), 2u);
  EXPECT_EQ(p.mappings[1]->targets()[1].table, "payment_arrangement");
  EXPECT_FALSE(p.mappings[1]->targets()[1].key_column.has_value());
  // Source columns are those the mapping reads, in first-use order.
  EXPECT_EQ(p.mappings[0]->source_columns().front(), "deleted");
}

TEST_F(LangLeavingCare, ContentHashIsStableAndFollowsContent) {
  auto again = CheckMappingSources(DataFiles("leaving-care"), testing::SourceCatalog(),
                                   testing::TargetCatalog(), {{"cutover", "2018-10-01"}});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.program->content_hash, result_.program->content_hash);
  auto files = DataFiles("leaving-care");
  files[0].text += "\n";
  auto changed = CheckMappingSources(files, testing::SourceCatalog(), testing::TargetCatalog(),
                                     {{"cutover", "2018-10-01"}});
  ASSERT_TRUE(changed.ok());
  EXPECT_NE(changed.program->content_hash, result_.program->content_hash);
}

TEST_F(LangLeavingCare, LoadsAGoodPerson) {
  const RowOutcome out = Person({{"client_ref", "C001 "}, {"forename", "  mary-jane "},
                                 {"surname", "o'neill"}, {"dob", "14/03/2001"},
                                 {"contact_status", "  IN TOUCH  -  phone"}, {"accom", "sp"}});
  ASSERT_EQ(out.kind, OutcomeKind::kLoaded) << out.reason;
  ASSERT_EQ(out.target_rows.size(), 1u);
  EXPECT_EQ(Cell(out, "person", 0, "person_id"), core::Value(int64_t{42}));
  EXPECT_EQ(Cell(out, "person", 0, "legacy_ref"), core::Value(std::string("C001")));
  EXPECT_EQ(Cell(out, "person", 0, "first_name"), core::Value(std::string("Mary-Jane")));
  EXPECT_EQ(Cell(out, "person", 0, "last_name"), core::Value(std::string("O'NEILL")));
  EXPECT_EQ(Cell(out, "person", 0, "date_of_birth"), core::Value(*core::Date::FromYmd(2001, 3, 14)));
  EXPECT_EQ(Cell(out, "person", 0, "in_touch"), core::Value(std::string("YES")));
  EXPECT_EQ(Cell(out, "person", 0, "accommodation"), core::Value(std::string("Z1")));
}

TEST_F(LangLeavingCare, WhereFilterExcludesWithReasonCodeFilter) {
  const CompiledMapping& m = Find(*result_.program, "person");
  const auto row = RowFor(m, {{"deleted", int64_t{1}}, {"surname", "X"}});
  RowOutcome out;
  m.Evaluate(row, context_, out);
  EXPECT_EQ(out.kind, OutcomeKind::kExcluded);
  EXPECT_EQ(out.reason_code, "filter");
  EXPECT_EQ(out.reason, "does not satisfy where c.deleted = 0");
  EXPECT_TRUE(out.target_rows.empty());
  // A NULL condition counts as false.
  const auto null_row = RowFor(m, {{"surname", "X"}});
  m.Evaluate(null_row, context_, out);
  EXPECT_EQ(out.kind, OutcomeKind::kExcluded);
  EXPECT_EQ(out.reason_code, "filter");
}

TEST_F(LangLeavingCare, RulesAndProblemsAreDecidedInWrittenOrder) {
  const std::map<std::string, core::Value> test_record = {
      {"client_ref", "T1"}, {"forename", "a"}, {"surname", "TEST"}, {"dob", "rubbish"}, {"contact_status", "nonsense"},
      {"deleted", int64_t{0}}};
  // person.map writes the test-record exclusion below the in_touch code and
  // the date-of-birth rule: the unmapped code, written first, decides.
  const RowOutcome late = Person(test_record);
  EXPECT_EQ(late.kind, OutcomeKind::kRejected);
  EXPECT_EQ(late.reason_code, "unmapped_code");
  ASSERT_EQ(late.other_problems.size(), 1u);
  EXPECT_EQ(late.other_problems[0].reason_code, "unreadable_date_of_birth");

  // Written above the assignments, the same exclusion wins over every problem.
  auto files = DataFiles("leaving-care");
  for (auto& file : files) {
    const std::string rule = "  exclude when c.surname = \"TEST\" because \"test record\"\n";
    const size_t at = file.text.find(rule);
    if (at == std::string::npos) continue;
    file.text.erase(at, rule.size());
    file.text.insert(file.text.find("  into person"), rule);
  }
  auto early = CheckMappingSources(files, testing::SourceCatalog(), testing::TargetCatalog(), {{"cutover", "2018-10-01"}});
  ASSERT_TRUE(early.ok());
  const CompiledMapping& m = Find(*early.program, "person");
  RowOutcome out;
  m.Evaluate(RowFor(m, test_record), context_, out);
  EXPECT_EQ(out.kind, OutcomeKind::kExcluded);
  EXPECT_EQ(out.reason_code, "test_record");
  EXPECT_EQ(out.reason, "test record");
}

TEST_F(LangLeavingCare, RejectRuleWithDerivedReasonCode) {
  const RowOutcome out = Person({{"client_ref", "C2"}, {"forename", "a"}, {"surname", "b"},
                                 {"dob", "31/02/2002"}, {"contact_status", "Yes"}});
  EXPECT_EQ(out.kind, OutcomeKind::kRejected);
  EXPECT_EQ(out.reason_code, "unreadable_date_of_birth");
  EXPECT_EQ(out.reason, "unreadable date of birth");
  // The values that could be computed stay (for the engine's money
  // accounting); they are never written.
  ASSERT_EQ(out.target_rows.size(), 1u);
  EXPECT_TRUE(out.target_rows[0].has_value());
}

TEST_F(LangLeavingCare, UnmappedCodeRejectsNamingColumnAndValue) {
  const RowOutcome out = Person({{"client_ref", "C3"}, {"forename", "a"}, {"surname", "b"},
                                 {"dob", "2001-01-01"}, {"contact_status", "Gone fishing"}});
  EXPECT_EQ(out.kind, OutcomeKind::kRejected);
  EXPECT_EQ(out.reason_code, "unmapped_code");
  EXPECT_EQ(out.reason, "value 'Gone fishing' is not in code set 'in_touch'");
  EXPECT_EQ(out.column, "in_touch");
  EXPECT_EQ(out.value_seen, "Gone fishing");
}

TEST_F(LangLeavingCare, UnmappedCodeWithDefault) {
  const RowOutcome out = Person({{"client_ref", "C4"}, {"forename", "a"}, {"surname", "b"},
                                 {"dob", "2001-01-01"}, {"contact_status", "no"},
                                 {"accom", "a caravan"}});
  ASSERT_EQ(out.kind, OutcomeKind::kLoaded) << out.reason;
  EXPECT_EQ(Cell(out, "person", 0, "in_touch"), core::Value(std::string("NO")));
  EXPECT_EQ(Cell(out, "person", 0, "accommodation"), core::Value(std::string("0")));
}

TEST_F(LangLeavingCare, NullCodeStaysNull) {
  const RowOutcome out = Person({{"client_ref", "C4"}, {"forename", "a"}, {"surname", "b"},
                                 {"dob", "2001-01-01"}});
  ASSERT_EQ(out.kind, OutcomeKind::kLoaded) << out.reason;
  EXPECT_TRUE(core::IsNull(Cell(out, "person", 0, "in_touch")));
}

TEST_F(LangLeavingCare, RequiredColumnNullRejectsAsMissingValue) {
  const RowOutcome out = Person({{"client_ref", "C5"}, {"surname", "b"}, {"dob", "2001-01-01"}});
  EXPECT_EQ(out.kind, OutcomeKind::kRejected);
  EXPECT_EQ(out.reason_code, "missing_value");
  EXPECT_EQ(out.reason, "required column person.first_name has no value");
  EXPECT_EQ(out.column, "first_name");
}

TEST_F(LangLeavingCare, KeyAndMergeKey) {
  const CompiledMapping& m = Find(*result_.program, "person");
  ASSERT_TRUE(m.has_key());
  const auto row = RowFor(m, {{"client_ref", "C001"}, {"surname", "Smith "}, {"dob", "1/2/2000"},
                              {"created_on", "2010-05-01"}, {"deleted", int64_t{0}}});
  EXPECT_EQ(m.EvaluateKey(row), std::optional<std::string>("C001"));
  ASSERT_TRUE(m.merge().has_value());
  EXPECT_TRUE(m.merge()->keep_earliest);
  const auto merge_key = m.EvaluateMergeKey(row);
  ASSERT_TRUE(merge_key.has_value());
  ASSERT_EQ(merge_key->size(), 2u);
  EXPECT_EQ((*merge_key)[0], core::Value(std::string("smith ")));
  EXPECT_EQ((*merge_key)[1], core::Value(*core::Date::FromYmd(2000, 2, 1)));
  EXPECT_EQ(m.EvaluateSurvivorOrder(row), core::Value(std::string("2010-05-01")));
  // Any NULL part: never merged.
  const auto no_dob = RowFor(m, {{"client_ref", "C001"}, {"surname", "Smith"}});
  EXPECT_FALSE(m.EvaluateMergeKey(no_dob).has_value());
  const auto no_key = RowFor(m, {{"surname", "Smith"}});
  EXPECT_FALSE(m.EvaluateKey(no_key).has_value());
}

TEST_F(LangLeavingCare, PaymentResolvesCrossReferenceAndMoney) {
  const RowOutcome out = Payment({{"payment_id", int64_t{7}}, {"client_ref", "C001"},
                                  {"amount", "£1,200.00"}, {"paid_on", "01/09/2018"},
                                  {"type", "Rent"}, {"recurring", int64_t{1}}});
  ASSERT_EQ(out.kind, OutcomeKind::kLoaded) << out.reason;
  EXPECT_EQ(Cell(out, "payment", 0, "payment_id"), core::Value(int64_t{9000}));
  EXPECT_EQ(Cell(out, "payment", 0, "person_id"), core::Value(int64_t{501}));
  EXPECT_EQ(Cell(out, "payment", 0, "amount_pence"), core::Value(core::Pence{120000}));
  EXPECT_EQ(Cell(out, "payment", 0, "payment_type"), core::Value(std::string("RENT")));
  // Paid before the cut-over: no arrangement.
  ASSERT_EQ(out.target_rows.size(), 2u);
  EXPECT_FALSE(out.target_rows[1].has_value());
}

TEST_F(LangLeavingCare, PerTargetConditionAddsSecondTarget) {
  const RowOutcome out = Payment({{"payment_id", int64_t{8}}, {"client_ref", "C001"},
                                  {"amount", "89.99999999"}, {"paid_on", "2018-10-05"},
                                  {"type", "Weekly allowance"}, {"recurring", int64_t{1}},
                                  {"frequency", "fortnightly"}});
  ASSERT_EQ(out.kind, OutcomeKind::kLoaded) << out.reason;
  EXPECT_EQ(Cell(out, "payment", 0, "amount_pence"), core::Value(core::Pence{9000}));
  ASSERT_TRUE(out.target_rows[1].has_value());
  EXPECT_EQ(Cell(out, "payment", 1, "weekly_amount_pence"), core::Value(core::Pence{4500}));
  EXPECT_EQ(Cell(out, "payment", 1, "start_date"), core::Value(*core::Date::FromYmd(2018, 10, 12)));
  EXPECT_EQ(Cell(out, "payment", 1, "person_id"), core::Value(int64_t{501}));
}

TEST_F(LangLeavingCare, MissingReferenceIsAnOrphan) {
  const RowOutcome out = Payment({{"payment_id", int64_t{9}}, {"client_ref", "C404"},
                                  {"amount", "10"}, {"paid_on", "01/09/2018"}, {"type", "Rent"}});
  EXPECT_EQ(out.kind, OutcomeKind::kRejected);
  EXPECT_EQ(out.reason_code, "orphan");
  EXPECT_EQ(out.reason, "no person with legacy key 'C404'");
  EXPECT_EQ(out.column, "person_id");
  EXPECT_EQ(out.value_seen, "C404");
}

// A reference to a record that exists but was not loaded is not an orphan:
// the row follows its parent, rejected or excluded, naming the parent's reason.
TEST_F(LangLeavingCare, AReferenceToARecordNotLoadedFollowsIt) {
  crosswalk_.not_loaded[{"person", "C012"}] = NotLoaded{false, "unreadable_dob"};
  crosswalk_.not_loaded[{"person", "C013"}] = NotLoaded{true, "soft_deleted"};
  RowOutcome out = Payment({{"payment_id", int64_t{9}}, {"client_ref", "C012"},
                            {"amount", "10"}, {"paid_on", "01/09/2018"}, {"type", "Rent"}});
  EXPECT_EQ(out.kind, OutcomeKind::kRejected);
  EXPECT_EQ(out.reason_code, "parent_rejected");
  EXPECT_EQ(out.reason, "the person with legacy key 'C012' was rejected (unreadable_dob)");
  EXPECT_EQ(out.column, "person_id");
  EXPECT_EQ(out.value_seen, "C012");
  out = Payment({{"payment_id", int64_t{10}}, {"client_ref", "C013"},
                 {"amount", "10"}, {"paid_on", "01/09/2018"}, {"type", "Rent"}});
  EXPECT_EQ(out.kind, OutcomeKind::kExcluded);
  EXPECT_EQ(out.reason_code, "parent_excluded");
  EXPECT_EQ(out.reason, "the person with legacy key 'C013' was excluded (soft_deleted)");
  // A loaded key wins over any record of it that was not loaded.
  crosswalk_.not_loaded[{"person", "C001"}] = NotLoaded{false, "duplicate_key"};
  out = Payment({{"payment_id", int64_t{11}}, {"client_ref", "C001"},
                 {"amount", "10"}, {"paid_on", "01/09/2018"}, {"type", "Rent"}});
  EXPECT_EQ(out.kind, OutcomeKind::kLoaded) << out.reason;
}

TEST_F(LangLeavingCare, ExplicitReasonCodeAndExcludeOnAssignedColumn) {
  RowOutcome out = Payment({{"payment_id", int64_t{10}}, {"client_ref", "C001"},
                            {"amount", "ten pounds"}, {"paid_on", "01/09/2018"}, {"type", "Rent"}});
  EXPECT_EQ(out.kind, OutcomeKind::kRejected);
  EXPECT_EQ(out.reason_code, "bad_amount");
  EXPECT_EQ(out.reason, "unreadable amount");
  out = Payment({{"payment_id", int64_t{11}}, {"client_ref", "C001"}, {"amount", "0.00"},
                 {"paid_on", "01/09/2018"}, {"type", "Rent"}});
  EXPECT_EQ(out.kind, OutcomeKind::kExcluded);
  EXPECT_EQ(out.reason_code, "zero_payment");
}

TEST_F(LangLeavingCare, OutcomeIsResetBetweenRows) {
  const CompiledMapping& m = Find(*result_.program, "payment");
  context_.council_id = 1;
  RowOutcome out;
  m.Evaluate(RowFor(m, {{"payment_id", int64_t{9}}, {"client_ref", "C404"}, {"amount", "10"},
                        {"type", "Rent"}}),
             context_, out);
  ASSERT_EQ(out.kind, OutcomeKind::kRejected);
  m.Evaluate(RowFor(m, {{"payment_id", int64_t{9}}, {"client_ref", "C001"}, {"amount", "10"},
                        {"type", "Rent"}}),
             context_, out);
  EXPECT_EQ(out.kind, OutcomeKind::kLoaded) << out.reason;
  EXPECT_TRUE(out.reason_code.empty());
  EXPECT_TRUE(out.column.empty());
  EXPECT_EQ(out.target_rows.size(), 2u);
}

TEST(LangTargets, RowWithNoApplicableTargetIsExcluded) {
  const std::string text =
      "mapping m from payments p\n"
      "  into payment when p.recurring = 0\n  payment_id = 1\n  person_id = 1\n"
      "  amount_pence = money(p.amount)\n"
      "  into payment_arrangement when p.recurring = 1\n  person_id = 1\n"
      "  weekly_amount_pence = money(p.amount)\n";
  auto result = CheckText(text);
  ASSERT_TRUE(result.ok()) << FormatDiagnostics(result.diagnostics);
  const CompiledMapping& m = *result.program->mappings[0];
  RowOutcome out;
  m.Evaluate(RowFor(m, {{"recurring", int64_t{1}}, {"amount", "5"}}), EvalContext{}, out);
  ASSERT_EQ(out.kind, OutcomeKind::kLoaded) << out.reason;
  EXPECT_FALSE(out.target_rows[0].has_value());
  ASSERT_TRUE(out.target_rows[1].has_value());
  EXPECT_EQ(out.target_rows[1]->at(1), core::Value(core::Pence{500}));
  m.Evaluate(RowFor(m, {{"recurring", int64_t{2}}, {"amount", "5"}}), EvalContext{}, out);
  EXPECT_EQ(out.kind, OutcomeKind::kExcluded);
  EXPECT_EQ(out.reason_code, "no_target");
  m.Evaluate(RowFor(m, {{"amount", "5"}}), EvalContext{}, out);  // NULL conditions: false
  EXPECT_EQ(out.reason_code, "no_target");
}

// ---- single-mapping evaluation ------------------------------------------

// Evaluates `expr` as the value of person.note (text) or another column.
class LangExpr : public ::testing::Test {
 protected:
  // Compiles "note = <expr>" (or `column = <expr>`) and evaluates it on one row.
  core::Value Eval(const std::string& expr, std::map<std::string, core::Value> row = {},
             const std::string& column = "note", Params params = {}) {
    const std::string text = "mapping m from clients c\n  into person\n  person_id = 1\n"
                             "  first_name = \"a\"\n  last_name = \"b\"\n  " +
                             column + " = " + expr + "\n";
    result_ = CheckText(text, params);
    EXPECT_TRUE(result_.ok()) << FormatDiagnostics(result_.diagnostics);
    if (!result_.ok()) return std::string("<did not check>");
    const CompiledMapping& m = *result_.program->mappings[0];
    RowOutcome out;
    m.Evaluate(RowFor(m, row), EvalContext{}, out);
    last_ = out;
    if (out.kind != OutcomeKind::kLoaded) return std::string("<" + out.reason_code + ">");
    const auto& cols = m.targets()[0].columns;
    return (*out.target_rows[0])[size_t(std::find(cols.begin(), cols.end(), column) - cols.begin())];
  }
  CheckResult result_;
  RowOutcome last_;
};

core::Value Text(const char* s) { return std::string(s); }

TEST_F(LangExpr, NullPropagatesThroughFunctionsAndOperators) {
  EXPECT_TRUE(core::IsNull(Eval("trim(c.forename)")));
  EXPECT_TRUE(core::IsNull(Eval("concat(\"a\", c.forename)")));
  EXPECT_TRUE(core::IsNull(Eval("c.forename || \"x\"")));
  EXPECT_TRUE(core::IsNull(Eval("c.age + 1", {}, "age")));
  EXPECT_TRUE(core::IsNull(Eval("if c.age > 1 then \"y\" else null end")));
}

TEST_F(LangExpr, NullComparisonsAndThreeValuedLogic) {
  // NULL = x is NULL, so 'if' takes the else branch.
  EXPECT_EQ(Eval("if c.age = 1 then \"t\" else \"f\" end"), Text("f"));
  EXPECT_EQ(Eval("if not (c.age = 1) then \"t\" else \"f\" end"), Text("f"));
  EXPECT_EQ(Eval("if c.age is null then \"t\" else \"f\" end"), Text("t"));
  EXPECT_EQ(Eval("if c.age is not null then \"t\" else \"f\" end"), Text("f"));
  EXPECT_EQ(Eval("if c.age = 1 or true then \"t\" else \"f\" end"), Text("t"));
  EXPECT_EQ(Eval("if (c.age = 1 and false) is null then \"null\" else \"not null\" end"),
            Text("not null"));
  EXPECT_EQ(Eval("if (c.age = 1 and true) is null then \"null\" else \"not null\" end"),
            Text("null"));
  EXPECT_EQ(Eval("if (c.age = 1 or false) is null then \"null\" else \"not null\" end"),
            Text("null"));
}

TEST_F(LangExpr, ArithmeticAndPrecedence) {
  EXPECT_EQ(Eval("1 + 2 * 3", {}, "age"), core::Value(int64_t{7}));
  EXPECT_EQ(Eval("(1 + 2) * 3", {}, "age"), core::Value(int64_t{9}));
  EXPECT_EQ(Eval("10 - 4 - 3", {}, "age"), core::Value(int64_t{3}));
  EXPECT_EQ(Eval("17 / 5 + 17 % 5", {}, "age"), core::Value(int64_t{5}));
  EXPECT_EQ(Eval("-c.age * 2", {{"age", int64_t{4}}}, "age"), core::Value(int64_t{-8}));
  EXPECT_TRUE(core::IsNull(Eval("1 / 0", {}, "age")));
  EXPECT_EQ(Eval("if 1 + 1 = 2 and 2 < 3 then \"y\" else \"n\" end"), Text("y"));
  EXPECT_EQ(Eval("if 1 = 2 is null then \"y\" else \"n\" end"), Text("n"));
}

TEST_F(LangExpr, CaseTakesTheFirstTrueBranch) {
  const std::string e = "case when c.age < 18 then \"child\" when c.age < 26 then \"young adult\" "
                        "else \"adult\" end";
  EXPECT_EQ(Eval(e, {{"age", int64_t{17}}}), Text("child"));
  EXPECT_EQ(Eval(e, {{"age", int64_t{18}}}), Text("young adult"));
  EXPECT_EQ(Eval(e, {{"age", int64_t{40}}}), Text("adult"));
  EXPECT_EQ(Eval(e, {}), Text("adult"));
  EXPECT_TRUE(core::IsNull(Eval("case when c.age < 18 then \"child\" end", {{"age", int64_t{20}}})));
}

TEST_F(LangExpr, ParamsAreTyped) {
  EXPECT_EQ(Eval("$cutover", {}, "date_of_birth", {{"cutover", "2018-10-01"}}),
            core::Value(*core::Date::FromYmd(2018, 10, 1)));
  EXPECT_EQ(Eval("$n + 1", {}, "age", {{"n", "41"}}), core::Value(int64_t{42}));
  EXPECT_EQ(Eval("$who", {}, "note", {{"who", "Leeds"}}), Text("Leeds"));
  EXPECT_EQ(Eval("age(c.start_date, $cutover)", {{"start_date", *core::Date::FromYmd(2000, 10, 2)}},
                 "age", {{"cutover", "2018-10-01"}}),
            core::Value(int64_t{17}));
}

TEST_F(LangExpr, DateColumnComparesWithIsoTextLiteral) {
  EXPECT_EQ(Eval("if c.start_date >= \"2018-10-01\" then \"after\" else \"before\" end",
                 {{"start_date", *core::Date::FromYmd(2018, 10, 1)}}),
            Text("after"));
  EXPECT_EQ(Eval("if c.start_date >= \"2018-10-01\" then \"after\" else \"before\" end",
                 {{"start_date", *core::Date::FromYmd(2018, 9, 30)}}),
            Text("before"));
}

TEST_F(LangExpr, TextIntoIntegerColumnIsCheckedPerRow) {
  EXPECT_EQ(Eval("c.forename", {{"forename", "12"}}, "age"), core::Value(int64_t{12}));
  const core::Value v = Eval("c.forename", {{"forename", "twelve"}}, "age");
  EXPECT_EQ(v, Text("<bad_value>"));
  EXPECT_EQ(last_.kind, OutcomeKind::kRejected);
  EXPECT_EQ(last_.column, "age");
  EXPECT_EQ(last_.value_seen, "twelve");
  EXPECT_EQ(last_.reason, "value 'twelve' (text) cannot be stored in integer column person.age");
}

TEST_F(LangExpr, IntegerAndDateIntoTextColumn) {
  EXPECT_EQ(Eval("c.age", {{"age", int64_t{12}}}), Text("12"));
  EXPECT_EQ(Eval("c.start_date", {{"start_date", *core::Date::FromYmd(2001, 2, 3)}}), Text("2001-02-03"));
}

TEST_F(LangExpr, LaterAssignmentsSeeEarlierOnes) {
  const std::string text =
      "mapping m from clients c\n  into person\n  person_id = 1\n  first_name = trim(c.forename)\n"
      "  last_name = upper(first_name)\n  note = concat(first_name, \"/\", last_name)\n";
  auto result = CheckText(text);
  ASSERT_TRUE(result.ok()) << FormatDiagnostics(result.diagnostics);
  const CompiledMapping& m = *result.program->mappings[0];
  RowOutcome out;
  m.Evaluate(RowFor(m, {{"forename", " ann "}}), EvalContext{}, out);
  ASSERT_EQ(out.kind, OutcomeKind::kLoaded);
  EXPECT_EQ(out.target_rows[0]->at(3), Text("ann/ANN"));
}

TEST_F(LangExpr, UnmappedKeepPassesValueWithWarning) {
  const std::string text =
      "mapping m from clients c\n  into person\n  person_id = 1\n  first_name = \"a\"\n"
      "  last_name = \"b\"\n  in_touch = code(touch, c.contact_status)\n"
      "codeset touch unmapped keep\n  \"Y\" -> \"YES\"\n";
  auto result = CheckText(text);
  ASSERT_TRUE(result.ok()) << FormatDiagnostics(result.diagnostics);
  const CompiledMapping& m = *result.program->mappings[0];
  RowOutcome out;
  m.Evaluate(RowFor(m, {{"contact_status", "maybe"}}), EvalContext{}, out);
  ASSERT_EQ(out.kind, OutcomeKind::kLoaded);
  EXPECT_EQ(out.target_rows[0]->at(3), Text("maybe"));
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0], "value 'maybe' is not in code set 'touch'; kept as is");
  // Exact matching without ignore options.
  m.Evaluate(RowFor(m, {{"contact_status", "y"}}), EvalContext{}, out);
  EXPECT_EQ(out.target_rows[0]->at(3), Text("y"));
  m.Evaluate(RowFor(m, {{"contact_status", "Y"}}), EvalContext{}, out);
  EXPECT_EQ(out.target_rows[0]->at(3), Text("YES"));
  EXPECT_TRUE(out.warnings.empty());
}

// Every problem of a record is listed: the first decides the outcome, the
// others come with it (two unmapped codes: one rejection, two problems).
TEST(EveryProblem, ARecordWithTwoUnmappedCodesListsBoth) {
  const std::string text =
      "mapping person from clients c\n  into person\n  person_id = 1\n  first_name = c.forename\n"
      "  last_name = c.surname\n  in_touch = code(yesno, c.contact_status)\n"
      "  accommodation = code(yesno, c.accom)\n"
      "  reject when c.age > 120 because \"implausible age\" as bad_age\n"
      "codeset yesno unmapped reject\n  \"Y\" -> \"YES\"\n";
  auto result = CheckText(text);
  ASSERT_TRUE(result.ok()) << FormatDiagnostics(result.diagnostics);
  const CompiledMapping& m = *result.program->mappings[0];
  RowOutcome out;
  m.Evaluate(RowFor(m, {{"forename", "A"}, {"surname", "B"}, {"contact_status", "maybe"}, {"accom", "shed"},
                        {"age", int64_t{130}}}),
             EvalContext{}, out);
  ASSERT_EQ(out.kind, OutcomeKind::kRejected);
  EXPECT_EQ(out.reason_code, "unmapped_code");
  EXPECT_EQ(out.column, "in_touch");
  EXPECT_EQ(out.value_seen, "maybe");
  ASSERT_EQ(out.other_problems.size(), 2u);
  EXPECT_EQ(out.other_problems[0].reason_code, "unmapped_code");
  EXPECT_EQ(out.other_problems[0].column, "accommodation");
  EXPECT_EQ(out.other_problems[0].value_seen, "shed");
  EXPECT_EQ(out.other_problems[1].reason_code, "bad_age");
  // One problem only: nothing else listed; and a loaded row lists none.
  m.Evaluate(RowFor(m, {{"forename", "A"}, {"surname", "B"}, {"contact_status", "Y"}, {"accom", "Y"},
                        {"age", int64_t{130}}}),
             EvalContext{}, out);
  EXPECT_EQ(out.reason_code, "bad_age");
  EXPECT_TRUE(out.other_problems.empty());
  m.Evaluate(RowFor(m, {{"forename", "A"}, {"surname", "B"}, {"contact_status", "Y"}, {"accom", "Y"},
                        {"age", int64_t{30}}}),
             EvalContext{}, out);
  EXPECT_EQ(out.kind, OutcomeKind::kLoaded) << out.reason;
  EXPECT_TRUE(out.other_problems.empty());
}

}  // namespace
}  // namespace handover::transform
