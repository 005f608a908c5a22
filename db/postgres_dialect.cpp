// The PostgreSQL dialect: BIGSERIAL keys, keys added after a bulk load, the
// catalog from information_schema for the current schema.
#include "db/dialect.h"

namespace handover::db {
namespace {

class PostgresDialectImpl final : public Dialect {
 public:
  const char* name() const override { return "postgresql"; }
  const char* ProbeSql() const override { return "SELECT current_setting('server_version')"; }
  const char* TextType() const override { return "VARCHAR"; }
  const char* BigIntType() const override { return "BIGINT"; }
  const char* GeneratedKeyColumn() const override { return "BIGSERIAL PRIMARY KEY"; }
  bool DeclaresKeysWithTable() const override { return false; }
  std::string ScalarAsText(const std::string& query) const override {
    return "SELECT CAST(q.v AS VARCHAR(64)) FROM (" + query + ") q(v)";
  }
  const char* CatalogSql() const override {
    return "SELECT c.table_name, c.column_name, c.data_type, "
           "CASE WHEN c.is_nullable = 'NO' THEN '1' ELSE '0' END, "
           "CASE WHEN c.column_default IS NOT NULL OR c.is_identity = 'YES' THEN '1' ELSE '0' END, "
           "CASE WHEN EXISTS (SELECT 1 FROM information_schema.table_constraints t "
           "  JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name "
           "   AND k.table_schema = t.table_schema AND k.table_name = t.table_name "
           "  WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = c.table_schema "
           "   AND t.table_name = c.table_name AND k.column_name = c.column_name) THEN '1' ELSE '0' END "
           "FROM information_schema.columns c WHERE c.table_schema = current_schema() "
           "ORDER BY c.table_name, c.ordinal_position";
  }
  // DROP TABLE IF EXISTS on a fresh database is not news to the user.
  std::vector<std::string> BulkLoadSettings() const override {
    return {"SET client_min_messages = warning"};
  }
  std::vector<std::string> AfterBulkLoadSettings() const override { return {}; }
  int64_t BulkLoadCommitRows() const override { return 0; }
  const char* StrictEncodingSql() const override {
    return "SELECT current_setting('server_encoding')";
  }
};

}  // namespace

const Dialect& PostgresDialect() {
  static const PostgresDialectImpl kDialect;
  return kDialect;
}

}  // namespace handover::db
