// Source queries: SQL a mapping reads instead of a table (`from query "..."`),
// described on the source like a table and read as a derived table. The
// provider's database is read-only to a migration, so a query stands in for
// the view nobody may create there.
#pragma once

#include <string>

#include "core/schema.h"
#include "core/status.h"
#include "db/database.h"

namespace handover::db {

// Describes `sql` without reading a row: runs it as
// `SELECT * FROM (<sql>) AS q WHERE 1 = 0` and returns a TableSchema named
// `name`, with `query` = `sql` and one column per result column (names
// lower-case). Types come from what the driver reports: integers are
// integer (pence when the name ends in _pence), floating and numeric values
// decimal, everything else (strings, dates and timestamps, computed columns
// a driver cannot type) text. On failure returns kDatabase with the
// server's own message only ("no such column: worker_nam"), without the SQL
// echoed back.
core::Result<core::TableSchema> DescribeQuery(Database& db, const std::string& name, const std::string& sql);

// What to write after FROM to read `table`: its quoted name, or for a query
// (TableSchema::query set) `(<query>) AS "<name as an alias>"`, the query
// without a trailing ';'.
std::string FromItem(const Database& db, const std::string& table, const std::string& query);
inline std::string FromItem(const Database& db, const core::TableSchema& table) {
  return FromItem(db, table.name, table.query);
}

}  // namespace handover::db
