// The whole leaving care migration against the generator's answer key: for
// seeds 1..5 at 2,000 people, a rehearsal's figures equal the key field by
// field (every one of the 12 tables, by reason; the OC3 figures), and a run's
// council database holds exactly the key's money per person, month and type,
// its payment arrangements and its opening balances. Then the same rehearsal
// read from SQLite, PostgreSQL and MariaDB, natively and through ODBC (with
// each server's dialect and with the generic one), gives identical figures.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "tests/support/answer_key.h"
#include "tests/support/report_json.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using testing::AccessPath;
using testing::AsKeyTables;
using testing::GeneratedProvider;

testing::CommandResult Pipeline(const std::string& verb, const GeneratedProvider& provider, const std::string& target,
                                const fs::path& out) {
  return testing::RunHandover({verb, "--source", provider.url(), "--target", target, "--mappings",
                               (testing::SourceDir() / "mappings" / "leaving-care").string(), "--param",
                               "cutover=" + provider.cutover(), "--out", out.string()},
                              out.parent_path());
}

class LeavingCare : public ::testing::TestWithParam<int> {};

TEST_P(LeavingCare, ARehearsalAndARunEqualTheAnswerKey) {
  testing::TempDir dir;
  const GeneratedProvider provider(dir, GetParam());
  const json& key = provider.key();

  const auto rehearsal = Pipeline("rehearse", provider, "sqlite:" + (dir / "council.db").string(), dir / "rehearsal");
  ASSERT_EQ(rehearsal.exit_code, 0) << rehearsal.out << rehearsal.err;
  const json report = json::parse(testing::ReadFile(dir / "rehearsal" / "reconciliation.json"));
  EXPECT_EQ(report["verdict"], "balanced");
  EXPECT_EQ(report["signoff"]["decision"], "go") << report["signoff"].dump();
  EXPECT_EQ(testing::SchemaProblems(dir / "rehearsal" / "reconciliation.json"), "");
  // Every one of the provider's 12 tables, loaded / rejected by reason /
  // excluded by rule / merged, as the key says.
  const json tables = AsKeyTables(report);
  ASSERT_EQ(key["tables"].size(), 12u);
  for (const auto& [table, figures] : key["tables"].items()) {
    SCOPED_TRACE(table);
    ASSERT_TRUE(tables.contains(table)) << table << " is not accounted for";
    EXPECT_EQ(tables[table], figures);
  }
  EXPECT_EQ(tables.size(), 12u);
  EXPECT_EQ(report["scope"]["source_tables_ignored"], json({"code_lookup"}));
  // People after the merge.
  EXPECT_EQ(tables["client"]["loaded"], key["people"]["after_deduplication"]);
  EXPECT_EQ(tables["client"]["merged"], key["people"]["duplicate_rows_merged"]);
  EXPECT_GT(key["people"]["duplicate_rows_merged"].get<int>(), 20);
  // The OC3 figures from the migrated data.
  ASSERT_TRUE(report.contains("oc3")) << report.dump(1).substr(0, 2000);
  json oc3 = report["oc3"];
  EXPECT_EQ(oc3["at"], provider.cutover());
  oc3.erase("at");
  json expected_oc3 = key["oc3"];
  expected_oc3.erase("cohort_definition");
  EXPECT_EQ(oc3, expected_oc3);
  EXPECT_GT(oc3["cohort"].get<int>(), 500);

  // The committed run: what the council holds, person by person.
  const std::string target = "sqlite:" + (dir / "council.db").string();
  const auto run = Pipeline("run", provider, target, dir / "run");
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  auto council = testing::OpenOrFail(target, db::OpenMode::kMustExist);
  ASSERT_NE(council, nullptr);
  // Every legacy reference of a person is kept: each survivor's, and each
  // merged duplicate's pointing at its survivor.
  const int64_t people = key["people"]["after_deduplication"].get<int64_t>();
  const int64_t merged = key["people"]["duplicate_rows_merged"].get<int64_t>();
  EXPECT_EQ(testing::QueryIntOrFail(*council, "SELECT count(*) FROM person_legacy_ref"), people + merged);
  EXPECT_EQ(testing::QueryIntOrFail(*council, "SELECT count(*) FROM person_legacy_ref r JOIN person p "
                                              "ON p.person_id = r.person_id AND p.legacy_ref = r.legacy_key "
                                              "WHERE r.is_survivor = 1"),
            people);
  EXPECT_EQ(testing::QueryIntOrFail(*council, "SELECT count(*) FROM person_legacy_ref r JOIN migration_ledger l "
                                              "ON l.legacy_key = r.legacy_key AND l.target_key = r.person_id "
                                              "WHERE l.mapping = 'person' AND l.outcome = 'merged' AND r.is_survivor = 0"),
            merged);
  testing::ExpectCouncilMoneyEqualsTheKey(*council, key, dir / "answer-key-money.csv", provider.cutover());
}

INSTANTIATE_TEST_SUITE_P(Seeds, LeavingCare, ::testing::Values(1, 2, 3, 4, 5));

// A user of its own that may only read: SELECT on every table of the
// scratch database, nothing else.
std::string ReadOnlyPostgresUrl(const testing::ScratchPostgres& scratch) {
  auto admin = testing::OpenOrFail(scratch.url(), db::OpenMode::kMustExist);
  EXPECT_NE(admin, nullptr);
  if (admin == nullptr) return {};
  const std::string user = "reader_" + scratch.name();
  for (const std::string& sql : {"CREATE ROLE " + user + " LOGIN PASSWORD 'reader-pw'",
                                 "GRANT CONNECT ON DATABASE " + scratch.name() + " TO " + user,
                                 "GRANT USAGE ON SCHEMA public TO " + user,
                                 "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + user})
    EXPECT_TRUE(admin->Execute(sql, "creating the read-only user").ok()) << sql;
  const std::string url = scratch.url();
  return "postgresql://" + user + ":reader-pw" + url.substr(url.find('@'));
}

std::string ReadOnlyMariaDbUrl(const testing::ScratchMariaDb& scratch) {
  auto admin = testing::OpenOrFail(scratch.url(), db::OpenMode::kMustExist);
  EXPECT_NE(admin, nullptr);
  if (admin == nullptr) return {};
  const std::string user = "'r" + scratch.name().substr(0, 30) + "'@'127.0.0.1'";
  for (const std::string& sql : {"CREATE USER " + user + " IDENTIFIED BY 'reader-pw'",
                                 "GRANT SELECT ON " + scratch.name() + ".* TO " + user})
    EXPECT_TRUE(admin->Execute(sql, "creating the read-only user").ok()) << sql;
  const std::string url = scratch.url();
  return "mysql://r" + scratch.name().substr(0, 30) + ":reader-pw" + url.substr(url.find('@'));
}

// The provider read every way handover reads one: natively and through ODBC
// from SQLite, PostgreSQL and MariaDB, PostgreSQL and MariaDB as users that
// may only SELECT, and the three ODBC drivers through the generic dialect. The figures of the rehearsal do not depend on how the
// source is reached, and equal the answer key.
TEST(LeavingCareSources, EverySourcePathGivesIdenticalRehearsals) {
  testing::TempDir dir;
  const GeneratedProvider sqlite(dir, 3);
  const testing::ScratchPostgres pg;
  const testing::ScratchMariaDb maria;
  testing::TempDir pg_dir, maria_dir;
  const GeneratedProvider postgres(pg_dir, 3, pg.url());
  const GeneratedProvider mariadb(maria_dir, 3, maria.url());
  EXPECT_EQ(postgres.key()["tables"], sqlite.key()["tables"]) << "the generator wrote different data";
  EXPECT_EQ(mariadb.key()["tables"], sqlite.key()["tables"]) << "the generator wrote different data";
  struct Source {
    std::string name;
    const GeneratedProvider* provider;
    std::string url;
  };
  const std::vector<Source> sources = {
      {"sqlite", &sqlite, sqlite.url()},
      {"sqlite-odbc", &sqlite, testing::SqliteOdbcUrl(dir / "provider.db")},
      {"postgres", &postgres, postgres.url()},
      {"postgres-read-only", &postgres, ReadOnlyPostgresUrl(pg)},
      {"mariadb", &mariadb, mariadb.url()},
      {"mariadb-odbc", &mariadb, maria.odbc_url()},
      {"mariadb-read-only", &mariadb, ReadOnlyMariaDbUrl(maria)},
      // The same drivers through the generic ODBC dialect: the catalog from
      // SQLTables/SQLColumns/SQLPrimaryKeys, values as the drivers convert them.
      {"sqlite-odbc-generic", &sqlite, testing::GenericOdbcUrl(testing::SqliteOdbcUrl(dir / "provider.db"))},
      {"postgres-odbc-generic", &postgres, testing::GenericOdbcUrl(pg.odbc_url())},
      {"mariadb-odbc-generic", &mariadb, testing::GenericOdbcUrl(maria.odbc_url())}};
  std::map<std::string, json> figures;
  for (const Source& s : sources) {
    SCOPED_TRACE(s.name);
    const auto r = testing::RunHandover(
        {"rehearse", "--source", s.url, "--target", "sqlite:" + (dir / (s.name + ".db")).string(), "--mappings",
         (testing::SourceDir() / "mappings" / "leaving-care").string(), "--param", "cutover=" + s.provider->cutover(),
         "--out", (dir / s.name).string()},
        dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    figures[s.name] =
        testing::SourceIndependentFigures(json::parse(testing::ReadFile(dir / s.name / "reconciliation.json")));
  }
  for (const Source& s : sources) EXPECT_EQ(figures[s.name], figures["sqlite"]) << s.name;
  for (const auto& [table, want] : sqlite.key()["tables"].items())
    EXPECT_EQ(figures["sqlite"]["tables"][table], want) << table;
  EXPECT_NE(testing::ReadFile(dir / "mariadb" / "handover.log").find("time zone +00:00"), std::string::npos);
}

}  // namespace
}  // namespace handover
