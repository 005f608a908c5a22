// Source queries (`from query "..." q`, `lookup query "..." w on ...`): the
// checker describes each query through CheckOptions::describe_query, binds
// it like a table under its pseudo-table name, and evaluates rows as usual.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/transform/test_catalogs.h"
#include "transform/check_mappings.h"
#include "transform/diagnostic.h"

namespace handover::transform {
namespace {

using testing::RowFor;

constexpr const char* kWorkerSql =
    "SELECT lower(name) AS name_key, min(staff_id) AS worker_id FROM staff GROUP BY lower(name) HAVING count(*) = 1";

// A mapping reading from a query, with a lookup through another query.
const std::string kMappings = std::string(R"(mapping payer from query "SELECT client_ref AS ref, forename AS first, pa_name AS pa FROM clients" q
  lookup query ")") + kWorkerSql + R"(" w on w.name_key = lower(trim(q.pa))
  into person
  person_id   = 1
  first_name  = q.first
  last_name   = "x"
  pa_staff_id = w.worker_id
  reject when w.worker_id is null because "PA not found" as unresolved_worker

mapping again from clients c
  lookup query ")" + kWorkerSql + R"(" w on w.name_key = lower(c.pa_name)
  into person
  person_id   = 2
  first_name  = c.forename
  last_name   = c.surname
  pa_staff_id = w.worker_id
)";

// Describes through the fake, counting the calls and the names asked for.
struct CountingDescribe {
  std::vector<std::string> names;
  DescribeQueryFn Fn() {
    return [this](const std::string& name, const std::string& sql) {
      names.push_back(name);
      return testing::FakeDescribeQuery(name, sql);
    };
  }
};

CheckResult Check(const std::string& text, const DescribeQueryFn& describe, bool full_scope = false) {
  CheckOptions options;
  options.describe_query = describe;
  options.require_full_scope = full_scope;
  return CheckMappingSources({{"q.map", text}}, testing::SourceCatalog(), testing::TargetCatalog(), {}, options);
}

TEST(QuerySource, BindsLikeATableUnderItsPseudoTableName) {
  CountingDescribe describe;
  const CheckResult r = Check(kMappings, describe.Fn());
  ASSERT_TRUE(r.ok()) << FormatDiagnostics(r.diagnostics);
  // Once per distinct query: the worker query is shared by both mappings.
  ASSERT_EQ(describe.names.size(), 2u);
  EXPECT_EQ(describe.names[0], "query:payer.q");
  EXPECT_EQ(describe.names[1], "query:payer.w");

  const CompiledMapping& payer = *r.program->mappings[0];
  EXPECT_EQ(payer.name(), "payer");
  EXPECT_EQ(payer.source_table(), "query:payer.q");
  EXPECT_EQ(payer.source_query(), "SELECT client_ref AS ref, forename AS first, pa_name AS pa FROM clients");
  EXPECT_EQ(payer.source_columns(), (std::vector<std::string>{"pa", "first"}));
  ASSERT_EQ(payer.lookups().size(), 1u);
  EXPECT_EQ(payer.lookups()[0].table, "query:payer.w");
  EXPECT_EQ(payer.lookups()[0].columns, (std::vector<std::string>{"name_key", "worker_id"}));
  const CompiledMapping& again = *r.program->mappings[1];
  EXPECT_EQ(again.source_table(), "clients");
  EXPECT_EQ(again.source_query(), "");
  EXPECT_EQ(again.lookups()[0].table, "query:again.w");

  // The extended catalog holds the source's tables and one pseudo-table a query.
  EXPECT_EQ(r.source_catalog.tables.size(), testing::SourceCatalog().tables.size() + 3);
  const core::TableSchema* w = r.source_catalog.Find("query:payer.w");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->query, kWorkerSql);
  ASSERT_EQ(w->columns.size(), 2u);
  EXPECT_EQ(w->columns[1].name, "worker_id");
  EXPECT_EQ(w->columns[1].type, core::ColumnType::kInteger);
  ASSERT_NE(r.source_catalog.Find("query:again.w"), nullptr);
  EXPECT_EQ(r.source_catalog.Find("clients")->query, "");
}

TEST(QuerySource, RowsAreJoinedThroughTheLookupQuery) {
  CountingDescribe describe;
  const CheckResult r = Check(kMappings, describe.Fn());
  ASSERT_TRUE(r.ok()) << FormatDiagnostics(r.diagnostics);
  const CompiledMapping& payer = *r.program->mappings[0];
  LookupTables tables(1);
  ASSERT_TRUE(tables.Add(0, {core::Value("ann lee"), core::Value(int64_t{7})}));
  EvalContext context;
  context.lookups = &tables;

  RowOutcome out;
  payer.Evaluate(RowFor(payer, {{"pa", core::Value(" Ann Lee ")}, {"first", core::Value("Jo")}}), context, out);
  ASSERT_EQ(out.kind, OutcomeKind::kLoaded) << out.reason;
  ASSERT_EQ(out.target_rows.size(), 1u);
  ASSERT_TRUE(out.target_rows[0].has_value());
  const auto& values = *out.target_rows[0];
  const auto& columns = payer.targets()[0].columns;
  const auto at = [&](const std::string& c) {
    return values[size_t(std::find(columns.begin(), columns.end(), c) - columns.begin())];
  };
  EXPECT_EQ(core::ToText(at("pa_staff_id")), "7");
  EXPECT_EQ(core::ToText(at("first_name")), "Jo");

  RowOutcome missing;
  payer.Evaluate(RowFor(payer, {{"pa", core::Value("Nobody")}, {"first", core::Value("Al")}}), context, missing);
  EXPECT_EQ(missing.kind, OutcomeKind::kRejected);
  EXPECT_EQ(missing.reason_code, "unresolved_worker");
}

TEST(QuerySource, AnUnknownColumnOfAQueryIsNamedWithTheNearestOne) {
  const std::string text = R"(mapping payer from query "SELECT forename AS first FROM clients" q
  lookup query "SELECT name AS name_key, staff_id AS worker_id FROM staff" w on w.name_kye = q.first
  into person
  person_id   = 1
  first_name  = q.frist
  last_name   = "x"
)";
  const CheckResult r = Check(text, testing::FakeDescribeQuery);
  ASSERT_EQ(r.diagnostics.size(), 2u) << FormatDiagnostics(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].line, 2);
  EXPECT_EQ(r.diagnostics[0].message,
            "unknown column 'name_kye' in query 'query:payer.w'; did you mean 'name_key'?");
  EXPECT_EQ(r.diagnostics[1].line, 5);
  EXPECT_EQ(r.diagnostics[1].column, 19);
  EXPECT_EQ(r.diagnostics[1].message, "unknown column 'frist' in query 'query:payer.q'; did you mean 'first'?");
  EXPECT_EQ(r.program, nullptr);
}

TEST(QuerySource, AQueryFailingOnTheSourceIsOneDiagnosticAtTheQuery) {
  const std::string text = "mapping payer from clients c\n"
                           "  lookup query \"SELECT name AS k FROM workers\" w on w.k = c.pa_name\n"
                           "  into person\n  person_id = 1\n  first_name = c.forename\n  last_name = w.k\n";
  const CheckResult r = Check(text, [](const std::string&, const std::string&) -> core::Result<core::TableSchema> {
    return core::Status::Error(core::ErrorCode::kDatabase, "no such table: workers");
  });
  ASSERT_EQ(r.diagnostics.size(), 1u) << FormatDiagnostics(r.diagnostics);
  EXPECT_EQ(FormatDiagnostics(r.diagnostics),
            "q.map:2:10: error: query of lookup 'w' failed on the source: no such table: workers\n"
            "      lookup query \"SELECT name AS k FROM workers\" w on w.k = c.pa_name\n"
            "             ^\n1 error\n");
}

TEST(QuerySource, WithoutASourceConnectionAQueryCannotBeChecked) {
  const CheckResult r = Check(kMappings, nullptr);
  ASSERT_EQ(r.diagnostics.size(), 3u) << FormatDiagnostics(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].message, "cannot check query of mapping 'payer': no source connection");
  EXPECT_EQ(r.diagnostics[1].message, "cannot check query of lookup 'w': no source connection");
  EXPECT_EQ(r.diagnostics[2].line, 11);
  EXPECT_EQ(r.program, nullptr);
}

// A query is no source table: reading through one does not read the tables
// it names, and its pseudo-table never needs mapping or leaving out.
TEST(QuerySource, ScopeCountsRealTablesOnly) {
  const std::string text = R"(mapping payer from query "SELECT forename AS first FROM clients" q
  into person
  person_id  = 1
  first_name = q.first
  last_name  = "x"
ignore table staff because "not migrated"
)";
  const CheckResult r = Check(text, testing::FakeDescribeQuery, /*full_scope=*/true);
  std::vector<std::string> messages;
  for (const Diagnostic& d : r.diagnostics) messages.push_back(d.message);
  ASSERT_EQ(messages.size(), 2u) << FormatDiagnostics(r.diagnostics);
  EXPECT_NE(messages[0].find("source table 'clients' is neither read"), std::string::npos) << messages[0];
  EXPECT_NE(messages[1].find("source table 'payments' is neither read"), std::string::npos) << messages[1];
  const std::string ok = text + "ignore table clients because \"read through a query\"\n"
                                "ignore table payments because \"not migrated\"\n";
  EXPECT_TRUE(Check(ok, testing::FakeDescribeQuery, true).ok());
}

// `query` before a source is the keyword: the SQL string must follow.
TEST(QuerySource, QueryIsAKeywordBeforeTheSql) {
  const CheckResult r = Check(kMappings + "mapping third from query:payer q\n", testing::FakeDescribeQuery);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message.rfind("expected the SQL as a string before ':'", 0), 0u) << r.diagnostics[0].message;
}

}  // namespace
}  // namespace handover::transform
