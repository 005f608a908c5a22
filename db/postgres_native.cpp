#include "db/postgres_native.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

namespace handover::db {

PGconn* NativePostgresConnection(Database& db) {
  if (db.backend() != Backend::kPostgresql) return nullptr;
  return static_cast<soci::postgresql_session_backend*>(db.session().get_backend())->conn_;
}

}  // namespace handover::db
