// CrosswalkStore on an SQLite target: id numbering, Record/Discard/Flush, and stable ids across runs.
#include "load/crosswalk_store.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <memory>
#include <string>

#include "load/migration_tables.h"
#include "load/run_record.h"
#include "tests/support/test_support.h"

namespace handover::load {
namespace {

class CrosswalkStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    target_ = testing::OpenOrFail("sqlite:" + file_.string());
    ASSERT_NE(target_, nullptr);
    ASSERT_TRUE(EnsureMigrationTables(*target_).ok());
    auto run = OpenRun(*target_, RunInfo{});
    ASSERT_TRUE(run.ok()) << run.status().message();
    run_id_ = *run;
    auto store = CrosswalkStore::Open(*target_, "provider", run_id_, {"person", "payment"});
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
  }

  // Flushes the store inside a transaction of its own and commits it, as the
  // load engine does once per batch.
  void FlushAndCommit() {
    ASSERT_TRUE(target_->Begin("test").ok());
    const core::Status flushed = store_->Flush();
    ASSERT_TRUE(flushed.ok()) << flushed.message();
    ASSERT_TRUE(target_->Commit("test").ok());
    store_->Committed();
  }

  // Records the id IdFor proposes and returns it.
  int64_t RecordNext(const std::string& entity, const std::string& key) {
    const int64_t id = store_->IdFor(entity, key);
    store_->Record(entity, key, id);
    return id;
  }

  testing::TempDir dir_;
  std::filesystem::path file_ = dir_ / "target.db";
  std::unique_ptr<db::Database> target_;
  int64_t run_id_ = 0;
  std::unique_ptr<CrosswalkStore> store_;
};

TEST_F(CrosswalkStoreTest, IdForHandsConsecutiveIdsPerEntity) {
  EXPECT_EQ(run_id_, 1);
  // Asking twice without recording proposes the same id.
  EXPECT_EQ(store_->IdFor("person", "C001"), 1);
  EXPECT_EQ(store_->IdFor("person", "C002"), 1);
  EXPECT_EQ(RecordNext("person", "C001"), 1);
  EXPECT_EQ(RecordNext("person", "C002"), 2);
  EXPECT_EQ(RecordNext("person", "C003"), 3);
  // Another entity numbers on its own, from 1.
  EXPECT_EQ(store_->IdFor("payment", "P1"), 1);
  EXPECT_EQ(RecordNext("payment", "P1"), 1);
  EXPECT_EQ(RecordNext("payment", "P2"), 2);
  EXPECT_EQ(store_->IdFor("person", "C004"), 4);
  EXPECT_EQ(store_->IdFor("payment", "P3"), 3);
  // A recorded key keeps the id it was given.
  EXPECT_EQ(store_->IdFor("person", "C002"), 2);
  EXPECT_EQ(store_->IdFor("payment", "P1"), 1);
}

TEST_F(CrosswalkStoreTest, RecordMakesTheIdPermanentAndLookupFindsIt) {
  EXPECT_EQ(store_->Lookup("person", "C001"), std::nullopt);
  EXPECT_EQ(RecordNext("person", "C001"), 1);
  EXPECT_EQ(RecordNext("person", "C002"), 2);
  EXPECT_EQ(store_->Lookup("person", "C001"), std::optional<int64_t>(1));
  EXPECT_EQ(store_->Lookup("person", "C002"), std::optional<int64_t>(2));
  // Keys are per entity.
  EXPECT_EQ(store_->Lookup("payment", "C001"), std::nullopt);
  // Recording a known key again is a no-op: it keeps its first id.
  store_->Record("person", "C001", 99);
  EXPECT_EQ(store_->Lookup("person", "C001"), std::optional<int64_t>(1));
  EXPECT_EQ(store_->IdFor("person", "C003"), 3);
  // A merged duplicate is recorded with its survivor's id: numbering does not move.
  store_->Record("person", "C009", 1);
  EXPECT_EQ(store_->Lookup("person", "C009"), std::optional<int64_t>(1));
  EXPECT_EQ(store_->IdFor("person", "C003"), 3);

  FlushAndCommit();
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_crosswalk"), 3);
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT sum(council_id) FROM migration_crosswalk"), 1 + 2 + 1);
  EXPECT_EQ(testing::QueryIntOrFail(*target_,
                         "SELECT council_id FROM migration_crosswalk WHERE legacy_system = 'provider' AND "
                         "entity = 'person' AND legacy_key = 'C009' AND first_run_id = 1"),
            1);
}

TEST_F(CrosswalkStoreTest, DiscardForgetsUnflushedEntriesAndReusesTheirIds) {
  EXPECT_EQ(RecordNext("person", "C001"), 1);
  EXPECT_EQ(RecordNext("person", "C002"), 2);
  FlushAndCommit();

  // A batch that is rolled back.
  ASSERT_TRUE(target_->Begin("test").ok());
  EXPECT_EQ(RecordNext("person", "C003"), 3);
  EXPECT_EQ(RecordNext("person", "C004"), 4);
  EXPECT_EQ(RecordNext("payment", "P1"), 1);
  store_->Record("person", "C001", 1);  // already recorded by a committed batch of this run
  EXPECT_TRUE(store_->SeenThisRun("person", "C003"));
  EXPECT_TRUE(store_->SeenThisRun("person", "C001"));
  target_->Rollback();
  store_->Discard();

  EXPECT_EQ(store_->Lookup("person", "C003"), std::nullopt);
  EXPECT_EQ(store_->Lookup("person", "C004"), std::nullopt);
  EXPECT_EQ(store_->Lookup("payment", "P1"), std::nullopt);
  EXPECT_FALSE(store_->SeenThisRun("person", "C003"));
  // Flushed entries survive the Discard, and so does their being seen this run.
  EXPECT_TRUE(store_->SeenThisRun("person", "C001"));
  EXPECT_EQ(store_->Lookup("person", "C001"), std::optional<int64_t>(1));
  EXPECT_EQ(store_->Lookup("person", "C002"), std::optional<int64_t>(2));
  // The next id handed out is the one the discarded entry had.
  EXPECT_EQ(store_->IdFor("person", "C005"), 3);
  EXPECT_EQ(store_->IdFor("payment", "P2"), 1);

  // The discarded rows are not written by the next Flush either.
  EXPECT_EQ(RecordNext("person", "C005"), 3);
  FlushAndCommit();
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_crosswalk"), 3);
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_crosswalk WHERE legacy_key IN ('C003', 'C004', 'P1')"),
            0);
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT council_id FROM migration_crosswalk WHERE legacy_key = 'C005'"), 3);
}

TEST_F(CrosswalkStoreTest, AFlushedBatchThatIsRolledBackIsForgottenToo) {
  EXPECT_EQ(RecordNext("person", "C001"), 1);
  FlushAndCommit();
  // The crosswalk reached the server, then something later in the batch
  // failed and the transaction was rolled back.
  ASSERT_TRUE(target_->Begin("test").ok());
  EXPECT_EQ(RecordNext("person", "C002"), 2);
  ASSERT_TRUE(store_->Flush().ok());
  target_->Rollback();
  store_->Discard();
  EXPECT_EQ(store_->Lookup("person", "C002"), std::nullopt);
  EXPECT_FALSE(store_->SeenThisRun("person", "C002")) << "a replay would reject the row as a duplicate key";
  EXPECT_EQ(store_->IdFor("person", "C002"), 2);
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_crosswalk"), 1);
}

TEST_F(CrosswalkStoreTest, IdsAreStableAcrossRunsAndNumberingContinues) {
  EXPECT_EQ(RecordNext("person", "C001"), 1);
  EXPECT_EQ(RecordNext("person", "C002"), 2);
  EXPECT_EQ(RecordNext("person", "C003"), 3);
  store_->Record("person", "C003-DUP", 3);  // a merged duplicate
  EXPECT_EQ(RecordNext("payment", "P1"), 1);
  FlushAndCommit();
  // Something recorded after the last Flush and never committed.
  EXPECT_EQ(RecordNext("person", "C004"), 4);
  store_.reset();
  target_.reset();

  // A second rehearsal: a new session, a new run, a new store.
  target_ = testing::OpenOrFail("sqlite:" + file_.string());
  ASSERT_NE(target_, nullptr);
  ASSERT_TRUE(EnsureMigrationTables(*target_).ok());
  auto run = OpenRun(*target_, RunInfo{});
  ASSERT_TRUE(run.ok()) << run.status().message();
  EXPECT_EQ(*run, 2);
  auto reopened = CrosswalkStore::Open(*target_, "provider", *run, {"person", "payment"});
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  store_ = std::move(*reopened);

  EXPECT_EQ(store_->Lookup("person", "C001"), std::optional<int64_t>(1));
  EXPECT_EQ(store_->Lookup("person", "C002"), std::optional<int64_t>(2));
  EXPECT_EQ(store_->Lookup("person", "C003"), std::optional<int64_t>(3));
  EXPECT_EQ(store_->Lookup("person", "C003-DUP"), std::optional<int64_t>(3));
  EXPECT_EQ(store_->Lookup("payment", "P1"), std::optional<int64_t>(1));
  EXPECT_EQ(store_->Lookup("person", "C004"), std::nullopt);  // was never flushed
  EXPECT_EQ(store_->IdFor("person", "C002"), 2);
  // New keys continue after the largest id of each entity.
  EXPECT_EQ(store_->IdFor("person", "C004"), 4);
  EXPECT_EQ(store_->IdFor("payment", "P2"), 2);
  // Nothing is "seen this run" until this run records it.
  EXPECT_FALSE(store_->SeenThisRun("person", "C001"));

  store_->Record("person", "C001", store_->IdFor("person", "C001"));
  EXPECT_EQ(RecordNext("person", "C004"), 4);
  FlushAndCommit();
  // C001 already had a row; only C004 is new, and it belongs to run 2.
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_crosswalk"), 6);
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_crosswalk WHERE first_run_id = 1"), 5);
  EXPECT_EQ(testing::QueryIntOrFail(*target_,
                         "SELECT council_id FROM migration_crosswalk WHERE first_run_id = 2 AND legacy_key = 'C004'"),
            4);

  // The crosswalk belongs to one legacy system.
  auto other = CrosswalkStore::Open(*target_, "other_provider", *run, {"person", "payment"});
  ASSERT_TRUE(other.ok()) << other.status().message();
  EXPECT_EQ((*other)->Lookup("person", "C001"), std::nullopt);
}

TEST_F(CrosswalkStoreTest, SeenThisRunOnlyForKeysRecordedInThisRun) {
  EXPECT_EQ(RecordNext("person", "C001"), 1);
  FlushAndCommit();
  auto second = CrosswalkStore::Open(*target_, "provider", run_id_ + 1, {"person", "payment"});
  ASSERT_TRUE(second.ok()) << second.status().message();
  CrosswalkStore& store = **second;
  EXPECT_EQ(store.Lookup("person", "C001"), std::optional<int64_t>(1));
  EXPECT_FALSE(store.SeenThisRun("person", "C001"));  // known from an earlier run only
  EXPECT_FALSE(store.SeenThisRun("person", "C002"));

  // IdFor and Lookup do not mark a key as seen; Record does.
  EXPECT_EQ(store.IdFor("person", "C002"), 2);
  EXPECT_FALSE(store.SeenThisRun("person", "C002"));
  store.Record("person", "C002", 2);
  EXPECT_TRUE(store.SeenThisRun("person", "C002"));
  store.Record("person", "C001", 1);
  EXPECT_TRUE(store.SeenThisRun("person", "C001"));
  // Per entity.
  EXPECT_FALSE(store.SeenThisRun("payment", "C002"));
  EXPECT_FALSE(store.SeenThisRun("person", "C003"));

  // Rolled back: neither key counts as seen any more; the earlier run's id stays.
  store.Discard();
  EXPECT_FALSE(store.SeenThisRun("person", "C001"));
  EXPECT_FALSE(store.SeenThisRun("person", "C002"));
  EXPECT_EQ(store.Lookup("person", "C001"), std::optional<int64_t>(1));
  EXPECT_EQ(store.Lookup("person", "C002"), std::nullopt);
  EXPECT_EQ(store.IdFor("person", "C002"), 2);
}

// Records this run rejected or excluded are told apart from keys no record
// had; a rolled-back batch forgets them, and a resumed run finds them again
// in its ledger.
TEST_F(CrosswalkStoreTest, RecordsNotLoadedAreRemembered) {
  ASSERT_TRUE(target_->Begin("test").ok());
  store_->RecordNotLoaded("person", "C7", /*excluded=*/true, "soft_deleted");
  store_->RecordNotLoaded("person", "C8", /*excluded=*/false, "unreadable_dob");
  store_->RecordNotLoaded("payment", "P1", false, "x");  // resident too, here
  store_->Committed();
  ASSERT_TRUE(target_->Commit("test").ok());
  ASSERT_TRUE(store_->WhyNotLoaded("person", "C7").has_value());
  EXPECT_TRUE(store_->WhyNotLoaded("person", "C7")->excluded);
  EXPECT_EQ(store_->WhyNotLoaded("person", "C7")->reason_code, "soft_deleted");
  EXPECT_FALSE(store_->WhyNotLoaded("person", "C8")->excluded);
  EXPECT_EQ(store_->WhyNotLoaded("person", "C8")->reason_code, "unreadable_dob");
  EXPECT_EQ(store_->WhyNotLoaded("person", "C9"), std::nullopt);
  store_->RecordNotLoaded("person", "C9", false, "unreadable_dob");
  store_->Discard();
  EXPECT_EQ(store_->WhyNotLoaded("person", "C9"), std::nullopt) << "rolled back";

  ASSERT_TRUE(target_->Execute("INSERT INTO migration_ledger (run_id, mapping, source_row, legacy_key, outcome, "
                               "reason_code) VALUES (1, 'person', 3, 'C3', 'excluded', 'test_record')",
                               "test")
                  .ok());
  auto resumed = CrosswalkStore::Open(*target_, "provider", run_id_, {"person"});
  ASSERT_TRUE(resumed.ok()) << resumed.status().message();
  const auto why = (*resumed)->WhyNotLoaded("person", "C3");
  ASSERT_TRUE(why.has_value());
  EXPECT_TRUE(why->excluded);
  EXPECT_EQ(why->reason_code, "test_record");
  auto next_run = CrosswalkStore::Open(*target_, "provider", run_id_ + 1, {"person"});
  ASSERT_TRUE(next_run.ok());
  EXPECT_EQ((*next_run)->WhyNotLoaded("person", "C3"), std::nullopt) << "another run's outcomes are its own";
}

// An entity no mapping resolves through xref() is not held in memory: its
// entries are read for each batch's keys and forgotten at the next batch.
TEST_F(CrosswalkStoreTest, ANonResidentEntityIsReadBatchByBatch) {
  EXPECT_EQ(RecordNext("payment", "P1"), 1);
  EXPECT_EQ(RecordNext("payment", "P2"), 2);
  FlushAndCommit();
  auto second = CrosswalkStore::Open(*target_, "provider", run_id_, {"person"});
  ASSERT_TRUE(second.ok()) << second.status().message();
  CrosswalkStore& store = **second;
  EXPECT_EQ(store.Lookup("payment", "P1"), std::nullopt) << "not resident, not yet read";
  EXPECT_EQ(store.IdFor("payment", "P3"), 3) << "new ids continue after the largest, even unread";
  ASSERT_TRUE(store.Prefetch("payment", {"P1", "P9"}).ok());
  EXPECT_EQ(store.Lookup("payment", "P1"), std::optional<int64_t>(1));
  EXPECT_TRUE(store.SeenThisRun("payment", "P1")) << "recorded by this run (resuming it)";
  EXPECT_EQ(store.Lookup("payment", "P9"), std::nullopt);
  store.Record("payment", "P9", store.IdFor("payment", "P9"));
  ASSERT_TRUE(target_->Begin("test").ok());
  ASSERT_TRUE(store.Flush().ok());
  ASSERT_TRUE(target_->Commit("test").ok());
  store.Committed();
  // The next batch forgets the last one's keys, and reads them again if it needs them.
  ASSERT_TRUE(store.Prefetch("payment", {"P2"}).ok());
  EXPECT_EQ(store.Lookup("payment", "P1"), std::nullopt);
  EXPECT_EQ(store.Lookup("payment", "P9"), std::nullopt);
  EXPECT_EQ(store.Lookup("payment", "P2"), std::optional<int64_t>(2));
  ASSERT_TRUE(store.Prefetch("payment", {"P9"}).ok());
  EXPECT_EQ(store.Lookup("payment", "P9"), std::optional<int64_t>(3));
  EXPECT_TRUE(store.SeenThisRun("payment", "P9"));
}

TEST_F(CrosswalkStoreTest, AFirstLoadOfANonResidentEntityStillFindsItsOwnKeysInLaterBatches) {
  // No payment entry exists when the run begins: only keys this run
  // recorded can be found, and they must be, batch after batch.
  auto opened = CrosswalkStore::Open(*target_, "provider", run_id_, {"person"});
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  CrosswalkStore& store = **opened;
  const auto commit = [&] {
    ASSERT_TRUE(target_->Begin("test").ok());
    ASSERT_TRUE(store.Flush().ok());
    ASSERT_TRUE(target_->Commit("test").ok());
    store.Committed();
  };
  std::vector<std::string> first;
  for (int i = 0; i < 20000; ++i) first.push_back("PAY" + std::to_string(i));
  ASSERT_TRUE(store.Prefetch("payment", first).ok());
  for (const std::string& key : first) {
    ASSERT_FALSE(store.SeenThisRun("payment", key));
    store.Record("payment", key, store.IdFor("payment", key));
  }
  commit();
  // A later batch repeats two keys of the first among new ones.
  std::vector<std::string> later = {"PAY7", "NEW1", "PAY19999", "NEW2"};
  ASSERT_TRUE(store.Prefetch("payment", later).ok());
  EXPECT_TRUE(store.SeenThisRun("payment", "PAY7"));
  EXPECT_EQ(store.Lookup("payment", "PAY7"), std::optional<int64_t>(8));
  EXPECT_TRUE(store.SeenThisRun("payment", "PAY19999"));
  EXPECT_EQ(store.Lookup("payment", "PAY19999"), std::optional<int64_t>(20000));
  EXPECT_FALSE(store.SeenThisRun("payment", "NEW1"));
  EXPECT_EQ(store.IdFor("payment", "NEW1"), 20001);
  // Another entity's keys are not this one's.
  ASSERT_TRUE(store.Prefetch("allocation", {"PAY7"}).ok());
  EXPECT_FALSE(store.SeenThisRun("allocation", "PAY7"));
}

TEST_F(CrosswalkStoreTest, SentEntriesAreWrittenBySyncWhileTheNextBatchIsRecorded) {
  // SQLite inserts sent entries on a thread of their own: the next batch
  // is recorded meanwhile, into a buffer of its own.
  ASSERT_TRUE(target_->Begin("test").ok());
  for (int i = 1; i <= 8; ++i) RecordNext("person", "C" + std::to_string(i));
  const core::Status sent = store_->Send();
  ASSERT_TRUE(sent.ok()) << sent.message();
  for (int i = 9; i <= 1008; ++i) RecordNext("person", "C" + std::to_string(i));
  const core::Status synced = store_->Sync();
  ASSERT_TRUE(synced.ok()) << synced.message();
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_crosswalk"), 8)
      << "the entries sent, not those recorded since";
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT sum(council_id) FROM migration_crosswalk"), 8 * 9 / 2);
  const core::Status flushed = store_->Flush();
  ASSERT_TRUE(flushed.ok()) << flushed.message();
  ASSERT_TRUE(target_->Commit("test").ok());
  store_->Committed();
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_crosswalk"), 1008);
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT sum(council_id) FROM migration_crosswalk"), 1008 * 1009 / 2);
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_crosswalk WHERE legacy_key = 'C' || "
                                              "council_id"),
            1008);
}

TEST_F(CrosswalkStoreTest, AnEntryTheTargetRefusesAfterSendIsReportedBySync) {
  ASSERT_TRUE(target_->Execute("CREATE TRIGGER refuse BEFORE INSERT ON migration_crosswalk WHEN NEW.council_id = 2 "
                               "BEGIN SELECT RAISE(ABORT, 'no room for the crosswalk'); END",
                               "trigger")
                  .ok());
  ASSERT_TRUE(target_->Begin("test").ok());
  for (int i = 1; i <= 3; ++i) RecordNext("person", "C" + std::to_string(i));
  ASSERT_TRUE(store_->Send().ok()) << "the refusal comes with the answer";
  const core::Status synced = store_->Sync();
  target_->Rollback();
  store_->Discard();
  ASSERT_FALSE(synced.ok());
  EXPECT_NE(synced.message().find("writing 3 rows to migration_crosswalk"), std::string::npos) << synced.message();
  EXPECT_NE(synced.message().find("no room for the crosswalk"), std::string::npos) << synced.message();
  EXPECT_EQ(testing::QueryIntOrFail(*target_, "SELECT count(*) FROM migration_crosswalk"), 0);
  EXPECT_EQ(store_->Lookup("person", "C1"), std::nullopt);
}

}  // namespace
}  // namespace handover::load
