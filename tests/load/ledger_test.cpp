// Ledger on an SQLite target: ledger and exception rows read back by SQL, Discard, SuggestedAction.
#include "load/ledger.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <memory>
#include <set>
#include <string>

#include "load/migration_tables.h"
#include "load/run_record.h"
#include "tests/support/test_support.h"

namespace handover::load {
namespace {

class LedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    target_ = testing::OpenOrFail("sqlite:" + (dir_ / "target.db").string());
    ASSERT_NE(target_, nullptr);
    ASSERT_TRUE(EnsureMigrationTables(*target_).ok());
    auto run = OpenRun(*target_, RunInfo{});
    ASSERT_TRUE(run.ok()) << run.status().message();
    run_id_ = *run;
  }

  int64_t Int(const std::string& sql) { return testing::QueryIntOrFail(*target_, sql); }

  std::vector<std::vector<std::string>> Rows(const std::string& sql, size_t columns) {
    auto rows = target_->QueryRows(sql, columns, "test query");
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() ? *rows : std::vector<std::vector<std::string>>{};
  }

  void FlushAndCommit(Ledger& ledger) {
    target_->session().begin();
    const core::Status flushed = ledger.Flush();
    ASSERT_TRUE(flushed.ok()) << flushed.message();
    target_->session().commit();
  }

  // Two mappings' worth of entries: person (6 records, 2 exceptions) and
  // payment (2 records, 1 exception).
  void AddTwoMappings(Ledger& ledger) {
    ledger.BeginMapping("person", "client");
    ledger.Add({1, "C1", LedgerOutcome::kLoaded, "", 1, 1000});
    ledger.Add({2, "C2", LedgerOutcome::kLoaded, "", 2, 2550});
    ledger.Add({3, "C3", LedgerOutcome::kRejected, "unreadable_dob", std::nullopt, 700});
    ledger.Add({4, "C4", LedgerOutcome::kExcluded, "soft_deleted", std::nullopt, -300});
    ledger.Add({5, "C5", LedgerOutcome::kMerged, "duplicate", 1, 125});
    ledger.Add({6, std::nullopt, LedgerOutcome::kLoaded, "", 3, std::nullopt});
    ledger.AddException({3, "C3", LedgerOutcome::kRejected, "unreadable_dob", "unreadable date of birth", "dob",
                         "31/02/2002", SuggestedAction(LedgerOutcome::kRejected, "unreadable_dob")});
    ledger.AddException({5, "C5", LedgerOutcome::kMerged, "duplicate", "merged into legacy record C1", "", "",
                         SuggestedAction(LedgerOutcome::kMerged, "duplicate")});
    ledger.BeginMapping("payment", "payments");
    ledger.Add({1, "P1", LedgerOutcome::kLoaded, "", 1, 657649925});
    ledger.Add({2, "P2", LedgerOutcome::kRejected, "orphan", std::nullopt, -1250});
    ledger.AddException({2, "P2", LedgerOutcome::kRejected, "orphan", "no client with legacy key X9",
                         "client_ref", "X9", SuggestedAction(LedgerOutcome::kRejected, "orphan")});
  }

  testing::TempDir dir_;
  std::unique_ptr<db::Database> target_;
  int64_t run_id_ = 0;
};

TEST(LedgerOutcomeNames, AreTheLedgerColumnValues) {
  EXPECT_STREQ(LedgerOutcomeName(LedgerOutcome::kLoaded), "loaded");
  EXPECT_STREQ(LedgerOutcomeName(LedgerOutcome::kRejected), "rejected");
  EXPECT_STREQ(LedgerOutcomeName(LedgerOutcome::kExcluded), "excluded");
  EXPECT_STREQ(LedgerOutcomeName(LedgerOutcome::kMerged), "merged");
}

TEST_F(LedgerTest, FlushedEntriesAndExceptionsReadBackExactly) {
  Ledger ledger(*target_, run_id_);
  AddTwoMappings(ledger);
  // Nothing reaches the table before Flush.
  EXPECT_EQ(Int("SELECT count(*) FROM migration_ledger"), 0);
  FlushAndCommit(ledger);

  EXPECT_EQ(Int("SELECT count(*) FROM migration_ledger"), 8);
  EXPECT_EQ(Int("SELECT count(*) FROM migration_ledger WHERE run_id = " + std::to_string(run_id_)), 8);
  EXPECT_EQ(Int("SELECT count(*) FROM migration_ledger WHERE mapping = 'person'"), 6);
  EXPECT_EQ(Int("SELECT count(*) FROM migration_ledger WHERE mapping = 'payment'"), 2);
  EXPECT_EQ(Int("SELECT sum(amount_pence) FROM migration_ledger WHERE mapping = 'person'"),
            1000 + 2550 + 700 - 300 + 125);
  EXPECT_EQ(Int("SELECT sum(amount_pence) FROM migration_ledger WHERE mapping = 'payment'"), 657649925 - 1250);
  // The record without an amount is NULL, not 0.
  EXPECT_EQ(Int("SELECT count(amount_pence) FROM migration_ledger WHERE mapping = 'person'"), 5);
  EXPECT_EQ(Int("SELECT count(*) FROM migration_ledger WHERE legacy_key IS NULL"), 1);

  const auto by_outcome = Rows(
      "SELECT mapping, outcome, CAST(count(*) AS VARCHAR(20)), CAST(sum(amount_pence) AS VARCHAR(20)) "
      "FROM migration_ledger GROUP BY mapping, outcome ORDER BY mapping, outcome",
      4);
  const std::vector<std::vector<std::string>> expected_outcomes = {
      {"payment", "loaded", "1", "657649925"}, {"payment", "rejected", "1", "-1250"},
      {"person", "excluded", "1", "-300"},      {"person", "loaded", "3", "3550"},
      {"person", "merged", "1", "125"},         {"person", "rejected", "1", "700"},
  };
  EXPECT_EQ(by_outcome, expected_outcomes);

  // Loaded records have no reason code (NULL, not ''); the others keep theirs.
  EXPECT_EQ(Int("SELECT count(*) FROM migration_ledger WHERE outcome = 'loaded' AND reason_code IS NULL"), 4);
  EXPECT_EQ(Int("SELECT count(*) FROM migration_ledger WHERE reason_code IS NOT NULL"), 4);
  const auto reasons = Rows(
      "SELECT mapping, CAST(source_row AS VARCHAR(20)), reason_code FROM migration_ledger "
      "WHERE reason_code IS NOT NULL ORDER BY mapping, source_row",
      3);
  const std::vector<std::vector<std::string>> expected_reasons = {
      {"payment", "2", "orphan"},
      {"person", "3", "unreadable_dob"},
      {"person", "4", "soft_deleted"},
      {"person", "5", "duplicate"},
  };
  EXPECT_EQ(reasons, expected_reasons);
  EXPECT_EQ(Int("SELECT target_key FROM migration_ledger WHERE mapping = 'person' AND outcome = 'merged'"), 1);
  EXPECT_EQ(Int("SELECT count(target_key) FROM migration_ledger"), 5);
  EXPECT_EQ(Int("SELECT sum(target_key) FROM migration_ledger WHERE mapping = 'person'"), 1 + 2 + 1 + 3);

  EXPECT_EQ(Int("SELECT count(*) FROM migration_exception"), 3);
  const auto exceptions = Rows(
      "SELECT mapping, source_table, CAST(source_row AS VARCHAR(20)), legacy_key, outcome, reason_code, reason, "
      "COALESCE(column_name, '<null>'), COALESCE(value_seen, '<null>'), action "
      "FROM migration_exception WHERE run_id = " + std::to_string(run_id_) + " ORDER BY mapping, source_row",
      10);
  const std::vector<std::vector<std::string>> expected_exceptions = {
      {"payment", "payments", "2", "P2", "rejected", "orphan", "no client with legacy key X9", "client_ref", "X9",
       SuggestedAction(LedgerOutcome::kRejected, "orphan")},
      {"person", "client", "3", "C3", "rejected", "unreadable_dob", "unreadable date of birth", "dob", "31/02/2002",
       SuggestedAction(LedgerOutcome::kRejected, "unreadable_dob")},
      {"person", "client", "5", "C5", "merged", "duplicate", "merged into legacy record C1", "<null>", "<null>",
       SuggestedAction(LedgerOutcome::kMerged, "duplicate")},
  };
  EXPECT_EQ(exceptions, expected_exceptions);
}

TEST_F(LedgerTest, DiscardDropsUnflushedEntries) {
  Ledger ledger(*target_, run_id_);
  AddTwoMappings(ledger);
  FlushAndCommit(ledger);
  ASSERT_EQ(Int("SELECT count(*) FROM migration_ledger"), 8);
  ASSERT_EQ(Int("SELECT count(*) FROM migration_exception"), 3);

  // A batch that is rolled back.
  target_->session().begin();
  ledger.BeginMapping("person", "client");
  ledger.Add({7, "C7", LedgerOutcome::kLoaded, "", 4, 5000});
  ledger.Add({8, "C8", LedgerOutcome::kRejected, "orphan", std::nullopt, 40});
  ledger.AddException({8, "C8", LedgerOutcome::kRejected, "orphan", "no parent", "", "",
                       SuggestedAction(LedgerOutcome::kRejected, "orphan")});
  target_->session().rollback();
  ledger.Discard();

  // A later Flush writes only what was added after the Discard.
  ledger.Add({9, "C9", LedgerOutcome::kLoaded, "", 5, 77});
  FlushAndCommit(ledger);
  EXPECT_EQ(Int("SELECT count(*) FROM migration_ledger"), 9);
  EXPECT_EQ(Int("SELECT count(*) FROM migration_ledger WHERE source_row IN (7, 8) AND mapping = 'person'"), 0);
  EXPECT_EQ(Int("SELECT amount_pence FROM migration_ledger WHERE mapping = 'person' AND source_row = 9"), 77);
  EXPECT_EQ(Int("SELECT sum(amount_pence) FROM migration_ledger WHERE mapping = 'person'"), 4075 + 77);
  EXPECT_EQ(Int("SELECT count(*) FROM migration_exception"), 3);
  EXPECT_EQ(Int("SELECT count(*) FROM migration_exception WHERE legacy_key = 'C8'"), 0);
}

TEST(SuggestedActions, DifferByKindOfProblem) {
  const std::string rejected = SuggestedAction(LedgerOutcome::kRejected, "unreadable_dob");
  const std::string merged = SuggestedAction(LedgerOutcome::kMerged, "duplicate");
  const std::string orphan = SuggestedAction(LedgerOutcome::kRejected, "orphan");
  const std::string duplicate_key = SuggestedAction(LedgerOutcome::kRejected, "duplicate_key");
  const std::string missing_key = SuggestedAction(LedgerOutcome::kRejected, "missing_key");
  const std::string unmapped = SuggestedAction(LedgerOutcome::kRejected, "unmapped_code");
  const std::string refused = SuggestedAction(LedgerOutcome::kRejected, "target_rejected");
  for (const std::string* text : {&rejected, &merged, &orphan, &duplicate_key, &missing_key, &unmapped, &refused})
    EXPECT_GE(text->size(), 20u) << *text;
  const std::set<std::string> distinct = {rejected, merged, orphan, duplicate_key, missing_key, unmapped, refused};
  EXPECT_EQ(distinct.size(), 7u);
  EXPECT_NE(merged.find("same person"), std::string::npos) << merged;
  EXPECT_NE(orphan.find("parent"), std::string::npos) << orphan;
  EXPECT_NE(unmapped.find("code set"), std::string::npos) << unmapped;
  // A merge gets the merge advice whatever its reason code.
  EXPECT_EQ(SuggestedAction(LedgerOutcome::kMerged, "orphan"), merged);
  // A rule's own code that merely contains "code" is not a code-set problem.
  EXPECT_EQ(SuggestedAction(LedgerOutcome::kRejected, "bad_postcode"), rejected);
}

}  // namespace
}  // namespace handover::load
