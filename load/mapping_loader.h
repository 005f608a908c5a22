// MappingLoader: loads one compiled mapping, batch by batch (see load_engine.h
// for the guarantees). Internal to the load stage; its delta side is in
// mapping_loader_delta.cpp.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "core/row_batch.h"
#include "load/crosswalk_store.h"
#include "load/delta_base.h"
#include "load/ledger.h"
#include "load/load_engine.h"
#include "load/merge_plan.h"
#include "load/reference_check.h"
#include "load/run_progress.h"
#include "db/table_writer.h"

namespace handover::load {

class MappingLoader {
 public:
  MappingLoader(const transform::CompiledMapping& mapping, db::Database& target, CrosswalkStore& crosswalk,
                Ledger& ledger, std::optional<MergePlan> merge_plan, const transform::LookupTables* lookups,
                ReferenceCheck* references = nullptr);

  // Completes the batch still in flight (see LoadBatch).
  ~MappingLoader();

  // Loads one batch in its own transaction; replays it row by row if the
  // target refuses it. Fails only if the target cannot be written at all.
  // The batch's last step (its crosswalk entries' answer and the commit) is
  // left in flight, so the server writes them while the next batch is evaluated:
  // the loader's next statement, Finish() or Settle() completes it first.
  core::Status LoadBatch(const core::RowBatch& batch);
  // Completes the batch in flight, if any: call before telling anyone the
  // batches so far are committed.
  core::Status Settle();
  // Resolves merged duplicates to their survivors' council ids and records
  // the mapping as finished (call once, after the last batch).
  core::Status Finish();

  // Adds the time batches spend evaluating and writing to `stages`.
  void CountTimeIn(StageSeconds& stages) { stages_ = &stages; }

  // Resuming an interrupted run: start from what it committed...
  void Resume(const MappingProgress& progress);
  // ...and pass it the rows it committed (ordinals up to
  // progress.last_source_row): nothing is written, but their duplicates are
  // found again and their keys count as seen by this run.
  core::Status ReplayCommitted(const core::RowBatch& batch);

  // A delta run: each record is compared with `base` (which must outlive the
  // loader). Unchanged records the council holds are not written again;
  // changed ones replace their rows; records of the base no longer in the
  // source are recorded as gone (never deleted) when the mapping finishes.
  // `base_counts` are the rows the base run left in each target table.
  void UseDelta(DeltaBase& base, const MappingCounts& base_counts);
  // Seeds every record's hash with what else its evaluation depends on.
  void SetRowSeed(uint64_t seed) { row_seed_ = seed; }

  const MappingCounts& counts() const { return counts_; }
  // Rows the target refused so far, and the first one's reason.
  int64_t target_rejects() const { return target_rejects_; }
  const std::string& first_target_reject() const { return first_target_reject_; }

 private:
  // Decides one row's fate and buffers its writes; adds to `tally`.
  // `known_key`, when given, is the row's key evaluated already.
  void ProcessRow(std::span<const core::Value> row, int64_t ordinal, MappingCounts& tally,
                  const std::optional<std::string>* known_key = nullptr);
  // The key of row `row` of the batch in hand (none for a mapping without).
  const std::optional<std::string>* KnownKey(size_t row) const;
  void Reject(int64_t ordinal, const std::optional<std::string>& key, const std::string& code,
              const std::string& reason, const std::string& column, const std::string& value,
              MappingCounts& tally, std::optional<int64_t> amount = std::nullopt);
  // Hashes the row and, in a delta run, finds its base record (marking it
  // seen) and sets delta_label_ and changed_loaded_. Returns the base record
  // when the row is unchanged and the council already holds it.
  const DeltaBase::Record* Classify(std::span<const core::Value> row, const std::optional<std::string>& key);
  // A changed record the council holds whose new version does not load
  // (`why`): the earlier version stays, and the worklist says so.
  void KeepEarlier(int64_t ordinal, const std::optional<std::string>& key, const std::string& why,
                   const std::string& column, const std::string& value, MappingCounts& tally);
  // Adds a ledger line carrying this row's hash and delta label.
  void AddLedger(const LedgerEntry& entry);
  // Records the base records no source row matched (delta runs).
  core::Status RecordGone();
  // Settles the batch in flight, then begins a transaction.
  core::Status BeginWork(const std::string& what);
  // Writes the buffered council rows (what the target may refuse);
  // FlushWrites adds the crosswalk's entries, FlushAll the ledger's lines.
  core::Status FlushCouncilRows();
  core::Status FlushWrites();
  core::Status FlushAll();
  void DiscardAll();
  // Records the progress the batch makes (with `tally`), rolling back if it
  // cannot.
  core::Status RecordProgress(const std::string& what, const MappingCounts& tally, bool finished);
  // Records the progress, commits, and adds the tally to the counts.
  core::Status Commit(const std::string& what, const MappingCounts& tally, bool finished = false);
  // The same once the council rows are written: writes the ledger's lines,
  // sends the crosswalk's entries and leaves their answer and the commit in
  // flight (Settle).
  core::Status CommitInFlight(const std::string& what, const MappingCounts& tally);
  // What a commit means for the state kept in memory.
  void Committed(const MappingCounts& tally);
  void AddTally(const MappingCounts& tally);
  // Rejects a record the target would refuse (`code` target_rejected) and
  // counts it against the mapping's limit.
  void RejectForTarget(int64_t ordinal, const std::optional<std::string>& key, const std::string& reason,
                       const std::string& column, const std::string& value, MappingCounts& tally,
                       std::optional<int64_t> amount);
  // The first target row of outcome_ (those `written` says go out) whose
  // references do not hold; their parent keys are noted when all hold.
  std::optional<BrokenReference> CheckReferences(const std::function<bool(size_t)>& written);

  struct PendingMerge {
    int64_t ordinal;
    std::string legacy_key;
    std::string survivor_key;
    std::optional<int64_t> amount;
    int64_t row_hash;
    const char* delta;
    // The source row, kept when a target is `including duplicates`: it is
    // evaluated again with the survivor's council id once that is known.
    std::vector<core::Value> row;
  };
  // Writes the `including duplicates` target rows of a merged duplicate.
  void WriteDuplicateRows(const PendingMerge& merge, int64_t survivor_id);

  const transform::CompiledMapping& mapping_;
  db::Database& target_;
  CrosswalkStore& crosswalk_;
  Ledger& ledger_;
  std::optional<MergePlan> merge_plan_;
  const transform::LookupTables* lookups_;  // null when the mapping has none
  ReferenceCheck* references_;              // null when the target checks them all
  std::vector<int> reference_bindings_;     // per target
  std::vector<std::unique_ptr<db::TableWriter>> writers_;  // one per mapping target
  // Delta runs: one per target (null where no column is set to council_id).
  std::vector<std::unique_ptr<db::TableWriter>> update_writers_;
  DeltaBase* delta_ = nullptr;
  uint64_t row_seed_ = 0;
  // The row being processed: its hash, what the delta found, and its base
  // record when it is a changed record the council holds.
  int64_t row_hash_ = 0;
  const char* delta_label_ = nullptr;
  const DeltaBase::Record* changed_loaded_ = nullptr;
  bool key_seen_before_ = false;  // a delta: an earlier row had this key
  std::vector<PendingMerge> pending_merges_;
  bool keeps_duplicate_rows_ = false;  // some target is `including duplicates`
  std::vector<PendingMerge> batch_merges_;
  transform::RowOutcome outcome_;
  MappingCounts counts_;
  std::vector<int64_t> written_before_;  // per target: rows earlier runs or batches wrote
  StageSeconds* stages_ = nullptr;
  int64_t target_rejects_ = 0;
  std::string first_target_reject_;
  double unclocked_ = 0;  // where time goes when nobody counts it
  int64_t batches_ = 0;
  std::optional<std::string> in_flight_;  // the batch whose commit Settle completes
  std::vector<std::optional<std::string>> row_keys_;  // per row of the batch in hand
  std::vector<std::string> batch_keys_;               // the keys among them
};

}  // namespace handover::load
