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

const std::vector<const Dialect*>& KnownDialects() {
  static const std::vector<const Dialect*> kAll = {&SqliteDialect(), &PostgresDialect()};
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
