#include "db/introspect.h"

#include <algorithm>
#include <cctype>
#include "core/ascii.h"

namespace handover::db {
namespace {

// Rows: table, column, declared type, not null (0/1), has default (0/1), pk (0/1).
constexpr const char* kSqliteColumns =
    "SELECT m.name, p.name, p.type, CAST(p.\"notnull\" AS TEXT), "
    "CAST(CASE WHEN p.dflt_value IS NOT NULL OR (p.pk = 1 AND upper(p.type) = 'INTEGER') "
    "THEN 1 ELSE 0 END AS TEXT), CAST(CASE WHEN p.pk > 0 THEN 1 ELSE 0 END AS TEXT) "
    "FROM sqlite_master m, pragma_table_info(m.name) p "
    "WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
    "ORDER BY m.name, p.cid";

constexpr const char* kPostgresColumns =
    "SELECT c.table_name, c.column_name, c.data_type, "
    "CASE WHEN c.is_nullable = 'NO' THEN '1' ELSE '0' END, "
    "CASE WHEN c.column_default IS NOT NULL OR c.is_identity = 'YES' THEN '1' ELSE '0' END, "
    "CASE WHEN EXISTS (SELECT 1 FROM information_schema.table_constraints t "
    "  JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name "
    "   AND k.table_schema = t.table_schema AND k.table_name = t.table_name "
    "  WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = c.table_schema "
    "   AND t.table_name = c.table_name AND k.column_name = c.column_name) THEN '1' ELSE '0' END "
    "FROM information_schema.columns c WHERE c.table_schema = current_schema() "
    "ORDER BY c.table_name, c.ordinal_position";

}  // namespace

core::Result<core::Catalog> ReadCatalog(Database& db) {
  const char* sql = db.dialect() == Dialect::kSqlite ? kSqliteColumns : kPostgresColumns;
  auto rows = db.QueryRows(sql, 6, "reading the schema of " + db.url().Masked());
  if (!rows.ok()) return rows.status();
  core::Catalog catalog;
  for (const auto& row : *rows) {
    core::TableSchema& table = catalog.tables[core::AsciiLower(row[0])];
    table.name = core::AsciiLower(row[0]);
    core::Column column;
    column.name = core::AsciiLower(row[1]);
    column.declared_type = row[2];
    column.type = core::ColumnTypeFromDeclared(row[2], column.name);
    column.not_null = row[3] == "1";
    column.has_default = row[4] == "1";
    column.primary_key = row[5] == "1";
    table.columns.push_back(std::move(column));
  }
  return catalog;
}

}  // namespace handover::db
