// A real compiled mapping with a lookup (a left join on one key), driven by
// the load engine: the engine must read the lookup table and hand it to the
// evaluator, or every row would be rejected no_lookup_data.
#include <gtest/gtest.h>

#include "db/introspect.h"
#include "load/load_engine.h"
#include "tests/support/test_support.h"
#include "transform/check_mappings.h"

namespace handover {
namespace {

using testing::AccessPath;

constexpr const char* kMapping = R"(
mapping allocation from src_alloc a
  lookup worker w on w.worker_name = lower(trim(a.pa_name))
  into allocation
  key a.alloc_id
  allocation_id = council_id
  staff_id      = w.worker_id
  reject when w.worker_id is null because "PA not found" as unresolved_worker
)";

class LookupLoad : public ::testing::TestWithParam<AccessPath> {};

TEST_P(LookupLoad, RowsAreJoinedToTheirLookupRow) {
  testing::TempDir dir;
  auto source = testing::OpenOrFail("sqlite:" + (dir / "source.db").string());
  ASSERT_NE(source, nullptr);
  std::string script =
      "CREATE TABLE worker (worker_id INTEGER, worker_name TEXT);\n"
      "INSERT INTO worker VALUES (1, 'ann smith');\n"
      "INSERT INTO worker VALUES (2, 'bob jones');\n"
      "INSERT INTO worker VALUES (3, 'bob jones');\n"  // a repeated key: the first row wins
      "CREATE TABLE src_alloc (alloc_id INTEGER, pa_name TEXT);\n";
  const char* names[] = {"Ann Smith ", " BOB JONES", "Nobody"};
  for (int i = 1; i <= 9; ++i)
    script += "INSERT INTO src_alloc VALUES (" + std::to_string(i) + ", '" + names[(i - 1) % 3] + "');\n";
  ASSERT_TRUE(source->ExecuteScript(script, "source").ok());

  testing::ScratchDatabase scratch(GetParam(), dir, "target.db");
  auto target = testing::OpenOrFail(scratch.url());
  ASSERT_NE(target, nullptr);
  ASSERT_TRUE(target
                  ->Execute("CREATE TABLE allocation (allocation_id INTEGER PRIMARY KEY, staff_id INTEGER NOT NULL)",
                            "target")
                  .ok());
  auto source_catalog = db::ReadCatalog(*source);
  auto target_catalog = db::ReadCatalog(*target);
  ASSERT_TRUE(source_catalog.ok() && target_catalog.ok());
  auto checked = transform::CheckMappingSources({{"allocation.map", kMapping}}, *source_catalog, *target_catalog, {});
  ASSERT_TRUE(checked.ok()) << transform::FormatDiagnostics(checked.diagnostics);

  auto summary = load::RunLoad(*checked.program, *source, *source_catalog, *target, load::LoadOptions{});
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  const auto& counts = summary->mappings.at(0);
  EXPECT_EQ(counts.extracted, 9);
  EXPECT_EQ(counts.loaded, 6);
  EXPECT_EQ(counts.rejected, 3);
  auto staff = target->QueryInt("SELECT sum(staff_id) FROM allocation", "sum");
  ASSERT_TRUE(staff.ok());
  EXPECT_EQ(*staff, 3 * 1 + 3 * 2);  // bob jones is worker 2, not the repeated 3
  auto unresolved = target->QueryInt(
      "SELECT count(*) FROM migration_ledger WHERE reason_code = 'unresolved_worker'", "ledger");
  ASSERT_TRUE(unresolved.ok());
  EXPECT_EQ(*unresolved, 3);
}

INSTANTIATE_TEST_SUITE_P(Targets, LookupLoad, ::testing::Values(AccessPath::kSqlite, AccessPath::kPostgres),
                         testing::AccessPathName);

}  // namespace
}  // namespace handover
