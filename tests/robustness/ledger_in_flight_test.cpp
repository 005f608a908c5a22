// The robustness catalogue, a batch's last step left in flight: the loader
// sends a batch's ledger lines and evaluates the next batch before the
// server has answered (load/mapping_loader.h). A ledger the target refuses
// to write then stops the run, naming the batch, with the batches before it
// committed and none half-written, and the next run resumes after them.
#include <gtest/gtest.h>

#include "load/migration_tables.h"
#include "tests/robustness/robustness_fixture.h"

namespace handover {
namespace {

using testing::Robustness;

// contact_log's row 120: in batch 3 at --batch-size 50.
constexpr const char* kRefusal = "the ledger volume is full (test)";

// SQLite inserts the ledger's rows on a thread of their own, PostgreSQL
// takes them by COPY: either way the answer is read when the next batch
// begins, by a different mechanism, so both are tried.
struct LedgerTarget {
  std::string name;
  std::string url;
  std::vector<std::string> trigger;  // statements that make the ledger refuse row 120 of contact
};

class LedgerInFlight : public Robustness {
 protected:
  void ExpectRefusedThenResumed(const LedgerTarget& target) {
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
    ExpectErrorLast(refused, {"loading contact: ", "committing contact batch 3: writing 50 rows to migration_ledger", kRefusal,
                              "run 1 keeps the batches it committed"});
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
    ASSERT_TRUE(db->Execute("DROP TRIGGER ledger_refuses" + std::string(target.name == "postgresql" ?
                                                                           " ON migration_ledger" : ""),
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

TEST_F(LedgerInFlight, ALedgerTheSqliteTargetRefusesStopsTheRunAfterTheBatchesBefore) {
  ExpectRefusedThenResumed(
      {"sqlite", Target(),
       {"CREATE TRIGGER ledger_refuses BEFORE INSERT ON migration_ledger "
        "WHEN NEW.mapping = 'contact' AND NEW.source_row = 120 BEGIN SELECT RAISE(ABORT, '" +
        std::string(kRefusal) + "'); END"}});
}

TEST_F(LedgerInFlight, ALedgerThePostgresTargetRefusesInFlightStopsTheRunAfterTheBatchesBefore) {
  testing::ScratchPostgres pg;
  ExpectRefusedThenResumed(
      {"postgresql", pg.url(),
       {"CREATE FUNCTION ledger_refuses() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NEW.mapping = 'contact' AND NEW.source_row = 120 THEN RAISE EXCEPTION '" +
            std::string(kRefusal) + "'; END IF; RETURN NEW; END $$",
        "CREATE TRIGGER ledger_refuses BEFORE INSERT ON migration_ledger FOR EACH ROW "
        "EXECUTE FUNCTION ledger_refuses()"}});
}

}  // namespace
}  // namespace handover
