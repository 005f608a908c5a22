// The data officer's worklist of one run, streamed from migration_exception
// in (mapping, source row) order, so that a run with a million problems
// never holds them in memory at once. Personal values are pseudonymised
// unless the user asked for them.
#pragma once

#include <functional>

#include "db/database.h"
#include "reports/reconciliation.h"

namespace handover::reports {

// Calls `each` once per exception of run `run_id`. Unless
// privacy.show_personal_data, the value seen in a personal column
// (IsPersonalColumn) is replaced by its Pseudonym, and so is every place the
// reason quotes it.
core::Status ForEachException(db::Database& target, int64_t run_id, const PrivacyOptions& privacy,
                              const std::function<void(const ExceptionRow&)>& each);

}  // namespace handover::reports
