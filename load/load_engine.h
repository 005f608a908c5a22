// The load engine: drives a checked MappingProgram from source to target.
// For each mapping, in load order, it streams the source table in batches,
// evaluates every row, writes target rows, crosswalk entries and one ledger
// line per record, one transaction per batch. A batch the target refuses is
// replayed row by row so only the offending rows are rejected (with the
// server's reason) and nothing is half-written. A batch's ledger lines and
// commit are answered while the next batch is evaluated, so client and
// server work at the same time; a failure there stops the run.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "db/database.h"
#include "core/schema.h"
#include "core/status.h"
#include "load/existing_rows.h"
#include "load/run_record.h"
#include "transform/mapping_program.h"

namespace handover::load {

struct LoadOptions {
  size_t batch_size = 5000;
  std::string legacy_system = "provider";
  // A run whose mappings extract no row at all fails unless this is set:
  // a migration that read nothing is almost always pointed at the wrong source.
  bool allow_empty = false;
  // Resume this run (one that did not finish) instead of opening a new one:
  // finished mappings are skipped and committed source rows not loaded again.
  int64_t resume_run_id = 0;
  // A delta run on top of this committed run: records unchanged since are
  // not written again, changed ones replace their rows, and records no
  // longer in the source are reported gone, never deleted.
  int64_t delta_base_run_id = 0;
  // Rows already in the council tables that no run wrote, accepted for this
  // run (CheckExistingRows): recorded with it, and council ids go above them.
  ExistingRows existing;
  // Rows the target itself refuses (constraint, type) a mapping may reject
  // before the run stops cleanly after the batch: -1 means no limit. Money
  // mappings and the others have limits of their own.
  int64_t max_target_rejects_money = -1;
  int64_t max_target_rejects_other = -1;
  RunInfo run;
};

// Rows written to one target table by one mapping.
struct TargetCount {
  std::string table;
  int64_t rows = 0;
};

// The engine's own tally for one mapping (reports re-derive these from the
// databases; these are for progress and cross-checking).
struct MappingCounts {
  std::string mapping;
  std::string source_table;
  int64_t extracted = 0;
  int64_t loaded = 0;
  int64_t rejected = 0;
  int64_t excluded = 0;
  int64_t merged = 0;
  int64_t gone = 0;  // delta runs: base records no longer in the source (kept)
  std::vector<TargetCount> targets;
};

// Where the load's time went, in seconds (for the run log).
struct StageSeconds {
  double extract = 0;    // waiting for source rows (read ahead on a thread of their own; the merge plan's pass)
  double transform = 0;  // evaluating rows
  double load = 0;       // writing, flushing and committing batches
};

struct LoadSummary {
  int64_t run_id = 0;
  int64_t base_run_id = 0;  // a delta run: the run it built on
  std::vector<MappingCounts> mappings;
  double seconds = 0;
  StageSeconds stages;
};

// Adds the time it lives to `into` (seconds).
class StageClock {
 public:
  explicit StageClock(double& into) : into_(into), started_(std::chrono::steady_clock::now()) {}
  ~StageClock() { into_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count(); }
  StageClock(const StageClock&) = delete;
  StageClock& operator=(const StageClock&) = delete;

 private:
  double& into_;
  std::chrono::steady_clock::time_point started_;
};

// Called after each committed batch: mapping name and rows done so far.
using ProgressFn = std::function<void(const std::string& mapping, int64_t rows)>;

// Opens a run in the target, loads every mapping and returns the tallies.
// The target must already hold the council schema; migration tables are
// created if missing. On a failed Status the batch in flight was rolled back
// and the run is recorded as failed.
core::Result<LoadSummary> RunLoad(const transform::MappingProgram& program, db::Database& source,
                            const core::Catalog& source_catalog, db::Database& target,
                            const LoadOptions& options, const ProgressFn& progress = {});

}  // namespace handover::load
