// The native sqlite3 connection under an SQLite session: what only the C API
// offers (multi-row prepared inserts bound straight from the writer's buffers).
#pragma once

#include <soci/sqlite3/soci-sqlite3.h>  // <sqlite3.h>, in namespace sqlite_api

#include "db/database.h"

namespace handover::db {

// The sqlite3 connection of a native SQLite session (an SQLite file, not a
// csv: folder's virtual tables), or nullptr for any other backend (SQLite
// through ODBC included). Owned by the session.
sqlite_api::sqlite3* NativeSqliteConnection(Database& db);

}  // namespace handover::db
