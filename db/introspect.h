// Schema introspection: reads the tables and columns a database really has,
// through the same session the data will flow through (SQLite, PostgreSQL,
// or either behind ODBC), so mappings are checked against reality.
#pragma once

#include "db/database.h"
#include "core/schema.h"
#include "core/status.h"

namespace handover::db {

// Returns every user table and view of the database (PostgreSQL: of the
// current schema). Fails with kDatabase and the server's message.
core::Result<core::Catalog> ReadCatalog(Database& db);

}  // namespace handover::db
