// MappingLoader: loads one compiled mapping, batch by batch (see load_engine.h
// for the guarantees). Internal to the load stage.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "core/row_batch.h"
#include "load/crosswalk_store.h"
#include "load/ledger.h"
#include "load/load_engine.h"
#include "load/merge_plan.h"
#include "load/run_progress.h"
#include "db/table_writer.h"

namespace handover::load {

class MappingLoader {
 public:
  MappingLoader(const transform::CompiledMapping& mapping, db::Database& target, CrosswalkStore& crosswalk,
                Ledger& ledger, std::optional<MergePlan> merge_plan, const transform::LookupTables* lookups);

  // Loads one batch in its own transaction; replays it row by row if the
  // target refuses it. Fails only if the target cannot be written at all.
  core::Status LoadBatch(const core::RowBatch& batch);
  // Resolves merged duplicates to their survivors' council ids and records
  // the mapping as finished (call once, after the last batch).
  core::Status Finish();

  // Adds the time batches spend evaluating and writing to `stages`.
  void CountTimeIn(StageSeconds& stages) { stages_ = &stages; }

  // Resuming an interrupted run: start from what it committed...
  void Resume(const MappingProgress& progress);
  // ...and pass it the rows it committed (ordinals up to
  // progress.last_source_row), which only finds their duplicates again.
  core::Status ReplayForMerges(const core::RowBatch& batch);

  const MappingCounts& counts() const { return counts_; }
  // Rows the target refused so far, and the first one's reason.
  int64_t target_rejects() const { return target_rejects_; }
  const std::string& first_target_reject() const { return first_target_reject_; }

 private:
  // Decides one row's fate and buffers its writes; adds to `tally`.
  void ProcessRow(std::span<const core::Value> row, int64_t ordinal, MappingCounts& tally);
  void Reject(int64_t ordinal, const std::optional<std::string>& key, const std::string& code,
              const std::string& reason, const std::string& column, const std::string& value,
              MappingCounts& tally, std::optional<int64_t> amount = std::nullopt);
  core::Status FlushAll();
  void DiscardAll();
  // Records the progress the batch makes (with `tally`), commits, and adds
  // the tally to the counts.
  core::Status Commit(const std::string& what, const MappingCounts& tally, bool finished = false);
  void AddTally(const MappingCounts& tally);

  struct PendingMerge {
    int64_t ordinal;
    std::string legacy_key;
    std::string survivor_key;
    std::optional<int64_t> amount;
  };

  const transform::CompiledMapping& mapping_;
  db::Database& target_;
  CrosswalkStore& crosswalk_;
  Ledger& ledger_;
  std::optional<MergePlan> merge_plan_;
  const transform::LookupTables* lookups_;  // null when the mapping has none
  std::vector<std::unique_ptr<db::TableWriter>> writers_;  // one per mapping target
  std::vector<PendingMerge> pending_merges_;
  std::vector<PendingMerge> batch_merges_;
  transform::RowOutcome outcome_;
  MappingCounts counts_;
  std::vector<int64_t> written_before_;
  StageSeconds* stages_ = nullptr;
  int64_t target_rejects_ = 0;
  std::string first_target_reject_;
  double unclocked_ = 0;  // where time goes when nobody counts it  // per target: rows an interrupted run already wrote
  int64_t batches_ = 0;
};

}  // namespace handover::load
