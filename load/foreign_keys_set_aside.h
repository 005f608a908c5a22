// Foreign keys set aside while a run loads: where the dialect can drop and
// add back a foreign key (Dialect::ForeignKeysSql), those of the tables a run
// writes are dropped before its first batch and added back, validated by the
// server in one pass, when it ends; ReferenceCheck refuses meanwhile every
// row that would break one. Each is recorded in migration_set_aside in the
// transaction that drops it, so a run that dies before adding them back has
// the next run that opens the target do it.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/status.h"
#include "db/database.h"
#include "load/reference_check.h"

namespace handover::load {

// Adds back every foreign key migration_set_aside records (one left by a run
// that stopped), each validated against the rows now in its table. A key the
// rows break is added back NOT VALID (enforced for new rows) and the Status
// (kData) names it and says how to find the rows. Ok when none is recorded.
core::Status RestoreSetAsideForeignKeys(db::Database& target);

// Drops the foreign keys of `tables` the dialect lists, recording each for
// `run_id`, and returns them (none where the dialect lists none, or where the
// user may not alter the tables: the server then checks them as before).
core::Result<std::vector<ForeignKey>> SetAsideForeignKeys(db::Database& target, int64_t run_id,
                                                          const std::set<std::string>& tables);

}  // namespace handover::load
