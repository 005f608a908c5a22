// RunProgress: how far a run got, kept in migration_progress and updated in
// the same transaction as each batch, so that after a crash or kill -9 the
// next `run` knows exactly which mappings finished, which source rows of the
// current one are committed, and how many rows each target table received.
#pragma once

#include <optional>
#include <string>

#include "db/database.h"
#include "load/load_engine.h"
#include "transform/compiled_mapping.h"

namespace handover::load {

// What a resumed run finds of one mapping.
struct MappingProgress {
  bool finished = false;
  int64_t last_source_row = 0;  // rows up to this ordinal are committed
  MappingCounts counts;         // as the ledger and migration_progress record them
};

// Reads the progress of `mapping` in run `run_id` (nothing done yet: zeros).
core::Result<MappingProgress> ReadProgress(db::Database& target, int64_t run_id,
                                           const transform::CompiledMapping& mapping);

// Records, inside the caller's transaction, the rows written so far to each
// of the mapping's target tables and whether the mapping is finished.
core::Status WriteProgress(db::Database& target, int64_t run_id, const MappingCounts& counts, bool finished);

}  // namespace handover::load
