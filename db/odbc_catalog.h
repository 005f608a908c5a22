// The catalog of an ODBC data source read with the ODBC catalog functions
// (SQLTables, SQLColumns, SQLPrimaryKeys) instead of SQL: how the generic
// ODBC dialect learns the tables of a server handover has no dialect for
// (SQL Server through FreeTDS, Access through mdbtools).
#pragma once

#include "core/schema.h"
#include "core/status.h"
#include "db/database.h"

namespace handover::db {

// Every table and view the driver lists (types TABLE and VIEW, of the current catalog, outside the
// well-known system schemas INFORMATION_SCHEMA, sys and pg_catalog), with
// its columns in ordinal order: names lower-cased, the type from the
// driver's type name (by the ODBC type code when the name says nothing),
// not null from NULLABLE, has_default from COLUMN_DEF, primary keys from
// SQLPrimaryKeys. `db` must be an odbc: database. Fails with kDatabase
// naming the URL, the catalog function and the driver's message.
core::Result<core::Catalog> ReadOdbcCatalog(Database& db);

}  // namespace handover::db
