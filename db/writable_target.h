// WritableTarget: whether handover may write to a database it has opened as
// a --target, asked of the dialect its server speaks. The one refusal that
// `rehearse`/`run` (a council database) and `generate` (a demo provider
// database) both give, so the two never drift apart.
#pragma once

#include "core/status.h"
#include "db/database.h"

namespace handover::db {

// What a target is opened to hold.
enum class TargetUse {
  kCouncil,   // ledger, crosswalk and the mapping set's schema: SQLite, PostgreSQL
  kProvider,  // a generated demo provider: also MySQL/MariaDB
};

// Ok when `db`'s dialect can hold `use`; otherwise kUsage, one line naming
// the masked URL and the dialect and saying council databases are written
// to SQLite and PostgreSQL. Writes nothing; the caller discards the target.
core::Status CheckWritableTarget(const Database& db, TargetUse use);

}  // namespace handover::db
