// Schema: what a database says its tables and columns are, as typed data.
// Introspected from the real source and target (see introspect.h) and used by
// the mapping checker to bind names to column indices once, before any rows.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace handover::core {

// The logical type of a column. Money columns in the council model are
// integers whose name ends in "_pence" (see ColumnTypeFromDeclared).
enum class ColumnType { kText, kInteger, kPence, kDecimal, kDate, kBool };

const char* ColumnTypeName(ColumnType type);

// Maps a declared SQL type (SQLite affinity rules, PostgreSQL type names) and
// the column's name to a logical type. Unknown declarations are text.
ColumnType ColumnTypeFromDeclared(const std::string& declared_type, const std::string& column_name);

// One column of a table.
struct Column {
  std::string name;           // lower-case, as the database reports it
  ColumnType type = ColumnType::kText;
  std::string declared_type;  // as the database declares it, for messages
  bool not_null = false;
  bool has_default = false;   // includes auto-assigned keys (INTEGER PRIMARY KEY, serial)
  bool primary_key = false;
};

// One table (or view) and its columns in declaration order; or a source
// query a mapping reads (`from query "..."`, `lookup query "..."`), described
// on the source like a table and named by a pseudo-table name.
struct TableSchema {
  std::string name;
  std::vector<Column> columns;
  // The SQL of a source query, read as `FROM (<query>) AS ...`; empty for a
  // real table or view.
  std::string query;

  // Index of the named column (case-insensitive), or nullopt.
  std::optional<size_t> IndexOf(const std::string& column) const;
  const Column* Find(const std::string& column) const;
};

// All tables of one database, by lower-case name.
struct Catalog {
  std::map<std::string, TableSchema> tables;

  const TableSchema* Find(const std::string& table) const;
};

}  // namespace handover::core
