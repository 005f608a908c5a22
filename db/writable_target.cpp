#include "db/writable_target.h"

namespace handover::db {

namespace {

// What kind of server the dialect's name stands for, with its article.
std::string ServerKind(const std::string& dialect) {
  if (dialect == "mysql") return "a MySQL/MariaDB server";
  if (dialect == "odbc") return "an ODBC server of no dialect handover knows";
  return "a " + dialect + " server";
}

}  // namespace

core::Status CheckWritableTarget(const Database& db, TargetUse use) {
  const Dialect& dialect = db.dialect();
  const bool writable = use == TargetUse::kCouncil ? dialect.WritesCouncilDatabases() : dialect.WritesProviderDatabases();
  if (writable) return core::Status::Ok();
  const std::string what = "--target " + db.url().Masked() + " is " + ServerKind(dialect.name()) +
                           ": handover reads providers from it but writes council databases to SQLite and "
                           "PostgreSQL only";
  if (use == TargetUse::kCouncil)
    return core::Status::Error(core::ErrorCode::kUsage, what + "; give a sqlite: or postgresql:// target");
  return core::Status::Error(core::ErrorCode::kUsage,
                             what + ", and demo providers to those and MySQL/MariaDB (the generic ODBC dialect knows "
                                    "no column types to create tables with); give a sqlite:, postgresql:// or mysql:// "
                                    "target");
}

}  // namespace handover::db
