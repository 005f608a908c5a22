// RunRecord: the migration_run row of one rehearsal or run: opened before
// any data moves, closed with its outcome.
#pragma once

#include <string>

#include "db/database.h"
#include "core/status.h"

namespace handover::load {

struct RunInfo {
  std::string kind = "rehearsal";  // or "run"
  std::string mappings_hash;
  std::string source;      // masked URL
  std::string parameters;  // "cutover=2018-10-01 ..."
};

// Inserts a run row and returns its id (one more than the largest so far).
core::Result<int64_t> OpenRun(db::Database& target, const RunInfo& info);
// Records the run's outcome: "balanced", "unbalanced", "failed" or "interrupted".
core::Status CloseRun(db::Database& target, int64_t run_id, const std::string& outcome);

// Now, UTC, as "YYYY-MM-DDTHH:MM:SSZ".
std::string UtcTimestamp();

}  // namespace handover::load
