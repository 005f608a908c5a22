#include "db/introspect.h"

#include "core/ascii.h"

namespace handover::db {

core::Result<core::Catalog> ReadCatalog(Database& db) { return db.dialect().ReadCatalog(db); }

core::Result<core::Catalog> Dialect::ReadCatalog(Database& db) const {
  auto rows = db.QueryRows(CatalogSql(), 6, "reading the schema of " + db.url().Masked());
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
