// The raw ODBC handles under an ODBC session, for what SOCI's odbc backend
// does not offer: the catalog functions (SQLTables, SQLColumns,
// SQLPrimaryKeys), SQLGetInfo, and reading text with SQLGetData in pieces.
// OdbcStatement owns one statement handle; OdbcDiagnostic turns a failed
// call into one line ("server message (SQLSTATE 42S02)").
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <string>

#include "core/status.h"
#include "db/database.h"

namespace handover::db {

// The connection handle of an odbc: session, or nullptr for any other
// backend. Owned by the session; valid while the Database is open.
SQLHDBC OdbcConnection(Database& db);
// The same for a session opened with SOCI's odbc backend (nullptr otherwise).
SQLHDBC OdbcConnection(soci::session& session);

// The first diagnostic record of `handle` as one line: the driver's message
// without its "[unixODBC][Driver]..." prefixes, then "(SQLSTATE xxxxx)".
// "no diagnostic from the driver" when it left none.
std::string OdbcDiagnostic(SQLSMALLINT handle_type, SQLHANDLE handle);

// The SQLSTATE of the first diagnostic record ("" when none).
std::string OdbcSqlState(SQLSMALLINT handle_type, SQLHANDLE handle);

// True for SQL_SUCCESS and SQL_SUCCESS_WITH_INFO.
inline bool OdbcOk(SQLRETURN rc) { return rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO; }

// A string answer of SQLGetInfo (SQL_IDENTIFIER_QUOTE_CHAR, SQL_DBMS_NAME),
// "" when the driver does not answer.
std::string OdbcInfo(SQLHDBC connection, SQLUSMALLINT info_type);

// One statement handle, freed on destruction. Allocate fails with a Status
// naming `context` and the driver's diagnostic.
class OdbcStatement {
 public:
  OdbcStatement() = default;
  ~OdbcStatement() { Reset(); }
  OdbcStatement(const OdbcStatement&) = delete;
  OdbcStatement& operator=(const OdbcStatement&) = delete;

  core::Status Allocate(SQLHDBC connection, const std::string& context);
  // Closes the cursor and frees the handle (no-op when none).
  void Reset();
  SQLHSTMT get() const { return handle_; }
  // A failed call on this statement as a kDatabase Status: "context: diagnostic".
  core::Status Error(const std::string& context) const;

 private:
  SQLHSTMT handle_ = SQL_NULL_HSTMT;
};

}  // namespace handover::db
