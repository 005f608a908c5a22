// Schema introspection: reads the tables and columns a database really has,
// through the same session the data will flow through (SQLite, PostgreSQL,
// MySQL/MariaDB, any of them or another server behind ODBC), so mappings are
// checked against reality.
#pragma once

#include "db/database.h"
#include "core/schema.h"
#include "core/status.h"

namespace handover::db {

// Returns every user table and view of the database (PostgreSQL: of the
// current schema), as the dialect reads it: its catalog query, or for the
// generic ODBC dialect the ODBC catalog functions. Fails with kDatabase and
// the server's message.
core::Result<core::Catalog> ReadCatalog(Database& db);

}  // namespace handover::db
