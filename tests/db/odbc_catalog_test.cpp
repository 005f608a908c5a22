// The generic ODBC dialect's catalog (SQLTables, SQLColumns, SQLPrimaryKeys)
// against the catalog the server's own dialect reads with SQL, on the SQLite,
// PostgreSQL and MariaDB ODBC drivers: the same tables and views, columns in
// order with the same types, NOT NULL and primary keys, and the defaults the
// drivers report.
#include <gtest/gtest.h>

#include "db/introspect.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

using testing::AccessPath;

class OdbcCatalog : public ::testing::TestWithParam<AccessPath> {};

TEST_P(OdbcCatalog, TheGenericCatalogEqualsTheKnownDialects) {
  testing::TempDir dir;
  testing::ScratchDatabase scratch(GetParam(), dir, "catalog.db");
  auto known = testing::OpenOrFail(scratch.url(), db::OpenMode::kMustExist);
  ASSERT_NE(known, nullptr);
  for (const std::string& sql :
       {std::string("CREATE TABLE client (client_id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, "
                    "born DATE, balance DECIMAL(12,2) DEFAULT 0, note TEXT)"),
        std::string("CREATE TABLE care_leaver (leaver_id INTEGER NOT NULL, client_id INTEGER NOT NULL, "
                    "since DATE NOT NULL, amount_pence BIGINT, PRIMARY KEY (leaver_id, client_id))"),
        // '_' is a wildcard in SQLColumns' table pattern: this table's
        // columns must not join care_leaver's.
        std::string("CREATE TABLE careXleaver (stray INTEGER)"),
        std::string("CREATE VIEW client_names AS SELECT client_id, name FROM client")})
    ASSERT_TRUE(known->Execute(sql, "creating the test tables").ok()) << sql;
  auto generic = testing::OpenOrFail(testing::GenericOdbcUrl(scratch.url()), db::OpenMode::kMustExist);
  ASSERT_NE(generic, nullptr);
  EXPECT_STRNE(known->dialect().name(), "odbc");
  EXPECT_STREQ(generic->dialect().name(), "odbc");

  auto want = db::ReadCatalog(*known);
  ASSERT_TRUE(want.ok()) << want.status().message();
  auto got = db::ReadCatalog(*generic);
  ASSERT_TRUE(got.ok()) << got.status().message();

  std::vector<std::string> want_tables, got_tables;
  for (const auto& [name, table] : want->tables) want_tables.push_back(name);
  for (const auto& [name, table] : got->tables) got_tables.push_back(name);
  EXPECT_EQ(got_tables, want_tables);
  EXPECT_EQ(got_tables, (std::vector<std::string>{"care_leaver", "carexleaver", "client", "client_names"}));

  for (const auto& [name, want_table] : want->tables) {
    SCOPED_TRACE(name);
    const core::TableSchema* got_table = got->Find(name);
    ASSERT_NE(got_table, nullptr);
    ASSERT_EQ(got_table->columns.size(), want_table.columns.size());
    for (size_t i = 0; i < want_table.columns.size(); ++i) {
      const core::Column& w = want_table.columns[i];
      const core::Column& g = got_table->columns[i];
      SCOPED_TRACE(w.name + " (" + w.declared_type + " / " + g.declared_type + ")");
      EXPECT_EQ(g.name, w.name);
      EXPECT_EQ(g.type, w.type);
      EXPECT_EQ(g.not_null, w.not_null);
      EXPECT_EQ(g.primary_key, w.primary_key);
    }
  }
  // The figures themselves, so that two equally wrong catalogs fail.
  const core::TableSchema& client = got->tables.at("client");
  ASSERT_EQ(client.columns.size(), 5u);
  EXPECT_EQ(client.columns[1].name, "name");
  EXPECT_TRUE(client.columns[1].not_null);
  EXPECT_FALSE(client.columns[2].not_null);
  EXPECT_EQ(client.columns[2].type, core::ColumnType::kDate);
  EXPECT_EQ(client.columns[3].type, core::ColumnType::kDecimal);
  // Every driver reports balance's DEFAULT 0; none reports one for name.
  EXPECT_TRUE(client.columns[3].has_default);
  EXPECT_FALSE(client.columns[1].has_default);
  const core::TableSchema& leaver = got->tables.at("care_leaver");
  ASSERT_EQ(leaver.columns.size(), 4u);
  EXPECT_TRUE(leaver.columns[0].primary_key);
  EXPECT_TRUE(leaver.columns[1].primary_key);
  EXPECT_FALSE(leaver.columns[2].primary_key);
  EXPECT_EQ(leaver.columns[3].type, core::ColumnType::kPence);
  EXPECT_EQ(got->tables.at("carexleaver").columns.size(), 1u);
  EXPECT_EQ(got->tables.at("client_names").columns.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Drivers, OdbcCatalog,
                         ::testing::Values(AccessPath::kSqliteOdbc, AccessPath::kPostgresOdbc, AccessPath::kMariaDbOdbc),
                         testing::AccessPathName);

}  // namespace
}  // namespace handover
