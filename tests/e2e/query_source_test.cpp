// End to end: the real `handover` binary checks, rehearses and runs a tiny
// mapping set that reads through source queries (`lookup query`, `from
// query`) on a tiny SQLite source, natively and through the SQLite ODBC
// driver, and the loaded values are read back from the target.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "tests/support/report_json.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kSchema = R"(CREATE TABLE staff (
  staff_id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  legacy_worker_id INTEGER
);
CREATE TABLE allocation (
  allocation_id INTEGER PRIMARY KEY,
  worker_id INTEGER NOT NULL
);
CREATE TABLE team (
  team_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
)";

constexpr const char* kStaff = R"(mapping staff from worker w
  into staff
  key w.worker_id
  staff_id         = council_id
  full_name        = trim(w.worker_name)
  legacy_worker_id = w.worker_id
)";

// A worker is found by name only when the name is unambiguous; the
// provider's database is read-only, so the query stands in for a view.
constexpr const char* kAllocation = R"(mapping allocation from src_alloc a
  lookup query "SELECT lower(worker_name) AS name_key, min(worker_id) AS worker_id FROM worker GROUP BY lower(worker_name) HAVING count(*) = 1" w on w.name_key = lower(trim(a.pa_name))
  into allocation
  key a.alloc_id
  allocation_id = council_id
  worker_id     = w.worker_id
  reject when w.worker_id is null because "PA not found or ambiguous" as unresolved_worker
)";

constexpr const char* kTeam = R"(mapping team from query "SELECT DISTINCT team AS team_name FROM worker WHERE team IS NOT NULL" t
  into team
  key t.team_name
  team_id = council_id
  name    = t.team_name
)";

class QuerySourceRun : public ::testing::Test {
 protected:
  void SetUp() override {
    auto source = testing::OpenOrFail("sqlite:" + (dir_ / "provider.db").string());
    ASSERT_NE(source, nullptr);
    ASSERT_TRUE(source
                    ->ExecuteScript("CREATE TABLE worker (worker_id INTEGER, worker_name TEXT, team TEXT);\n"
                                    "INSERT INTO worker VALUES (1, 'Ann Smith', 'North');\n"
                                    "INSERT INTO worker VALUES (2, 'Bob Jones', 'South');\n"
                                    "INSERT INTO worker VALUES (3, 'BOB JONES', 'South');\n"
                                    "INSERT INTO worker VALUES (4, 'Cy Young', NULL);\n"
                                    "CREATE TABLE src_alloc (alloc_id INTEGER, pa_name TEXT);\n"
                                    "INSERT INTO src_alloc VALUES (10, 'Ann Smith ');\n"
                                    "INSERT INTO src_alloc VALUES (11, ' bob jones');\n"
                                    "INSERT INTO src_alloc VALUES (12, 'CY YOUNG');\n"
                                    "INSERT INTO src_alloc VALUES (13, 'Nobody');\n",
                                    "provider")
                    .ok());
    fs::create_directories(maps_);
    std::ofstream(maps_ / "schema.sql") << kSchema;
    std::ofstream(maps_ / "staff.map") << kStaff;
    std::ofstream(maps_ / "allocation.map") << kAllocation;
    std::ofstream(maps_ / "team.map") << kTeam;
  }

  std::string Source() const { return "sqlite:" + (dir_ / "provider.db").string(); }
  std::string Target() const { return "sqlite:" + (dir_ / "council.db").string(); }

  testing::CommandResult Handover(const std::string& verb, const std::string& source, const std::string& out) {
    std::vector<std::string> args = {verb, "--source", source, "--target", Target(), "--mappings", maps_.string()};
    if (verb != "check") args.insert(args.end(), {"--out", (dir_ / out).string()});
    return testing::RunHandover(args, dir_.path());
  }

  static const json& Mapping(const json& reconciliation, const std::string& name) {
    return testing::MappingFigures(reconciliation, name);
  }

  void ExpectReconciled(const fs::path& out) {
    const json r = json::parse(testing::ReadFile(out / "reconciliation.json"));
    EXPECT_EQ(r["verdict"], "balanced");
    const json& allocation = Mapping(r, "allocation");
    EXPECT_EQ(allocation["source_rows"], 4);
    EXPECT_EQ(allocation["loaded"], 2);
    EXPECT_EQ(allocation["rejected"], 2);
    EXPECT_EQ(allocation["by_reason"]["rejected:unresolved_worker"], 2);
    const json& team = Mapping(r, "team");
    EXPECT_EQ(team["source_table"], "query:team.t");
    EXPECT_EQ(team["source_rows"], 2) << "counted through the query";
    EXPECT_EQ(team["loaded"], 2);
    // A query is not a source table: the scope lists the real tables only.
    EXPECT_EQ(r["scope"]["source_tables_read"], json::array({"src_alloc", "worker"}));
  }

  testing::TempDir dir_;
  fs::path maps_ = dir_ / "maps";
};

TEST_F(QuerySourceRun, RehearsesAndRunsThroughLookupAndFromQueries) {
  const auto checked = Handover("check", Source(), "");
  EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;

  const auto rehearsal = Handover("rehearse", Source(), "rehearsal");
  ASSERT_EQ(rehearsal.exit_code, 0) << rehearsal.out << rehearsal.err;
  ExpectReconciled(dir_ / "rehearsal");

  const auto run = Handover("run", Source(), "run");
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  ExpectReconciled(dir_ / "run");
  auto target = testing::OpenOrFail(Target(), db::OpenMode::kMustExist);
  ASSERT_NE(target, nullptr);
  auto rows = target->QueryRows(
      "SELECT CAST(m.legacy_key AS VARCHAR), CAST(a.worker_id AS VARCHAR) FROM allocation a JOIN migration_ledger m "
      "ON m.mapping = 'allocation' AND m.outcome = 'loaded' AND m.target_key = a.allocation_id "
      "ORDER BY 1",
      2, "allocations");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(*rows, (std::vector<std::vector<std::string>>{{"10", "1"}, {"12", "4"}}));
  auto teams = target->QueryRows("SELECT name FROM team ORDER BY name", 1, "teams");
  ASSERT_TRUE(teams.ok()) << teams.status().message();
  EXPECT_EQ(*teams, (std::vector<std::vector<std::string>>{{"North"}, {"South"}}));
  EXPECT_EQ(testing::QueryIntOrFail(*target, "SELECT count(*) FROM migration_exception WHERE source_table = 'src_alloc' "
                                              "AND reason_code = 'unresolved_worker'"),
            2);

  // The source fingerprint reads through the queries too: unchanged, nothing to do.
  const auto again = Handover("run", Source(), "again");
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("nothing to do"), std::string::npos) << again.out;
}

TEST_F(QuerySourceRun, RehearsesThroughTheSqliteOdbcDriver) {
  const auto rehearsal = Handover("rehearse", "odbc:DRIVER=SQLite3;Database=" + (dir_ / "provider.db").string() + ";",
                                  "odbc");
  ASSERT_EQ(rehearsal.exit_code, 0) << rehearsal.out << rehearsal.err;
  ExpectReconciled(dir_ / "odbc");
}

TEST_F(QuerySourceRun, AQueryFailingOnTheSourceIsACheckErrorAtTheQuery) {
  std::string text = kAllocation;
  text.replace(text.find("lower(worker_name)"), 18, "lower(worker_nam)");
  std::ofstream(maps_ / "allocation.map") << text;
  const auto r = Handover("check", Source(), "");
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  const std::string expected = (maps_ / "allocation.map").string() +
                               ":2:10: error: query of lookup 'w' failed on the source: no such column: worker_nam";
  EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "council.db"));
}

}  // namespace
}  // namespace handover
