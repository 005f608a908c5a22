// The robustness catalogue, a batch's last step left in flight: the loader
// writes a batch's ledger lines, sends its crosswalk entries and evaluates
// the next batch before the server has answered (load/mapping_loader.h).
// A ledger or a crosswalk the target refuses to write then stops the run,
// naming the batch and the table, with the batches before it committed and
// none half-written, and the next run resumes after them.
#include <gtest/gtest.h>

#include "load/migration_tables.h"
#include "tests/robustness/robustness_fixture.h"

namespace handover {
namespace {

using testing::Robustness;

// contact_log's rows 101 to 150: batch 3 at --batch-size 50.
constexpr const char* kRefusal = "the volume is full (test)";

// SQLite inserts the crosswalk's rows on a thread of their own, PostgreSQL
// takes them by COPY: either way the answer is read when the next batch
// begins, by a different mechanism, so both are tried; the ledger's are
// written before, and answered at once.
struct RefusingTarget {
  std::string name;
  std::string url;
  std::string table;                 // the table that refuses
  std::vector<std::string> trigger;  // statements that make it refuse a row of contact's batch 3
};

// A trigger on `table` refusing `condition`, in SQLite's dialect or PostgreSQL's.
std::vector<std::string> SqliteTrigger(const std::string& table, const std::string& condition) {
  return {"CREATE TRIGGER refuses BEFORE INSERT ON " + table + " WHEN " + condition +
          " BEGIN SELECT RAISE(ABORT, '" + kRefusal + "'); END"};
}
std::vector<std::string> PostgresTrigger(const std::string& table, const std::string& condition) {
  return {"CREATE FUNCTION refuses() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF " + condition +
              " THEN RAISE EXCEPTION '" + kRefusal + "'; END IF; RETURN NEW; END $$",
          "CREATE TRIGGER refuses BEFORE INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION refuses()"};
}
constexpr const char* kLedgerRow = "NEW.mapping = 'contact' AND NEW.source_row = 120";
// The key is l.contact_id, which is the source row.
constexpr const char* kSqliteCrosswalkRows =
    "NEW.entity = 'contact' AND CAST(NEW.legacy_key AS INTEGER) BETWEEN 101 AND 150";
constexpr const char* kPostgresCrosswalkRows =
    "NEW.entity = 'contact' AND NEW.legacy_key ~ '^[0-9]+$' AND CAST(NEW.legacy_key AS INTEGER) BETWEEN 101 AND 150";

class BatchInFlight : public Robustness {
 protected:
  void ExpectRefusedThenResumed(const RefusingTarget& target) {
    SCOPED_TRACE(target.name);
    {
      auto db = testing::OpenOrFail(target.url);
      ASSERT_NE(db, nullptr);
      const std::string schema = testing::ReadFile(ShippedMappings() / "council" / "schema.sql");
      ASSERT_TRUE(db->ExecuteScriptAtomically(schema, "schema").ok());
      ASSERT_TRUE(load::EnsureMigrationTables(*db).ok());
      for (const std::string& sql : target.trigger) ASSERT_TRUE(db->Execute(sql, "trigger").ok()) << sql;
    }
    const std::vector<std::string> batches = {"--batch-size", "50"};
    const auto refused = Rehearse(SharedProvider(), target.url, ShippedMappings(), batches, "run");
    ExpectErrorLast(refused, {"loading contact: ", "committing contact batch 3: writing ",
                              " rows to " + target.table + ": ", kRefusal, "run 1 keeps the batches it committed"});
    EXPECT_NE(refused.err.find("allocation: extracted"), std::string::npos) << refused.err;

    auto db = testing::OpenOrFail(target.url, db::OpenMode::kMustExist);
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_run WHERE outcome = 'failed'"), 1);
    // Batches 1 and 2 of contact are committed, all of them, and nothing of 3.
    EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_ledger WHERE mapping = 'contact'"), 100);
    EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT max(source_row) FROM migration_ledger WHERE mapping = 'contact'"),
              100);
    EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM contact"),
              testing::QueryIntOrFail(
                  *db, "SELECT count(*) FROM migration_ledger WHERE mapping = 'contact' AND outcome = 'loaded'"));
    EXPECT_GT(testing::QueryIntOrFail(*db, "SELECT count(*) FROM contact"), 0);
    ASSERT_TRUE(db->Execute("DROP TRIGGER refuses" + (target.name == "postgresql" ? " ON " + target.table : ""),
                            "dropping the trigger")
                    .ok());

    const auto resumed = Rehearse(SharedProvider(), target.url, ShippedMappings(), batches, "run");
    EXPECT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
    EXPECT_NE(resumed.out.find("resuming run 1"), std::string::npos) << resumed.out;
    EXPECT_NE(resumed.out.find("BALANCED"), std::string::npos) << resumed.out;
    // Every contact_log row has exactly one ledger line, counted from the
    // provider itself.
    auto provider = testing::OpenOrFail(SharedProvider(), db::OpenMode::kMustExist);
    ASSERT_NE(provider, nullptr);
    const int64_t contacts = testing::QueryIntOrFail(*provider, "SELECT count(*) FROM contact_log");
    EXPECT_GT(contacts, 150);
    EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_ledger WHERE mapping = 'contact'"),
              contacts);
    EXPECT_EQ(
        testing::QueryIntOrFail(*db, "SELECT count(DISTINCT source_row) FROM migration_ledger WHERE mapping = 'contact'"),
        contacts);
  }
};

TEST_F(BatchInFlight, ALedgerTheSqliteTargetRefusesStopsTheRunAfterTheBatchesBefore) {
  ExpectRefusedThenResumed({"sqlite", Target(), "migration_ledger", SqliteTrigger("migration_ledger", kLedgerRow)});
}

TEST_F(BatchInFlight, ACrosswalkTheSqliteTargetRefusesInFlightStopsTheRunAfterTheBatchesBefore) {
  ExpectRefusedThenResumed(
      {"sqlite", Target(), "migration_crosswalk", SqliteTrigger("migration_crosswalk", kSqliteCrosswalkRows)});
}

TEST_F(BatchInFlight, ALedgerThePostgresTargetRefusesStopsTheRunAfterTheBatchesBefore) {
  testing::ScratchPostgres pg;
  ExpectRefusedThenResumed(
      {"postgresql", pg.url(), "migration_ledger", PostgresTrigger("migration_ledger", kLedgerRow)});
}

TEST_F(BatchInFlight, ACrosswalkThePostgresTargetRefusesInFlightStopsTheRunAfterTheBatchesBefore) {
  testing::ScratchPostgres pg;
  ExpectRefusedThenResumed(
      {"postgresql", pg.url(), "migration_crosswalk", PostgresTrigger("migration_crosswalk", kPostgresCrosswalkRows)});
}

}  // namespace
}  // namespace handover
