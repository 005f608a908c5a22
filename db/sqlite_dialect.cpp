// The SQLite dialect: type affinity, INTEGER PRIMARY KEY as the rowid (so keys
// are declared with the table), the catalog from sqlite_master and
// pragma_table_info, a journal-free bulk load that commits every 500,000 rows.
#include "db/dialect.h"

namespace handover::db {

class SqliteDialectImpl final : public Dialect {
 public:
  SqliteDialectImpl() : Dialect("sqlite", "SELECT sqlite_version()") {}
  const char* TextType() const override { return "TEXT"; }
  // INTEGER, not BIGINT: only "INTEGER PRIMARY KEY" makes a column the rowid.
  const char* BigIntType() const override { return "INTEGER"; }
  const char* GeneratedKeyColumn() const override { return "INTEGER PRIMARY KEY"; }
  bool DeclaresKeysWithTable() const override { return true; }
  std::string ScalarAsText(const std::string& query) const override {
    return "SELECT CAST(v AS TEXT) FROM (SELECT (" + query + ") AS v)";
  }
  std::string CatalogSql() const override {
    return "SELECT m.name, p.name, p.type, CAST(p.\"notnull\" AS TEXT), "
           "CAST(CASE WHEN p.dflt_value IS NOT NULL OR (p.pk = 1 AND upper(p.type) = 'INTEGER') "
           "THEN 1 ELSE 0 END AS TEXT), CAST(CASE WHEN p.pk > 0 THEN 1 ELSE 0 END AS TEXT) "
           "FROM sqlite_master m, pragma_table_info(m.name) p "
           "WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
           "ORDER BY m.name, p.cid";
  }
  // For a file that is renamed into place only when complete: a crash
  // leaves nothing behind, so durability during the load is not needed.
  std::vector<std::string> BulkLoadSettings() const override {
    return {"PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF"};
  }
  std::vector<std::string> AfterBulkLoadSettings() const override {
    return {"PRAGMA journal_mode = DELETE"};
  }
  const char* KeyOrderedTableSuffix() const override { return " WITHOUT ROWID"; }
  // 16 MB of page cache (the default is 2 MB): the crosswalk and ledger
  // indexes a rehearsal probes at random outgrow the default at 20,000
  // people, and every miss is a read from the file. Two sorter threads: the
  // reconciliation's GROUP BY over millions of money rows sorts on both cores.
  std::vector<std::string> SessionSettings() const override {
    // Foreign keys are enforced on every access path (SQLite's default is off).
    return {"PRAGMA foreign_keys = ON", "PRAGMA cache_size = -16384", "PRAGMA threads = 2"};
  }
  // Keeps the journal small without paying a commit per batch.
  int64_t BulkLoadCommitRows() const override { return 500000; }
};

const Dialect& SqliteDialect() {
  static const SqliteDialectImpl kDialect;
  return kDialect;
}

}  // namespace handover::db
