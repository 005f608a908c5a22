// Ledger: records the one outcome of every extracted source record
// (migration_ledger) and the data officer's worklist of problems
// (migration_exception), buffered and flushed with each batch.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "db/database.h"
#include "db/table_writer.h"
#include "transform/mapping_program.h"

namespace handover::load {

// The fate of one source record as the ledger stores it (adds `merged`,
// decided by the engine, to the mapping's loaded/rejected/excluded). `gone`
// is not an outcome of an extracted record: a delta run writes it for a
// record of the run before that is no longer in the source (and was kept).
enum class LedgerOutcome { kLoaded, kRejected, kExcluded, kMerged, kGone };

const char* LedgerOutcomeName(LedgerOutcome outcome);

// One ledger line.
struct LedgerEntry {
  int64_t source_row = 0;
  std::optional<std::string> legacy_key;
  LedgerOutcome outcome = LedgerOutcome::kLoaded;
  std::string reason_code;  // empty when loaded
  std::optional<int64_t> target_key;
  std::optional<int64_t> amount_pence;
};

// One exception worklist line (rejected and merged records).
struct ExceptionEntry {
  int64_t source_row = 0;
  std::optional<std::string> legacy_key;
  LedgerOutcome outcome = LedgerOutcome::kRejected;
  std::string reason_code;
  std::string reason;
  std::string column;
  std::string value_seen;
  std::string action;  // what the data officer should do
};

class Ledger {
 public:
  Ledger(db::Database& target, int64_t run_id);
  int64_t run_id() const { return run_id_; }

  // Sets the mapping and source table the following entries belong to.
  void BeginMapping(const std::string& mapping, const std::string& source_table);
  // `row_hash` is the record's RowHash (kept for the next delta run), and
  // `delta` what a delta run found: "new", "changed", "unchanged" (or null).
  void Add(const LedgerEntry& entry, std::optional<int64_t> row_hash = std::nullopt, const char* delta = nullptr);
  void AddException(const ExceptionEntry& entry);
  // Writes buffered entries inside the caller's transaction.
  core::Status Flush();
  void Discard();

 private:
  int64_t run_id_;
  std::string mapping_;
  std::string source_table_;
  std::unique_ptr<db::TableWriter> entries_;
  std::unique_ptr<db::TableWriter> exceptions_;
};

// What a data officer should do about a reason code (generic advice by kind
// of problem; the reason text carries the specifics).
std::string SuggestedAction(LedgerOutcome outcome, const std::string& reason_code);

}  // namespace handover::load
