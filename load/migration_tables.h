// The migration's own tables, kept in the target beside the council's data:
//   migration_run        one row per rehearsal/run (id, mappings hash, outcome)
//   migration_ledger     one row per extracted source record: its one outcome
//   migration_exception  one row per problem, the data officer's worklist
//   migration_crosswalk  legacy key <-> council id, stable across runs
// The load stage owns them; reports read them with their own SQL.
#pragma once

#include "db/database.h"
#include "core/status.h"

namespace handover::load {

// Creates any of the tables above that are missing (idempotent).
core::Status EnsureMigrationTables(db::Database& target);

}  // namespace handover::load
