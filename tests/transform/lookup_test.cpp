// Lookups: a second source table matched to each row by key (a left join).
#include <gtest/gtest.h>

#include "transform/check_mappings.h"
#include "tests/transform/test_catalogs.h"
#include "transform/diagnostic.h"

namespace handover::transform {
namespace {

using testing::CheckText;
using testing::RowFor;

const char* kMapping = R"(mapping person from clients c
  lookup staff s on s.name = upper(trim(c.pa_name))
  into person
  person_id   = 1
  first_name  = "a"
  last_name   = "b"
  pa_staff_id = s.staff_id
  note        = s.team
  reject when c.pa_name is not null and s.staff_id is null because "PA not found"
)";

class LangLookup : public ::testing::Test {
 protected:
  void SetUp() override {
    result_ = CheckText(kMapping);
    ASSERT_TRUE(result_.ok()) << FormatDiagnostics(result_.diagnostics);
    mapping_ = result_.program->mappings[0].get();
    ASSERT_EQ(mapping_->lookups().size(), 1u);
    tables_ = LookupTables(mapping_->lookups().size());
    // Rows in LookupSpec::columns order: the key column first.
    const auto& columns = mapping_->lookups()[0].columns;
    auto row = [&](std::map<std::string, core::Value> v) {
      std::vector<core::Value> r;
      for (const std::string& c : columns) r.push_back(v.count(c) ? v[c] : core::Value(core::Null{}));
      return r;
    };
    EXPECT_TRUE(tables_.Add(0, row({{"name", "ANN LEE"}, {"staff_id", int64_t{7}}, {"team", "North"}})));
    EXPECT_TRUE(tables_.Add(0, row({{"name", "BO KIM"}, {"staff_id", int64_t{8}}, {"team", "South"}})));
    EXPECT_FALSE(tables_.Add(0, row({{"name", "BO KIM"}, {"staff_id", int64_t{9}}})));  // first wins
    EXPECT_TRUE(tables_.Add(0, row({{"staff_id", int64_t{10}}})));  // NULL key: ignored
    context_.lookups = &tables_;
  }

  RowOutcome Run(std::map<std::string, core::Value> values) {
    RowOutcome out;
    mapping_->Evaluate(RowFor(*mapping_, values), context_, out);
    return out;
  }

  CheckResult result_;
  const CompiledMapping* mapping_ = nullptr;
  LookupTables tables_;
  EvalContext context_;
};

TEST_F(LangLookup, SpecListsTheKeyColumnFirstThenColumnsInUse) {
  const LookupSpec& spec = mapping_->lookups()[0];
  EXPECT_EQ(spec.table, "staff");
  EXPECT_EQ(spec.columns, (std::vector<std::string>{"name", "staff_id", "team"}));
  EXPECT_EQ(mapping_->source_columns(), std::vector<std::string>{"pa_name"});
}

TEST_F(LangLookup, MatchedRowFillsColumns) {
  const RowOutcome out = Run({{"pa_name", " bo kim "}});
  ASSERT_EQ(out.kind, OutcomeKind::kLoaded) << out.reason;
  EXPECT_EQ(out.target_rows[0]->at(3), core::Value(int64_t{8}));
  EXPECT_EQ(out.target_rows[0]->at(4), core::Value(std::string("South")));
}

TEST_F(LangLookup, NoMatchGivesNullsAndRulesSeeThem) {
  RowOutcome out = Run({{"pa_name", "Nobody"}});
  EXPECT_EQ(out.kind, OutcomeKind::kRejected);
  EXPECT_EQ(out.reason_code, "pa_not_found");
  out = Run({});  // no PA at all: a left join keeps the row
  ASSERT_EQ(out.kind, OutcomeKind::kLoaded) << out.reason;
  EXPECT_TRUE(core::IsNull(out.target_rows[0]->at(3)));
}

TEST_F(LangLookup, MissingLookupDataRejectsVisibly) {
  context_.lookups = nullptr;
  const RowOutcome out = Run({{"pa_name", "Ann Lee"}});
  EXPECT_EQ(out.kind, OutcomeKind::kRejected);
  EXPECT_EQ(out.reason_code, "no_lookup_data");
  EXPECT_EQ(out.reason, "the engine gave no rows for lookup table staff");
}

TEST(LangLookupCheck, Errors) {
  const std::string head = "mapping person from clients c\n";
  const std::string body = "  into person\n  person_id = 1\n  first_name = \"a\"\n  last_name = \"b\"\n";
  auto messages = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const Diagnostic& d : CheckText(text).diagnostics) out.push_back(d.message);
    return out;
  };
  EXPECT_EQ(messages(head + "  lookup staf s on s.name = c.pa_name\n" + body),
            std::vector<std::string>{"unknown source table 'staf'; did you mean 'staff'?"});
  EXPECT_EQ(messages(head + "  lookup staff s on c.pa_name = s.name\n" + body),
            (std::vector<std::string>{
                "a lookup's 'on' must name a column of 's' on the left: on s.column = expression",
                "lookup columns cannot be used in a lookup's 'on'"}));
  EXPECT_EQ(messages(head + "  lookup staff c on c.name = c.pa_name\n" + body),
            std::vector<std::string>{"alias 'c' is already used in mapping 'person'"});
  EXPECT_EQ(messages(head + "  lookup staff s on s.nam = c.pa_name\n" + body),
            std::vector<std::string>{"unknown column 'nam' in table 'staff'; did you mean 'name'?"});
  EXPECT_EQ(messages(head + "  lookup staff s on s.name = c.pa_name\n  key s.name\n" + body),
            std::vector<std::string>{"lookup columns cannot be used in the key"});
  EXPECT_EQ(messages(head + "  lookup staff s on s.name = s.team\n" + body),
            std::vector<std::string>{"lookup columns cannot be used in a lookup's 'on'"});
  EXPECT_EQ(messages(head + "  lookup staff s on s.name = c.pa_name\n" + body + "  note = s.tem\n"),
            std::vector<std::string>{"unknown column 'tem' in table 'staff'; did you mean 'team'?"});
  // A lookup column in the where filter is fine.
  EXPECT_TRUE(messages("mapping person from clients c where s.team = \"North\"\n"
                       "  lookup staff s on s.name = c.pa_name\n" + body).empty());
}

}  // namespace
}  // namespace handover::transform
