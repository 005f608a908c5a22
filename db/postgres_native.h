// The native libpq connection under a PostgreSQL session: what only the
// native backend offers (COPY, server-side cursors without driver settings).
#pragma once

#include <libpq-fe.h>

#include "db/database.h"

namespace handover::db {

// The libpq connection of a native PostgreSQL session, or nullptr for any
// other backend (PostgreSQL through ODBC included). Owned by the session.
PGconn* NativePostgresConnection(Database& db);

}  // namespace handover::db
