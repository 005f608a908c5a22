// PostgreSQL: the council schema loads and enforces the same constraints as
// in SQLite; the generator writes the same provider (same answer key, same
// rows) through COPY, in one transaction that a failure leaves untouched.
#include <gtest/gtest.h>

#include "generator/generator.h"
#include "generator/provider_schema.h"
#include "tests/generator/council_schema_checks.h"
#include "tests/generator/generator_fixture.h"
#include "tests/generator/reference_migration.h"

namespace handover::generator::testing {
namespace {

using handover::testing::ScratchPostgres;
using handover::testing::TempDir;

GeneratorOptions Options(const std::filesystem::path& key, int64_t people) {
  GeneratorOptions options;
  options.people = people;
  options.seed = 3;
  options.cutover = *core::Date::ParseIso("2018-10-01");
  options.answer_key_path = key;
  return options;
}

TEST(CouncilSchemaPostgres, LoadsAndEnforcesItsConstraints) {
  ScratchPostgres pg;
  auto db = OpenOrDie(pg.url(), db::OpenMode::kMustExist);
  ASSERT_NE(db, nullptr);
  CheckCouncilSchema(*db);
}

TEST(CouncilSchemaPostgres, HoldsTheSameTablesColumnsAndCodesAsSqlite) {
  ScratchPostgres pg;
  TempDir dir;
  auto p = OpenOrDie(pg.url(), db::OpenMode::kMustExist);
  auto s = OpenOrDie("sqlite:" + (dir / "c.db").string(), db::OpenMode::kCreateIfMissing);
  ASSERT_TRUE(p && s);
  ASSERT_TRUE(p->ExecuteScript(CouncilSchemaSql(), "pg schema").ok());
  ASSERT_TRUE(s->ExecuteScript(CouncilSchemaSql(), "sqlite schema").ok());
  auto pg_columns = p->QueryRows(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
      "'public' "
      "ORDER BY table_name, column_name",
      2, "pg columns");
  auto sqlite_columns = s->QueryRows(
      "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = "
      "'table' "
      "ORDER BY m.name, p.name",
      2, "sqlite columns");
  ASSERT_TRUE(pg_columns.ok() && sqlite_columns.ok());
  EXPECT_GT(pg_columns->size(), 80u);
  EXPECT_EQ(*pg_columns, *sqlite_columns);
  const char* codes =
      "SELECT code, description FROM code_in_touch UNION ALL SELECT code, description FROM "
      "code_activity "
      "UNION ALL SELECT code, description FROM code_accommodation UNION ALL SELECT code, "
      "description "
      "FROM code_payment_type UNION ALL SELECT code, description FROM code_frequency UNION ALL "
      "SELECT code, description FROM code_balance_type ORDER BY 1, 2";
  auto pg_codes = p->QueryRows(codes, 2, "pg codes");
  auto sqlite_codes = s->QueryRows(codes, 2, "sqlite codes");
  ASSERT_TRUE(pg_codes.ok() && sqlite_codes.ok());
  EXPECT_EQ(pg_codes->size(), 6u + 12 + 31 + 9 + 2 + 2);
  EXPECT_EQ(*pg_codes, *sqlite_codes);
}

TEST(GeneratePostgres, WritesTheSameProviderAsSqlite) {
  ScratchPostgres pg;
  TempDir dir;
  auto p = OpenOrDie(pg.url(), db::OpenMode::kMustExist);
  auto s = OpenOrDie("sqlite:" + (dir / "p.db").string(), db::OpenMode::kCreateIfMissing);
  ASSERT_TRUE(p && s);
  GeneratorSummary pg_summary, sqlite_summary;
  core::Status status = GenerateProvider(Options(dir / "pg-key.json", 600), *p, &pg_summary);
  ASSERT_TRUE(status.ok()) << status.message();
  status = GenerateProvider(Options(dir / "sqlite-key.json", 600), *s, &sqlite_summary);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(pg_summary.rows_per_table, sqlite_summary.rows_per_table);
  const auto key = ReadJson(dir / "pg-key.json");
  EXPECT_EQ(key, ReadJson(dir / "sqlite-key.json"));
  for (const auto& [table, rows] : pg_summary.rows_per_table) {
    auto n = p->QueryInt("SELECT count(*) FROM " + table, table);
    ASSERT_TRUE(n.ok()) << n.status().message();
    EXPECT_EQ(*n, rows) << table;
  }
  // The documented rules reproduce the key from the PostgreSQL copy too.
  auto reference = ReferenceMigration(*p, *core::Date::ParseIso("2018-10-01"));
  ASSERT_TRUE(reference.ok()) << reference.status().message();
  const auto ref = nlohmann::json::parse(reference->dump());
  EXPECT_EQ(key["tables"], ref["tables"]);
  EXPECT_EQ(key["money"], ref["money"]);
  EXPECT_EQ(key["oc3"]["cohort"], ref["oc3"]["cohort"]);
  // Windows-1252 bytes cannot be stored in a UTF-8 database: they arrive as
  // the same characters in UTF-8 (é, ë, ö, á, ’).
  auto accented =
      p->QueryInt("SELECT count(*) FROM client WHERE forename || surname ~ '[éëöá’]'", "accents");
  ASSERT_TRUE(accented.ok()) << accented.status().message();
  EXPECT_GT(*accented, 0);
}

TEST(GeneratePostgres, AFailedRunLeavesNothingBehind) {
  ScratchPostgres pg;
  TempDir dir;
  auto p = OpenOrDie(pg.url(), db::OpenMode::kMustExist);
  ASSERT_NE(p, nullptr);
  ASSERT_TRUE(p->Execute("CREATE TABLE payment (something_else INTEGER)", "occupy").ok());
  const core::Status status = GenerateProvider(Options(dir / "key.json", 100), *p);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("payment"), std::string::npos) << status.message();
  auto tables = p->QueryInt(
      "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", "tables");
  ASSERT_TRUE(tables.ok());
  EXPECT_EQ(*tables, 1) << "only the table that was there before";
  EXPECT_FALSE(std::filesystem::exists(dir / "key.json"));
}

TEST(GeneratePostgres, CliWritesToATargetAndReplacesOnlyWithForce) {
  ScratchPostgres pg;
  TempDir dir;
  CliResult r = RunCli(dir.path(), "generate --people 200 --target '" + pg.url() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "answer-key.json"));
  EXPECT_EQ(r.out.find("handover-test-pw"), std::string::npos) << "the password is masked";
  r = RunCli(dir.path(), "generate --people 200 --target '" + pg.url() + "' --answer-key k2.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("already exists"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "k2.json"));
  r = RunCli(dir.path(), "generate --people 250 --target '" + pg.url() + "' --force");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto p = OpenOrDie(pg.url(), db::OpenMode::kMustExist);
  auto clients = p->QueryInt("SELECT count(*) FROM client WHERE client_id <= 250", "clients");
  ASSERT_TRUE(clients.ok());
  EXPECT_EQ(*clients, 250);
  EXPECT_EQ(ReadJson(dir / "answer-key.json")["people"]["identities"], 250);
}

}  // namespace
}  // namespace handover::generator::testing
