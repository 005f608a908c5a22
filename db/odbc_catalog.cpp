#include "db/odbc_catalog.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "core/ascii.h"
#include "db/odbc_text_reader.h"

namespace handover::db {
namespace {

// Schemas that hold the server's own catalog, listed as views by some
// drivers (SQL Server's INFORMATION_SCHEMA and sys).
bool IsSystemSchema(const std::string& schema) {
  const std::string lower = core::AsciiLower(schema);
  return lower == "information_schema" || lower == "sys" || lower == "pg_catalog";
}

// A catalog function's argument: NULL for "any" (what an empty value means).
SQLCHAR* Argument(const std::string& text) {
  return text.empty() ? nullptr : reinterpret_cast<SQLCHAR*>(const_cast<char*>(text.c_str()));
}
SQLSMALLINT Length(const std::string& text) { return text.empty() ? 0 : SQL_NTS; }

int ToInt(const std::string& text) {
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// The logical type from the driver's type name, as for a known dialect's
// catalog; when the name says nothing (SQL Server's "bit", "money"), from
// the ODBC type code.
core::ColumnType TypeOf(const std::string& type_name, int sql_type, const std::string& column) {
  const core::ColumnType by_name = core::ColumnTypeFromDeclared(type_name, column);
  if (by_name != core::ColumnType::kText) return by_name;
  switch (sql_type) {
    case SQL_BIT: return core::ColumnType::kBool;
    case SQL_TINYINT:
    case SQL_SMALLINT:
    case SQL_INTEGER:
    case SQL_BIGINT: return core::ColumnTypeFromDeclared("integer", column);
    case SQL_DECIMAL:
    case SQL_NUMERIC:
    case SQL_FLOAT:
    case SQL_REAL:
    case SQL_DOUBLE: return core::ColumnType::kDecimal;
    case SQL_TYPE_DATE:
    case SQL_DATE: return core::ColumnType::kDate;
    default: return core::ColumnType::kText;
  }
}

// Runs one catalog call and hands each row's first `columns` cells to `row`
// (NULL as "").
core::Status ForEachCatalogRow(SQLHDBC connection, const std::function<SQLRETURN(SQLHSTMT)>& call, size_t columns,
                               const std::string& context,
                               const std::function<void(std::vector<std::string>&)>& row) {
  OdbcTextReader reader(connection);
  HANDOVER_RETURN_IF_ERROR(reader.StartCatalogCall(call, columns, context));
  std::vector<std::vector<std::string>> cells(columns);
  std::vector<std::vector<soci::indicator>> nulls(columns);
  std::vector<std::string> values(columns);
  while (true) {
    auto got = reader.Fill(cells, nulls, 256);
    if (!got.ok()) return got.status();
    if (*got == 0) return core::Status::Ok();
    for (size_t r = 0; r < *got; ++r) {
      for (size_t c = 0; c < columns; ++c) values[c] = std::move(cells[c][r]);
      row(values);
    }
  }
}

// The connection's current catalog (database), "" when the driver has none.
std::string CurrentCatalog(SQLHDBC connection) {
  char name[512] = {0};
  SQLINTEGER length = 0;
  if (!OdbcOk(SQLGetConnectAttr(connection, SQL_ATTR_CURRENT_CATALOG, name, sizeof name - 1, &length))) return {};
  return name;
}

struct TableName {
  std::string catalog, schema, name;
};

struct OrderedColumn {
  int ordinal;
  core::Column column;
};

}  // namespace

core::Result<core::Catalog> ReadOdbcCatalog(Database& db) {
  SQLHDBC connection = OdbcConnection(db);
  const std::string where = "reading the schema of " + db.url().Masked();
  if (connection == nullptr)
    return core::Status::Error(core::ErrorCode::kInternal, where + ": not an ODBC connection");

  // The session's own database only: without it the MariaDB driver lists
  // every database on the server (mysql, performance_schema, ...).
  const std::string current = CurrentCatalog(connection);
  std::vector<TableName> tables;
  std::set<std::string> seen;
  HANDOVER_RETURN_IF_ERROR(ForEachCatalogRow(
      connection,
      [&current](SQLHSTMT st) {
        return SQLTables(st, Argument(current), Length(current), nullptr, 0,
                         reinterpret_cast<SQLCHAR*>(const_cast<char*>("%")), SQL_NTS,
                         reinterpret_cast<SQLCHAR*>(const_cast<char*>("TABLE,VIEW")), SQL_NTS);
      },
      4, where + " (SQLTables)", [&](std::vector<std::string>& row) {
        // A name in two schemas is read from the first (the unqualified
        // SELECT reads the default schema's anyway).
        if (IsSystemSchema(row[1]) || !seen.insert(core::AsciiLower(row[2])).second) return;
        tables.push_back({row[0], row[1], row[2]});
      }));

  core::Catalog catalog;
  for (const TableName& table : tables) {
    std::vector<OrderedColumn> columns;
    // SQLColumns takes patterns ('_' matches any character): keep only the
    // rows of this very table.
    HANDOVER_RETURN_IF_ERROR(ForEachCatalogRow(
        connection,
        [&table](SQLHSTMT st) {
          return SQLColumns(st, Argument(table.catalog), Length(table.catalog), Argument(table.schema),
                            Length(table.schema), Argument(table.name), Length(table.name), nullptr, 0);
        },
        17, where + " (SQLColumns of " + table.name + ")", [&](std::vector<std::string>& row) {
          if (row[2] != table.name) return;
          OrderedColumn c{ToInt(row[16]), {}};
          c.column.name = core::AsciiLower(row[3]);
          c.column.declared_type = row[5];
          c.column.type = TypeOf(row[5], ToInt(row[4]), c.column.name);
          c.column.not_null = row[10] == "0";  // SQL_NO_NULLS
          // The spec's word for "defaults to NULL" (the SQLite driver says it
          // of every column without a DEFAULT).
          c.column.has_default = !row[12].empty() && core::AsciiLower(row[12]) != "null";
          columns.push_back(std::move(c));
        }));
    std::stable_sort(columns.begin(), columns.end(),
                     [](const OrderedColumn& a, const OrderedColumn& b) { return a.ordinal < b.ordinal; });
    std::set<std::string> keys;
    HANDOVER_RETURN_IF_ERROR(ForEachCatalogRow(
        connection,
        [&table](SQLHSTMT st) {
          return SQLPrimaryKeys(st, Argument(table.catalog), Length(table.catalog), Argument(table.schema),
                                Length(table.schema), Argument(table.name), Length(table.name));
        },
        4, where + " (SQLPrimaryKeys of " + table.name + ")",
        [&](std::vector<std::string>& row) { keys.insert(core::AsciiLower(row[3])); }));
    core::TableSchema& schema = catalog.tables[core::AsciiLower(table.name)];
    schema.name = core::AsciiLower(table.name);
    for (OrderedColumn& c : columns) {
      c.column.primary_key = keys.count(c.column.name) > 0;
      schema.columns.push_back(std::move(c.column));
    }
  }
  return catalog;
}

}  // namespace handover::db
