// Keys set aside while a run loads, so the server checks or indexes rows
// once, in one pass at the end, rather than row by row:
// - foreign keys: where the dialect can drop and add one back
//   (Dialect::ForeignKeysSql), those of the tables a run writes; ReferenceCheck
//   refuses meanwhile every row that would break one;
// - the ledger's primary key, where the dialect can (Dialect::PrimaryKeySql)
//   and the ledger is empty: the engine writes one line per source record,
//   and building the key once costs a fraction of keeping it row by row.
// Each is recorded in migration_set_aside in the transaction that drops it,
// so a run that dies before adding them back has the next run that opens
// the target do it.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/status.h"
#include "db/database.h"
#include "load/reference_check.h"

namespace handover::load {

// Adds back every key migration_set_aside records (one left by a run that
// stopped), each validated against the rows now in its table. A foreign key
// the rows break is added back NOT VALID (enforced for new rows) and the
// Status (kData) names it and says how to find the rows; a primary key the
// rows break stays off, and the Status (kData) says so. Ok when none is
// recorded.
core::Status RestoreSetAsideKeys(db::Database& target);

// The same, before a run or a rehearsal decides what to do: Ok at once on a
// target without the migration tables.
core::Status RestoreKeysLeftSetAside(db::Database& target);

// Drops the foreign keys of `tables` the dialect lists, recording each for
// `run_id`, and returns them (none where the dialect lists none, or where the
// user may not alter the tables: the server then checks them as before).
core::Result<std::vector<ForeignKey>> SetAsideForeignKeys(db::Database& target, int64_t run_id,
                                                          const std::set<std::string>& tables);

// Drops the primary key of migration_ledger, recording it for `run_id`, when
// the dialect can and the ledger holds no line yet (a first run or a
// rehearsal into a new target); otherwise, or where the user may not alter
// the table, leaves it.
core::Status SetAsideLedgerKey(db::Database& target, int64_t run_id);

}  // namespace handover::load
