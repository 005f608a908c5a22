#include "load/migration_tables.h"

#include <string>

namespace handover::load {
namespace {

// Written once for every dialect: BIGINT and TEXT mean the same to SQLite
// and PostgreSQL; the only difference is how run ids are generated.
std::string MigrationDdl(const db::Dialect& dialect) {
  const std::string run_id = dialect.GeneratedKeyColumn();
  const std::string key_ordered = dialect.KeyOrderedTableSuffix();
  return R"(
CREATE TABLE IF NOT EXISTS migration_run (
  run_id )" + run_id + R"(,
  kind TEXT NOT NULL CHECK (kind IN ('rehearsal', 'run')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  mappings_hash TEXT NOT NULL,
  source TEXT NOT NULL,
  parameters TEXT NOT NULL,
  source_fingerprint TEXT,
  base_run_id BIGINT,
  outcome TEXT CHECK (outcome IN ('balanced', 'unbalanced', 'failed', 'interrupted'))
);
-- The ledger and the worklist hold a row per source record: their run_id
-- has no REFERENCES, whose check per row would treble the cost of writing
-- them on PostgreSQL. Only the load engine writes them, with its own run's id.
CREATE TABLE IF NOT EXISTS migration_ledger (
  run_id BIGINT NOT NULL,
  mapping TEXT NOT NULL,
  source_row BIGINT NOT NULL,
  legacy_key TEXT,
  -- Comparisons, not IN (...): SQLite builds a temporary b-tree for an IN
  -- list on every row it inserts.
  outcome TEXT NOT NULL CHECK (outcome = 'loaded' OR outcome = 'rejected' OR outcome = 'excluded' OR
                               outcome = 'merged' OR outcome = 'gone'),
  reason_code TEXT,
  target_key BIGINT,
  amount_pence BIGINT,
  row_hash BIGINT,
  delta TEXT CHECK (delta = 'new' OR delta = 'changed' OR delta = 'unchanged'),
  PRIMARY KEY (run_id, mapping, source_row)
))" + key_ordered + R"(;
CREATE TABLE IF NOT EXISTS migration_exception (
  run_id BIGINT NOT NULL,
  mapping TEXT NOT NULL,
  source_table TEXT NOT NULL,
  source_row BIGINT NOT NULL,
  legacy_key TEXT,
  outcome TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  column_name TEXT,
  value_seen TEXT,
  action TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS migration_progress (
  run_id BIGINT NOT NULL REFERENCES migration_run (run_id),
  mapping TEXT NOT NULL,
  target_table TEXT NOT NULL,
  rows_written BIGINT NOT NULL,
  finished BIGINT NOT NULL,
  PRIMARY KEY (run_id, mapping, target_table)
);
CREATE TABLE IF NOT EXISTS migration_existing (
  run_id BIGINT NOT NULL REFERENCES migration_run (run_id),
  target_table TEXT NOT NULL,
  row_count BIGINT NOT NULL,
  pence BIGINT NOT NULL,
  PRIMARY KEY (run_id, target_table)
);
CREATE TABLE IF NOT EXISTS migration_report (
  run_id BIGINT NOT NULL REFERENCES migration_run (run_id),
  part BIGINT NOT NULL,
  text VARCHAR(255) NOT NULL,
  PRIMARY KEY (run_id, part)
);
-- Foreign keys a run dropped while it loads (checked by the load engine
-- instead) and what adds each back: one a run could not add back is added
-- back by the next run that opens the target.
CREATE TABLE IF NOT EXISTS migration_set_aside (
  run_id BIGINT NOT NULL,
  table_name TEXT NOT NULL,
  constraint_name TEXT NOT NULL,
  definition TEXT NOT NULL,
  PRIMARY KEY (table_name, constraint_name)
);
CREATE TABLE IF NOT EXISTS migration_crosswalk (
  legacy_system TEXT NOT NULL,
  entity TEXT NOT NULL,
  legacy_key TEXT NOT NULL,
  council_id BIGINT NOT NULL,
  first_run_id BIGINT NOT NULL,
  -- The key first: a batch's keys are looked up with legacy_key IN (...),
  -- which the index then answers key by key, even when the planner's
  -- statistics predate the entity's rows (loaded in the same transaction).
  PRIMARY KEY (legacy_key, entity, legacy_system)
))" + key_ordered + R"(;
)";
}

}  // namespace

core::Status EnsureMigrationTables(db::Database& target) {
  return target.ExecuteScriptAtomically(MigrationDdl(target.dialect()),
                              "creating the migration tables in " + target.url().Masked());
}

}  // namespace handover::load
