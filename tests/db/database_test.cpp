// The same database operations through every access path: native SQLite,
// native PostgreSQL (the suite's server), and ODBC to each.
#include "db/database.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <fstream>
#include <memory>

#include "db/introspect.h"
#include "extract/row_source.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

using testing::AccessPath;

class DatabasePaths : public ::testing::TestWithParam<AccessPath> {
 protected:
  void SetUp() override {
    scratch_ = std::make_unique<testing::ScratchDatabase>(GetParam(), dir_, "t.db");
    url_ = scratch_->url();
  }

  std::unique_ptr<db::Database> Open(const std::string& text, db::OpenMode mode) {
    auto url = db::ConnectionUrl::Parse(text);
    EXPECT_TRUE(url.ok()) << url.status().message();
    auto db = db::Database::Open(*url, mode);
    EXPECT_TRUE(db.ok()) << db.status().message();
    return db.ok() ? std::move(db.value()) : nullptr;
  }

  testing::TempDir dir_;
  std::unique_ptr<testing::ScratchDatabase> scratch_;
  std::string url_;
};

TEST_P(DatabasePaths, IntrospectsAndStreamsTypedRowsWithExactMoney) {
  auto db = Open(url_, db::OpenMode::kCreateIfMissing);
  ASSERT_NE(db, nullptr);
  const bool pg = &db->dialect() == &db::PostgresDialect();
  EXPECT_EQ(pg, GetParam() == AccessPath::kPostgres || GetParam() == AccessPath::kPostgresOdbc);
  ASSERT_TRUE(db->Execute(std::string("CREATE TABLE pay (id INTEGER NOT NULL PRIMARY KEY, ") +
                              "amount_pence BIGINT, amount_text TEXT, paid_on DATE, rate " +
                              (pg ? "NUMERIC(18,2)" : "REAL") + ")",
                          "create")
                  .ok());
  // 2,345 rows so that batches of 1000 end part-full.
  ASSERT_TRUE(db->Execute("BEGIN", "begin").ok() || pg);
  for (int i = 1; i <= 2345; ++i) {
    const std::string amount = i == 7 ? "NULL" : std::to_string(i * 101);
    ASSERT_TRUE(db->Execute("INSERT INTO pay VALUES (" + std::to_string(i) + ", " + amount +
                                ", '£1,200.0" + std::to_string(i % 10) + "', '2018-10-01', 89.99)",
                            "insert")
                    .ok());
  }
  if (!pg) {
    ASSERT_TRUE(db->Execute("COMMIT", "commit").ok());
  }

  auto catalog = db::ReadCatalog(*db);
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  const core::TableSchema* table = catalog->Find("PAY");
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->columns.size(), 5u);
  EXPECT_EQ(table->columns[0].type, core::ColumnType::kInteger);
  EXPECT_TRUE(table->columns[0].primary_key);
  EXPECT_TRUE(table->columns[0].not_null);
  EXPECT_EQ(table->columns[1].type, core::ColumnType::kPence);
  EXPECT_EQ(table->columns[2].type, core::ColumnType::kText);
  EXPECT_EQ(table->columns[3].type, core::ColumnType::kDate);
  EXPECT_EQ(table->columns[4].type, core::ColumnType::kDecimal);

  auto source = extract::OpenTableSource(*db, *table, {"id", "amount_pence", "amount_text", "paid_on", "rate"}, 1000);
  ASSERT_TRUE(source.ok()) << source.status().message();
  core::RowBatch batch;
  int64_t rows = 0, pence = 0, nulls = 0, batches = 0;
  while (true) {
    auto more = (*source)->Next(batch);
    ASSERT_TRUE(more.ok()) << more.status().message();
    if (!*more) break;
    ++batches;
    for (size_t r = 0; r < batch.size(); ++r) {
      auto row = batch.Row(r);
      ++rows;
      if (core::IsNull(row[1])) ++nulls;
      else pence += std::get<core::Pence>(row[1]).value;
      ASSERT_EQ(std::get<core::Date>(row[3]).ToIso(), "2018-10-01");
      ASSERT_EQ(std::get<core::Decimal>(row[4]), (core::Decimal{8999, 2}));
      ASSERT_EQ(std::get<std::string>(row[2]).substr(0, 7), "£1,200");
    }
  }
  EXPECT_EQ(rows, 2345);
  EXPECT_EQ(batches, 3);
  EXPECT_EQ(nulls, 1);
  EXPECT_EQ(pence, 101 * (2345 * 2346 / 2 - 7));

  auto total = db->QueryInt("SELECT sum(amount_pence) FROM pay", "sum");
  ASSERT_TRUE(total.ok()) << total.status().message();
  EXPECT_EQ(*total, pence);
}

TEST_P(DatabasePaths, StatementErrorsCarryContextAndServerMessage) {
  auto db = Open(url_, db::OpenMode::kCreateIfMissing);
  ASSERT_NE(db, nullptr);
  const core::Status status = db->Execute("SELECT * FROM no_such_table", "reading clients");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), core::ErrorCode::kDatabase);
  EXPECT_EQ(status.message().rfind("reading clients: ", 0), 0u) << status.message();
  EXPECT_NE(status.message().find("no_such_table"), std::string::npos) << status.message();
}

TEST_P(DatabasePaths, TransactionsNestAsSavepointsAndTheOuterRollbackUndoesAll) {
  auto db = Open(url_, db::OpenMode::kCreateIfMissing);
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Execute("CREATE TABLE t (x INTEGER)", "creating").ok());
  ASSERT_TRUE(db->Begin("outer").ok());
  ASSERT_TRUE(db->Execute("INSERT INTO t VALUES (1)", "one").ok());
  ASSERT_TRUE(db->Begin("kept batch").ok());
  ASSERT_TRUE(db->Execute("INSERT INTO t VALUES (2)", "two").ok());
  { const core::Status s = db->Commit("kept batch"); ASSERT_TRUE(s.ok()) << s.message(); }
  ASSERT_TRUE(db->Begin("refused batch").ok());
  ASSERT_TRUE(db->Execute("INSERT INTO t VALUES (3)", "three").ok());
  EXPECT_EQ(db->transaction_depth(), 2);
  db->Rollback();
  // Inside the outer transaction: the kept batch is visible, the refused one is not.
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT sum(x) FROM t"), 3);
  db->Rollback();
  EXPECT_EQ(db->transaction_depth(), 0);
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM t"), 0);
  // A committed outer level stays.
  ASSERT_TRUE(db->Begin("outer").ok());
  ASSERT_TRUE(db->Execute("INSERT INTO t VALUES (4)", "four").ok());
  ASSERT_TRUE(db->Commit("outer").ok());
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT sum(x) FROM t"), 4);
}

INSTANTIATE_TEST_SUITE_P(AllPaths, DatabasePaths,
                         ::testing::Values(AccessPath::kSqlite, AccessPath::kSqliteOdbc, AccessPath::kPostgres,
                                           AccessPath::kPostgresOdbc),
                         testing::AccessPathName);

TEST(DatabaseOpen, MissingSourceFileIsNotCreated) {
  testing::TempDir dir;
  auto url = db::ConnectionUrl::Parse("sqlite:" + (dir / "missing.db").string());
  ASSERT_TRUE(url.ok());
  auto db = db::Database::Open(*url, db::OpenMode::kMustExist);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), core::ErrorCode::kNotFound);
  EXPECT_NE(db.status().message().find("no such file"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir / "missing.db"));
}

TEST(DatabaseOpen, BadPasswordAndUnreachableServerGiveHints) {
  const auto admin = testing::PostgresAdminUrl();
  ASSERT_TRUE(admin.has_value()) << "the ctest 'postgres' fixture should have started a server";
  std::string bad = *admin;
  bad.replace(bad.find(":handover-test-pw@"), 18, ":wrong@");
  auto url = db::ConnectionUrl::Parse(bad);
  ASSERT_TRUE(url.ok());
  auto db = db::Database::Open(*url, db::OpenMode::kMustExist);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), core::ErrorCode::kConnection);
  EXPECT_NE(db.status().message().find("check the user and password"), std::string::npos)
      << db.status().message();
  EXPECT_EQ(db.status().message().find("wrong"), std::string::npos) << "password leaked";

  auto closed = db::ConnectionUrl::Parse("postgresql://u:p@127.0.0.1:1/x");
  ASSERT_TRUE(closed.ok());
  auto unreachable = db::Database::Open(*closed, db::OpenMode::kMustExist);
  ASSERT_FALSE(unreachable.ok());
  EXPECT_NE(unreachable.status().message().find("is the server running"), std::string::npos)
      << unreachable.status().message();
}

TEST(DatabaseOpen, NotADatabaseFileFailsCleanly) {
  testing::TempDir dir;
  std::ofstream(dir / "notes.txt") << "this is not a database, just some text that is long enough";
  auto url = db::ConnectionUrl::Parse("sqlite:" + (dir / "notes.txt").string());
  auto db = db::Database::Open(*url, db::OpenMode::kMustExist);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("as an SQLite database"), std::string::npos) << db.status().message();
}

}  // namespace
}  // namespace handover
