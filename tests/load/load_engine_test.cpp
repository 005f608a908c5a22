// The load engine and reconciliation, driven by a fake mapping, with the
// target on every access path: native SQLite, SQLite through ODBC, native
// PostgreSQL (COPY) and PostgreSQL through ODBC.
#include "load/load_engine.h"

#include <gtest/gtest.h>

#include <memory>

#include "db/introspect.h"
#include "reports/exception_list.h"
#include "reports/reconciliation.h"
#include "tests/load/fake_mapping.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

using testing::AccessPath;

void MustRun(db::Database& db, const std::string& script) {
  core::Status status = db.ExecuteScript(script, "test setup");
  ASSERT_TRUE(status.ok()) << status.message();
}

class LoadEngine : public ::testing::TestWithParam<AccessPath> {
 protected:
  void SetUp() override {
    source_ = testing::OpenOrFail("sqlite:" + (dir_ / "source.db").string(), db::OpenMode::kCreateIfMissing);
    ASSERT_NE(source_, nullptr);
    // 1,000 things: every 100th is a TEST record, every 250th has an amount
    // that is not a number, thing 999 has a negative amount the target's
    // CHECK refuses; 10 parts point at missing things.
    std::string script = "CREATE TABLE src_thing (id INTEGER, name TEXT, amount TEXT);\n"
                         "CREATE TABLE src_part (id INTEGER, thing_ref TEXT);\nBEGIN;\n";
    for (int i = 1; i <= 1000; ++i) {
      const std::string name = i % 100 == 0 ? "TEST" : "n" + std::to_string(i);
      const std::string amount = i % 250 == 0 ? "abc" : (i == 999 ? "-5" : std::to_string(i * 10));
      script += "INSERT INTO src_thing VALUES (" + std::to_string(i) + ", '" + name + "', '" + amount + "');\n";
    }
    for (int i = 1; i <= 510; ++i)
      script += "INSERT INTO src_part VALUES (" + std::to_string(i) + ", '" + std::to_string(i <= 500 ? i : 5000 + i) +
                "');\n";
    MustRun(*source_, script + "COMMIT;\n");

    target_db_ = std::make_unique<testing::ScratchDatabase>(GetParam(), dir_, "target.db");
    const std::string target_url = target_db_->url();
    target_ = testing::OpenOrFail(target_url, db::OpenMode::kCreateIfMissing);
    ASSERT_NE(target_, nullptr);
    MustRun(*target_,
            "CREATE TABLE thing (thing_id BIGINT PRIMARY KEY, name TEXT NOT NULL, "
            "amount_pence BIGINT NOT NULL CHECK (amount_pence >= 0));\n"
            "CREATE TABLE part (part_id BIGINT PRIMARY KEY, thing_id BIGINT NOT NULL REFERENCES thing (thing_id));\n");
    auto catalog = db::ReadCatalog(*source_);
    ASSERT_TRUE(catalog.ok());
    catalog_ = *catalog;
  }

  core::Result<load::LoadSummary> Load(transform::MappingProgram& program, int64_t money_reject_limit = -1) {
    load::LoadOptions options;
    options.batch_size = 128;  // several batches, the last one part-full
    options.max_target_rejects_money = money_reject_limit;
    options.run.source = source_->url().Masked();
    return load::RunLoad(program, *source_, catalog_, *target_, options);
  }

  testing::TempDir dir_;
  std::unique_ptr<testing::ScratchDatabase> target_db_;
  std::unique_ptr<db::Database> source_, target_;
  core::Catalog catalog_;
};

TEST_P(LoadEngine, AccountsForEveryRecordAndPenny) {
  transform::MappingProgram program;
  program.mappings.push_back(std::make_unique<testing::FakeMapping>(testing::FakeMapping::Kind::kThing));
  program.mappings.push_back(std::make_unique<testing::FakeMapping>(testing::FakeMapping::Kind::kPart));
  program.content_hash = "test";
  auto summary = Load(program);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  ASSERT_EQ(summary->mappings.size(), 2u);
  const auto& things = summary->mappings[0];
  // 10 TEST rows excluded (100, 200 ... 1000); "abc" amounts at 250 and 750
  // (500 and 1000 are TEST rows, excluded first) and the refused -5 rejected.
  EXPECT_EQ(things.extracted, 1000);
  EXPECT_EQ(things.excluded, 10);
  EXPECT_EQ(things.rejected, 2 + 1);
  EXPECT_EQ(things.loaded, 1000 - 10 - 3);
  const auto& parts = summary->mappings[1];
  EXPECT_EQ(parts.extracted, 510);
  // Parts 1..500 point at things; those whose thing was not loaded are orphans too.
  const int64_t orphans = 10 + 5 /* TEST 100..500 */ + 1 /* abc 250 */;
  EXPECT_EQ(parts.rejected, orphans);
  EXPECT_EQ(parts.loaded, 510 - orphans);

  reports::PrivacyOptions privacy;
  auto r = reports::Reconcile(*source_, *target_, program, *summary);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->balanced()) << (r->mappings[0].differences.empty() ? "" : r->mappings[0].differences[0]);
  EXPECT_EQ(r->mappings[0].source_rows, 1000);
  EXPECT_EQ(r->mappings[0].ledger.total(), 1000);
  EXPECT_EQ(r->mappings[0].targets[0].rows_in_target, 987);
  // Sum of i*10 over loaded things, computed here independently.
  int64_t expected_pence = 0;
  for (int i = 1; i <= 1000; ++i)
    if (i % 100 != 0 && i % 250 != 0 && i != 999) expected_pence += i * 10;
  EXPECT_EQ(r->mappings[0].targets[0].pence_in_target, expected_pence);
  EXPECT_EQ(r->mappings[0].ledger_loaded_pence, expected_pence);
  EXPECT_EQ(r->mappings[1].targets[0].rows_in_target, 510 - orphans);

  // The worklist names the refused row with the server's reason.
  size_t refused = 0, bad_amount = 0, orphan = 0;
  std::vector<reports::ExceptionRow> exceptions;
  ASSERT_TRUE(reports::ForEachException(*target_, r->run_id, privacy, [&](const reports::ExceptionRow& e) {
                exceptions.push_back(e);
              }).ok());
  EXPECT_EQ(static_cast<int64_t>(exceptions.size()), r->exception_count);
  for (const auto& e : exceptions) {
    if (e.reason_code == "target_rejected") {
      ++refused;
      EXPECT_EQ(e.legacy_key, "999");
      EXPECT_EQ(e.source_row, 999);
      EXPECT_NE(e.reason.find("amount_pence"), std::string::npos) << e.reason;  // names the constraint
      // ...but never quotes the row: PostgreSQL's DETAIL would show its values.
      EXPECT_EQ(e.reason.find("n999"), std::string::npos) << e.reason;
    }
    if (e.reason_code == "bad_amount") ++bad_amount;
    if (e.reason_code == "orphan") ++orphan;
  }
  EXPECT_EQ(refused, 1u);
  EXPECT_EQ(bad_amount, 2u);
  EXPECT_EQ(orphan, static_cast<size_t>(orphans));
}

TEST_P(LoadEngine, MergesDuplicatesIntoTheEarliestAndRedirectsReferences) {
  MustRun(*source_, "UPDATE src_thing SET name = 'same' WHERE id IN (7, 3, 5);\n");
  transform::MappingProgram program;
  program.mappings.push_back(std::make_unique<testing::FakeMapping>(testing::FakeMapping::Kind::kThing, true));
  program.mappings.push_back(std::make_unique<testing::FakeMapping>(testing::FakeMapping::Kind::kPart));
  auto summary = Load(program);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->mappings[0].merged, 2);
  EXPECT_EQ(summary->mappings[0].loaded, 1000 - 10 - 3 - 2);
  // Parts 5 and 7 pointed at the duplicates: they now belong to thing 3.
  auto owner = target_->QueryInt("SELECT count(*) FROM part WHERE thing_id = "
                                 "(SELECT council_id FROM migration_crosswalk WHERE entity = 'thing' AND legacy_key = '3')",
                                 "owner");
  ASSERT_TRUE(owner.ok()) << owner.status().message();
  EXPECT_EQ(*owner, 3);
  auto r = reports::Reconcile(*source_, *target_, program, *summary);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->balanced());
  EXPECT_EQ(r->mappings[0].ledger.merged, 2);
}

TEST_P(LoadEngine, AMoneyMappingStopsCleanlyWhenTheTargetRefusesMoreRowsThanAllowed) {
  transform::MappingProgram program;
  program.mappings.push_back(std::make_unique<testing::FakeMapping>(testing::FakeMapping::Kind::kThing));
  program.content_hash = "test";
  auto summary = Load(program, /*money_reject_limit=*/0);
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.status().code(), core::ErrorCode::kData);
  const std::string& message = summary.status().message();
  EXPECT_NE(message.find("mapping thing: the target refused 1 rows, more than the limit of 0 for a mapping that "
                         "carries money (the first, source row 999: "),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("--max-target-rejects"), std::string::npos) << message;
  // Stopped cleanly: the batches up to the refused row are committed with
  // their ledger lines, and the run is recorded as failed.
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_run WHERE outcome = 'failed'"), 1);
  const int64_t loaded = testing::QueryIntOrFail(*target_, "SELECT count(*) FROM thing");
  EXPECT_EQ(loaded, testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_ledger WHERE outcome = 'loaded'"));
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT max(source_row) FROM migration_ledger"), 1000)
      << "row 999 is in the last batch (897..1000), which was committed before the stop";
}

// A mapping that trusts its references: the foreign key of part refuses the
// 16 parts that name no loaded thing on every target, whether the server
// checks it row by row (SQLite) or handover does while the key is set aside
// (PostgreSQL), and the key is in the target afterwards, holding.
TEST_P(LoadEngine, RefusesRowsThatWouldBreakAForeignKeyAndKeepsTheKey) {
  transform::MappingProgram program;
  program.mappings.push_back(std::make_unique<testing::FakeMapping>(testing::FakeMapping::Kind::kThing));
  program.mappings.push_back(std::make_unique<testing::FakeMapping>(testing::FakeMapping::Kind::kLoosePart));
  program.content_hash = "test";
  auto summary = Load(program);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  const auto& parts = summary->mappings[1];
  EXPECT_EQ(parts.rejected, 16);  // 501..510, and the TEST and "abc" things 100..500 and 250
  EXPECT_EQ(parts.loaded, 510 - 16);
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM part"), 510 - 16);
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM part p WHERE NOT EXISTS "
                                              "(SELECT 1 FROM thing t WHERE t.thing_id = p.thing_id)"),
            0);
  std::vector<reports::ExceptionRow> refused;
  ASSERT_TRUE(reports::ForEachException(*target_, summary->run_id, reports::PrivacyOptions{},
                                        [&](const reports::ExceptionRow& e) {
                                          if (e.mapping == "part" && e.reason_code == "target_rejected")
                                            refused.push_back(e);
                                        }).ok());
  ASSERT_EQ(refused.size(), 16u);
  EXPECT_EQ(refused.back().legacy_key, "510");
  const bool set_aside = !target_->dialect().ForeignKeysSql().empty();
  if (set_aside) {
    // Checked by handover: the worklist names the constraint and the key.
    EXPECT_NE(refused.back().reason.find("part_thing_id_fkey"), std::string::npos) << refused.back().reason;
    EXPECT_EQ(refused.back().column, "part.thing_id");
    EXPECT_EQ(refused.back().value_seen, "1005510");  // part 510 names thing 5510
    EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND "
                                                "convalidated AND conrelid = 'part'::regclass"),
              1);
  }
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_set_aside"), 0);
  EXPECT_EQ(summary->mappings[1].targets[0].rows, 510 - 16);
}

INSTANTIATE_TEST_SUITE_P(AllTargets, LoadEngine,
                         ::testing::Values(AccessPath::kSqlite, AccessPath::kSqliteOdbc, AccessPath::kPostgres,
                                           AccessPath::kPostgresOdbc),
                         testing::AccessPathName);


// Where a load sets foreign keys aside (PostgreSQL), one a run that stopped
// left set aside is added back by the next run; one whose rows now break it
// comes back NOT VALID, with an error that says so.
class SetAsideForeignKeys : public LoadEngine {
 protected:
  void LeaveTheKeySetAside() {
    MustRun(*target_, "ALTER TABLE part DROP CONSTRAINT part_thing_id_fkey;\n"
                      "INSERT INTO migration_set_aside (run_id, table_name, constraint_name, definition) VALUES "
                      "(1, 'part', 'part_thing_id_fkey', 'FOREIGN KEY (thing_id) REFERENCES thing(thing_id)');\n");
  }
  int64_t ValidKeys() {
    return testing::QueryIntOrFail(*target_, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND "
                                             "convalidated AND conrelid = 'part'::regclass");
  }
};

TEST_P(SetAsideForeignKeys, TheNextRunAddsBackAKeyARunThatStoppedLeftSetAside) {
  transform::MappingProgram program;
  program.mappings.push_back(std::make_unique<testing::FakeMapping>(testing::FakeMapping::Kind::kThing));
  program.content_hash = "test";
  ASSERT_TRUE(Load(program).ok());
  LeaveTheKeySetAside();
  ASSERT_EQ(ValidKeys(), 0);
  auto again = Load(program);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(ValidKeys(), 1);
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_set_aside"), 0);
}

TEST_P(SetAsideForeignKeys, AKeyTheRowsBreakComesBackNotValidAndTheRunFails) {
  transform::MappingProgram program;
  program.mappings.push_back(std::make_unique<testing::FakeMapping>(testing::FakeMapping::Kind::kThing));
  program.content_hash = "test";
  ASSERT_TRUE(Load(program).ok());
  LeaveTheKeySetAside();
  MustRun(*target_, "INSERT INTO part (part_id, thing_id) VALUES (1, 777777);\n");
  auto again = Load(program);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), core::ErrorCode::kData);
  EXPECT_NE(again.status().message().find("part.part_thing_id_fkey"), std::string::npos) << again.status().message();
  EXPECT_NE(again.status().message().find("NOT VALID"), std::string::npos) << again.status().message();
  EXPECT_EQ(ValidKeys(), 0);
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND "
                                              "conrelid = 'part'::regclass"),
            1);  // enforced for new rows
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_set_aside"), 0);
}

// The ledger's primary key is set aside by a load into an empty ledger and
// built after its lines (its catalogue row is the younger), and kept as it
// is by a load into a ledger that holds lines already.
TEST_P(SetAsideForeignKeys, TheLedgerKeyIsBuiltAfterTheFirstLoadAndKeptByTheNext) {
  transform::MappingProgram program;
  program.mappings.push_back(std::make_unique<testing::FakeMapping>(testing::FakeMapping::Kind::kThing));
  program.content_hash = "test";
  const auto key_age_against = [&](const std::string& lines) {
    return testing::QueryIntOrFail(*target_, "SELECT CASE WHEN (SELECT xmin::text::bigint FROM pg_constraint WHERE "
                                             "conname = 'migration_ledger_pkey' AND contype = 'p') > (" + lines +
                                             ") THEN 1 ELSE 0 END");
  };
  auto first = Load(program);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(key_age_against("SELECT max(xmin::text::bigint) FROM migration_ledger"), 1);
  auto second = Load(program);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_GT(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_ledger WHERE run_id = " +
                                                  std::to_string(second->run_id)),
            900);
  EXPECT_EQ(key_age_against("SELECT min(xmin::text::bigint) FROM migration_ledger WHERE run_id = " +
                            std::to_string(second->run_id)),
            0);
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_set_aside"), 0);
}

INSTANTIATE_TEST_SUITE_P(PostgresTargets, SetAsideForeignKeys,
                         ::testing::Values(AccessPath::kPostgres, AccessPath::kPostgresOdbc),
                         testing::AccessPathName);

}  // namespace
}  // namespace handover
