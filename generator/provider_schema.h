// The outgoing provider's database: twelve tables in the charity's own naming,
// nearly every column TEXT as its case system held them (dates and money
// included). Table is the typed name every generator stage writes through.
#pragma once

#include <string>
#include <vector>

#include "db/database.h"

namespace handover::generator {

enum class Table {
  kClient,
  kWorker,
  kAllocation,
  kContactLog,
  kPathwayPlan,
  kPlanReview,
  kAccomHistory,
  kEetHistory,
  kPaySchedule,
  kPayment,
  kBalanceHeld,
  kCodeLookup,
};
constexpr int kTableCount = 12;

// One provider column: its name and whether the provider typed it INTEGER.
struct ProviderColumn {
  const char* name;
  bool integer;
};

// One provider table: its SQL name and columns in write order.
struct ProviderTable {
  const char* name;
  std::vector<ProviderColumn> columns;
};

const ProviderTable& TableSpec(Table table);
inline const char* TableName(Table table) { return TableSpec(table).name; }

// CREATE TABLE statements for every provider table, for `dialect`, separated
// by ';' at line ends (Database::ExecuteScript). No foreign keys: the legacy
// system never had them, which is how its orphans came about. In SQLite the
// surrogate key is the rowid (INTEGER PRIMARY KEY, free to fill); in
// PostgreSQL it is added after the bulk load by ProviderKeysSql.
std::string ProviderSchemaSql(const db::Dialect& dialect);
// The statements that add PostgreSQL's primary keys once the rows are in
// (building an index once is cheaper than maintaining it per COPY); empty
// for SQLite.
std::string ProviderKeysSql(const db::Dialect& dialect);

}  // namespace handover::generator
