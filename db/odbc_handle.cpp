#include "db/odbc_handle.h"

#include <optional>

#include <soci/odbc/soci-odbc.h>
#include <soci/soci.h>

namespace handover::db {

SQLHDBC OdbcConnection(Database& db) {
  if (db.backend() != Backend::kOdbc) return nullptr;
  return OdbcConnection(db.session());
}

SQLHDBC OdbcConnection(soci::session& session) {
  // By name: libsoci_odbc exports no typeinfo, so no dynamic_cast.
  soci::details::session_backend* backend = session.get_backend();
  if (backend == nullptr || backend->get_backend_name() != "odbc") return nullptr;
  return static_cast<soci::odbc_session_backend*>(backend)->hdbc_;
}

namespace {

// "[unixODBC][FreeTDS][SQL Server]Invalid object name 'x'." -> the message:
// the bracketed prefixes name the driver stack, not the problem; then one
// line without the DETAIL that can quote a row's data.
std::string WithoutDriverPrefixes(std::string message) {
  while (!message.empty() && message.front() == '[') {
    const auto close = message.find(']');
    if (close == std::string::npos) break;
    message.erase(0, close + 1);
  }
  return ServerMessageLine(message);
}

}  // namespace

namespace {

// The first diagnostic record of `handle`: its SQLSTATE and message, or
// nothing when the driver has none.
struct DiagnosticRecord {
  std::string state, message;
};
std::optional<DiagnosticRecord> FirstDiagnostic(SQLSMALLINT handle_type, SQLHANDLE handle) {
  SQLCHAR state[6] = {0};
  SQLINTEGER native = 0;
  SQLCHAR text[1024] = {0};
  SQLSMALLINT length = 0;
  if (!OdbcOk(SQLGetDiagRec(handle_type, handle, 1, state, &native, text, sizeof text, &length))) return std::nullopt;
  return DiagnosticRecord{reinterpret_cast<const char*>(state), reinterpret_cast<const char*>(text)};
}

}  // namespace

std::string OdbcDiagnostic(SQLSMALLINT handle_type, SQLHANDLE handle) {
  const auto record = FirstDiagnostic(handle_type, handle);
  if (!record) return "no diagnostic from the driver";
  return WithoutDriverPrefixes(record->message) + " (SQLSTATE " + record->state + ")";
}

std::string OdbcSqlState(SQLSMALLINT handle_type, SQLHANDLE handle) {
  const auto record = FirstDiagnostic(handle_type, handle);
  return record ? record->state : std::string();
}

std::string OdbcInfo(SQLHDBC connection, SQLUSMALLINT info_type) {
  char value[256] = {0};
  SQLSMALLINT length = 0;
  if (!OdbcOk(SQLGetInfo(connection, info_type, value, sizeof value, &length))) return {};
  return value;
}

core::Status OdbcStatement::Allocate(SQLHDBC connection, const std::string& context) {
  Reset();
  if (!OdbcOk(SQLAllocHandle(SQL_HANDLE_STMT, connection, &handle_))) {
    handle_ = SQL_NULL_HSTMT;
    return core::Status::Error(core::ErrorCode::kDatabase,
                               context + ": cannot allocate a statement: " + OdbcDiagnostic(SQL_HANDLE_DBC, connection));
  }
  return core::Status::Ok();
}

void OdbcStatement::Reset() {
  if (handle_ == SQL_NULL_HSTMT) return;
  SQLFreeStmt(handle_, SQL_CLOSE);
  SQLFreeHandle(SQL_HANDLE_STMT, handle_);
  handle_ = SQL_NULL_HSTMT;
}

core::Status OdbcStatement::Error(const std::string& context) const {
  return core::Status::Error(core::ErrorCode::kDatabase, context + ": " + OdbcDiagnostic(SQL_HANDLE_STMT, handle_));
}

}  // namespace handover::db
