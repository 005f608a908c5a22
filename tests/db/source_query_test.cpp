// Source queries on every access path: described without reading a row
// (names and types from the driver), read through the table source as a
// derived table, and a failing query reported with the server's message.
#include "db/source_query.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "extract/row_source.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

using testing::AccessPath;

constexpr const char* kWorkerSql =
    "SELECT lower(worker_name) AS name_key, min(worker_id) AS worker_id, max(team) AS team FROM worker "
    "GROUP BY lower(worker_name) HAVING count(*) = 1";

class SourceQueryPaths : public ::testing::TestWithParam<AccessPath> {
 protected:
  void SetUp() override {
    scratch_ = std::make_unique<testing::ScratchDatabase>(GetParam(), dir_, "s.db");
    db_ = testing::OpenOrFail(scratch_->url());
    ASSERT_NE(db_, nullptr);
    ASSERT_TRUE(db_->ExecuteScript("CREATE TABLE worker (worker_id INTEGER NOT NULL, worker_name TEXT, team TEXT);\n"
                                   "INSERT INTO worker VALUES (1, 'Ann Smith', 'North');\n"
                                   "INSERT INTO worker VALUES (2, 'Bob Jones', 'South');\n"
                                   "INSERT INTO worker VALUES (3, 'BOB JONES', 'East');\n"
                                   "INSERT INTO worker VALUES (4, 'Cy Young', NULL);\n",
                                   "creating worker")
                    .ok());
  }

  testing::TempDir dir_;
  std::unique_ptr<testing::ScratchDatabase> scratch_;
  std::unique_ptr<db::Database> db_;
};

TEST_P(SourceQueryPaths, DescribesColumnsAndReadsRowsAsADerivedTable) {
  auto described = db::DescribeQuery(*db_, "query:allocation.w", kWorkerSql);
  ASSERT_TRUE(described.ok()) << described.status().message();
  const core::TableSchema& table = *described;
  EXPECT_EQ(table.name, "query:allocation.w");
  EXPECT_EQ(table.query, kWorkerSql);
  ASSERT_EQ(table.columns.size(), 3u);
  EXPECT_EQ(table.columns[0].name, "name_key");
  EXPECT_EQ(table.columns[1].name, "worker_id");
  EXPECT_EQ(table.columns[2].name, "team");
  EXPECT_EQ(table.columns[0].type, core::ColumnType::kText);
  EXPECT_EQ(table.columns[2].type, core::ColumnType::kText);
  // min() of an integer column: integer where the driver can tell, text
  // (the default for what it cannot type) where it cannot; never anything else.
  const core::ColumnType id_type = table.columns[1].type;
  EXPECT_TRUE(id_type == core::ColumnType::kInteger || id_type == core::ColumnType::kText)
      << core::ColumnTypeName(id_type);
  if (GetParam() == AccessPath::kPostgres || GetParam() == AccessPath::kPostgresOdbc) {
    EXPECT_EQ(id_type, core::ColumnType::kInteger);
  }

  auto rows = extract::OpenTableSource(*db_, table, {"name_key", "worker_id", "team"}, 10);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  std::map<std::string, std::pair<std::string, std::string>> read;  // name_key -> (worker_id, team)
  core::RowBatch batch;
  while (true) {
    auto more = (*rows)->Next(batch);
    ASSERT_TRUE(more.ok()) << more.status().message();
    if (!*more) break;
    for (size_t r = 0; r < batch.size(); ++r) {
      const auto row = batch.Row(r);
      read[core::ToText(row[0])] = {core::ToText(row[1]), core::IsNull(row[2]) ? "NULL" : core::ToText(row[2])};
    }
  }
  // Bob Jones is two workers, so the query leaves him out.
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read["ann smith"], (std::pair<std::string, std::string>{"1", "North"}));
  EXPECT_EQ(read["cy young"], (std::pair<std::string, std::string>{"4", "NULL"}));
}

TEST_P(SourceQueryPaths, ATrailingSemicolonAndPassThroughColumnsAreFine) {
  auto described = db::DescribeQuery(*db_, "query:staff.s", "SELECT worker_id, worker_name FROM worker;\n");
  ASSERT_TRUE(described.ok()) << described.status().message();
  ASSERT_EQ(described->columns.size(), 2u);
  EXPECT_EQ(described->columns[0].name, "worker_id");
  EXPECT_EQ(described->columns[0].type, core::ColumnType::kInteger);
  EXPECT_EQ(described->columns[1].name, "worker_name");
  EXPECT_EQ(described->columns[1].type, core::ColumnType::kText);
  const std::string from = db::FromItem(*db_, *described);
  EXPECT_EQ(from, "(SELECT worker_id, worker_name FROM worker) AS \"query_staff_s\"");
  EXPECT_EQ(testing::QueryIntOrFail(*db_, "SELECT count(*) FROM " + from), 4);
  EXPECT_EQ(db::FromItem(*db_, "worker", ""), "\"worker\"");
}

TEST_P(SourceQueryPaths, AFailingQueryGivesTheServersMessageWithoutTheSql) {
  auto described = db::DescribeQuery(*db_, "query:allocation.w", "SELECT worker_nam AS name_key FROM worker");
  ASSERT_FALSE(described.ok());
  EXPECT_EQ(described.status().code(), core::ErrorCode::kDatabase);
  const std::string& message = described.status().message();
  const bool pg = GetParam() == AccessPath::kPostgres || GetParam() == AccessPath::kPostgresOdbc;
  // The server's own words, first: what a data officer can act on.
  EXPECT_EQ(message.rfind(pg ? "column \"worker_nam\" does not exist" : "no such column: worker_nam", 0), 0u)
      << message;
  EXPECT_EQ(message.find("SELECT"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  // The session is still usable afterwards.
  EXPECT_EQ(testing::QueryIntOrFail(*db_, "SELECT count(*) FROM worker"), 4);
}

INSTANTIATE_TEST_SUITE_P(AllPaths, SourceQueryPaths,
                         ::testing::Values(AccessPath::kSqlite, AccessPath::kSqliteOdbc, AccessPath::kPostgres,
                                           AccessPath::kPostgresOdbc),
                         testing::AccessPathName);

}  // namespace
}  // namespace handover
