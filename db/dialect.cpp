#include "db/dialect.h"

#include <soci/soci.h>

namespace handover::db {

std::string Dialect::QuoteIdentifier(std::string_view name) const {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Dialect::ColumnAsText(const std::string& quoted_column) const {
  return "CAST(" + quoted_column + " AS " + TextType() + ")";
}

// No length on the text type: CAST(x AS VARCHAR(64)) cut longer values.
std::string Dialect::ScalarAsText(const std::string& query) const {
  return "SELECT " + ColumnAsText("q.v") + " FROM (" + query + ") q(v)";
}

std::string Dialect::InformationSchemaCatalog(const std::string& has_default,
                                              const std::string& current_schema) {
  return "SELECT c.table_name, c.column_name, c.data_type, "
         "CASE WHEN c.is_nullable = 'NO' THEN '1' ELSE '0' END, "
         "CASE WHEN " + has_default + " THEN '1' ELSE '0' END, "
         "CASE WHEN EXISTS (SELECT 1 FROM information_schema.table_constraints t "
         "  JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name "
         "   AND k.table_schema = t.table_schema AND k.table_name = t.table_name "
         "  WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = c.table_schema "
         "   AND t.table_name = c.table_name AND k.column_name = c.column_name) THEN '1' ELSE '0' END "
         "FROM information_schema.columns c WHERE c.table_schema = " + current_schema +
         " ORDER BY c.table_name, c.ordinal_position";
}

std::string Dialect::CatalogSql() const {
  return InformationSchemaCatalog("c.column_default IS NOT NULL", "CURRENT_SCHEMA");
}

const std::vector<const Dialect*>& KnownDialects() {
  static const std::vector<const Dialect*> kAll = {&SqliteDialect(), &PostgresDialect(), &MysqlDialect()};
  return kAll;
}

const Dialect* DetectDialect(soci::session& session) {
  for (const Dialect* dialect : KnownDialects()) {
    try {
      std::string answer;
      session << dialect->ProbeSql(), soci::into(answer);
      return dialect;
    } catch (const soci::soci_error&) {
      // Not this server: try the next dialect's probe.
    }
  }
  return nullptr;
}

}  // namespace handover::db
