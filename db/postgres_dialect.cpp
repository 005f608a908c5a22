// The PostgreSQL dialect: standard SQL but for BIGSERIAL run ids, identity
// columns in the catalog, quiet notices during a bulk load, a strict server
// encoding, and foreign keys and primary keys a load can set aside
// (pg_constraint).
#include "db/database.h"
#include "db/dialect.h"

namespace handover::db {

class PostgresDialectImpl final : public Dialect {
 public:
  PostgresDialectImpl() : Dialect("postgresql", "SELECT current_setting('server_version')") {}
  std::string CatalogSql() const override {
    return InformationSchemaCatalog("c.column_default IS NOT NULL OR c.is_identity = 'YES'",
                                    "current_schema()");
  }
  const char* GeneratedKeyColumn() const override { return "BIGSERIAL PRIMARY KEY"; }
  std::vector<std::string> SessionSettings() const override { return {"SET client_min_messages = warning"}; }
  std::string SessionDescriptionSql() const override {
    return "SELECT 'PostgreSQL ' || current_setting('server_version') || ', time zone ' || "
           "current_setting('TimeZone') || ', client encoding ' || current_setting('client_encoding') || "
           "' (server ' || current_setting('server_encoding') || ')'";
  }
  std::string RefreshStatisticsSql(const std::string& table) const override {
    return table.empty() ? "ANALYZE" : "ANALYZE " + QuoteIdentifier(table);
  }
  std::string ForeignKeysSql() const override {
    return "SELECT CAST(c.conname AS TEXT), CAST(t.relname AS TEXT), CAST(a.attname AS TEXT), "
           "CAST(p.relname AS TEXT), CAST(pa.attname AS TEXT), pg_get_constraintdef(c.oid) "
           "FROM pg_constraint c "
           "JOIN pg_class t ON t.oid = c.conrelid "
           "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
           "JOIN pg_class p ON p.oid = c.confrelid "
           "JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1] "
           "WHERE c.contype = 'f' AND c.convalidated AND cardinality(c.conkey) = 1 "
           "AND t.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) "
           "AND p.relnamespace = t.relnamespace "
           "ORDER BY t.relname, c.conname";
  }
  std::string PrimaryKeySql(const std::string& table) const override {
    return "SELECT CAST(conname AS TEXT), pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'p' AND "
           "conrelid = to_regclass(" + Database::QuoteLiteral(table) + ")";
  }
  const char* StrictEncodingSql() const override {
    return "SELECT current_setting('server_encoding')";
  }
};

const Dialect& PostgresDialect() {
  static const PostgresDialectImpl kDialect;
  return kDialect;
}

}  // namespace handover::db
