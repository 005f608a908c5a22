// The PostgreSQL dialect: standard SQL but for BIGSERIAL run ids, identity
// columns in the catalog, quiet notices during a bulk load and a strict
// server encoding.
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
  const char* StrictEncodingSql() const override {
    return "SELECT current_setting('server_encoding')";
  }
};

const Dialect& PostgresDialect() {
  static const PostgresDialectImpl kDialect;
  return kDialect;
}

}  // namespace handover::db
