// The MySQL / MariaDB dialect: backtick identifiers, CAST AS CHAR for text,
// AUTO_INCREMENT run ids, keys declared with the table (InnoDB clusters rows
// by them, so adding one later rebuilds the table), the catalog from
// information_schema of DATABASE(), and a bulk load without per-row checks.
#include "db/dialect.h"

namespace handover::db {

class MysqlDialectImpl final : public Dialect {
 public:
  // @@version_comment exists only on MySQL and MariaDB.
  MysqlDialectImpl() : Dialect("mysql", "SELECT @@version_comment") {}
  std::string QuoteIdentifier(std::string_view name) const override {
    std::string out = "`";
    for (char c : name) {
      if (c == '`') out += '`';
      out += c;
    }
    return out + "`";
  }
  // CAST(x AS VARCHAR) is not MySQL: CHAR without a length is its text cast.
  const char* TextType() const override { return "CHAR"; }
  const char* GeneratedKeyColumn() const override { return "BIGINT AUTO_INCREMENT PRIMARY KEY"; }
  bool DeclaresKeysWithTable() const override { return true; }
  // A provider's server: the council schema, ledger and crosswalk are not
  // written in MySQL's SQL (TEXT keys need prefix lengths there).
  bool WritesCouncilDatabases() const override { return false; }
  // MariaDB has no column list on a derived table ("q(v)").
  std::string ScalarAsText(const std::string& query) const override {
    return "SELECT CAST((" + query + ") AS CHAR)";
  }
  std::string CatalogSql() const override {
    return InformationSchemaCatalog("c.column_default IS NOT NULL OR c.extra LIKE '%auto_increment%'", "DATABASE()");
  }
  std::vector<std::string> BulkLoadSettings() const override {
    return {"SET SESSION unique_checks = 0", "SET SESSION foreign_key_checks = 0"};
  }
  std::vector<std::string> AfterBulkLoadSettings() const override {
    return {"SET SESSION unique_checks = 1", "SET SESSION foreign_key_checks = 1"};
  }
  int64_t BulkLoadCommitRows() const override { return 100000; }
  // utf8mb4 columns refuse bytes that are not UTF-8.
  const char* StrictEncodingSql() const override {
    return "SELECT CASE WHEN @@character_set_database LIKE 'utf8%' THEN 'UTF8' ELSE @@character_set_database END";
  }
  std::string SessionDescriptionSql() const override {
    return "SELECT CONCAT('MySQL/MariaDB ', VERSION(), ', time zone ', @@session.time_zone, ' (system ', "
           "@@system_time_zone, '), character set ', @@character_set_connection, ' (database ', "
           "@@character_set_database, ')')";
  }
};

const Dialect& MysqlDialect() {
  static const MysqlDialectImpl kDialect;
  return kDialect;
}

}  // namespace handover::db
