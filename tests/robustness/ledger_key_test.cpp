// The robustness catalogue, the ledger's primary key set aside: a run into an
// empty ledger on PostgreSQL drops the key and builds it once the rows are in
// (load/keys_set_aside.h). When the key cannot be built again, because
// something other than handover wrote a second line for a record, every run
// stops before loading anything, names the key and says how to find the
// rows, and the key is built by the first run after they are put right.
#include <gtest/gtest.h>

#include "tests/robustness/robustness_fixture.h"

namespace handover {
namespace {

using testing::Robustness;

class LedgerKey : public Robustness {
 protected:
  static int64_t LedgerKeys(db::Database& db) {
    return testing::QueryIntOrFail(db, "SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND "
                                       "conrelid = 'migration_ledger'::regclass");
  }
};

TEST_F(LedgerKey, AKeyTheLedgerBreaksStopsEveryRunUntilTheLinesArePutRight) {
  testing::ScratchPostgres pg;
  const auto first = RunCommitted(SharedProvider(), pg.url(), ShippedMappings());
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  auto db = testing::OpenOrFail(pg.url(), db::OpenMode::kMustExist);
  ASSERT_NE(db, nullptr);
  ASSERT_EQ(LedgerKeys(*db), 1);
  // Built after the lines: its catalogue row is younger than every line.
  EXPECT_EQ(testing::QueryIntOrFail(
                *db, "SELECT CASE WHEN (SELECT xmin::text::bigint FROM pg_constraint WHERE conname = "
                     "'migration_ledger_pkey') > (SELECT max(xmin::text::bigint) FROM migration_ledger) THEN 1 "
                     "ELSE 0 END"),
            1);
  const int64_t lines = testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_ledger");
  EXPECT_GT(lines, 1000);

  // A run that stopped with the key set aside, and a second line for a record.
  ASSERT_TRUE(db->ExecuteScriptAtomically(
                    "ALTER TABLE migration_ledger DROP CONSTRAINT migration_ledger_pkey;\n"
                    "INSERT INTO migration_set_aside (run_id, table_name, constraint_name, definition) VALUES "
                    "(1, 'migration_ledger', 'migration_ledger_pkey', 'PRIMARY KEY (run_id, mapping, source_row)');\n"
                    "INSERT INTO migration_ledger SELECT * FROM migration_ledger WHERE mapping = 'contact' AND "
                    "source_row = 7;\n",
                    "damaging the ledger")
                  .ok());
  const auto stopped = RunCommitted(SharedProvider(), pg.url(), ShippedMappings());
  ExpectErrorLast(stopped, {"primary key migration_ledger.migration_ledger_pkey could not be built again",
                            "HAVING count(*) > 1", "run again"});
  EXPECT_EQ(LedgerKeys(*db), 0);
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_set_aside"), 1) << "still to be built";
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_run"), 1) << "no run was opened";
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_ledger"), lines + 1) << "nothing written";

  ASSERT_TRUE(db->Execute("DELETE FROM migration_ledger a USING migration_ledger b WHERE a.ctid > b.ctid AND "
                          "a.run_id = b.run_id AND a.mapping = b.mapping AND a.source_row = b.source_row",
                          "putting the ledger right")
                  .ok());
  const auto again = RunCommitted(SharedProvider(), pg.url(), ShippedMappings());
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_EQ(LedgerKeys(*db), 1);
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_set_aside"), 0);
  // Built before the run decided there was nothing to do.
  EXPECT_NE(again.out.find("nothing to do: run 1 already migrated this source"), std::string::npos) << again.out;
}

}  // namespace
}  // namespace handover
