// Database: an open SOCI session plus what we know about the server behind it
// (its SQL dialect, even through ODBC). The only place that opens sessions and
// turns SOCI exceptions into Status values with a hint of what to do.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "db/connection_url.h"
#include "db/dialect.h"
#include "core/status.h"

namespace soci {
class session;
}

namespace handover::db {

// How Open treats an SQLite file that does not exist yet.
enum class OpenMode {
  kMustExist,   // a source: a missing file is an error, never created
  kCreateIfMissing,  // a target: created; Database remembers it created it
};

class Database {
 public:
  // Opens the database. Fails (kConnection, kNotFound, kConfig) with one line
  // naming the masked URL, what went wrong and what to try.
  static core::Result<std::unique_ptr<Database>> Open(const ConnectionUrl& url, OpenMode mode);
  ~Database();

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  soci::session& session() { return *session_; }
  const ConnectionUrl& url() const { return url_; }
  Backend backend() const { return url_.backend(); }
  // The SQL the server speaks, whatever the access path.
  const Dialect& dialect() const { return *dialect_; }
  // True when a table's rowid is the number its rows are known by: the line
  // of a csv: folder's file that each record starts on. Sources then number
  // rows by it, so that the ledger and the worklist name that line.
  bool rows_numbered_by_rowid() const { return url_.backend() == Backend::kCsv; }
  // True when Open created the SQLite file (so a failed run can remove it).
  bool created_file() const { return created_file_; }

  // One line for the log: the server's version, the session's time zone and
  // character set, as the dialect can tell them.
  std::string SessionDescription();

  // Runs one statement; failures carry `context` and the server's message.
  core::Status Execute(const std::string& sql, const std::string& context);
  // Runs a script of statements separated by ';' at line ends (schema files).
  core::Status ExecuteScript(const std::string& script, const std::string& context);
  // The same inside one transaction: all statements take effect or none (DDL
  // is transactional on SQLite and PostgreSQL). The script must not BEGIN.
  core::Status ExecuteScriptAtomically(const std::string& script, const std::string& context);
  // Brings the planner's statistics of `table` (of every table when empty)
  // up to date where the dialect needs it (Dialect::RefreshStatisticsSql):
  // call after a bulk load, before queries that look up what it loaded.
  core::Status RefreshStatistics(const std::string& context, const std::string& table = {});
  // Runs a query returning one integer (NULL reads as 0).
  core::Result<int64_t> QueryInt(const std::string& sql, const std::string& context);
  // Runs a query returning one text value (NULL reads as "").
  core::Result<std::string> QueryText(const std::string& sql, const std::string& context);

  // Runs a query whose columns are all text (CAST them in the SQL) and
  // returns every row; NULL reads as "". For small metadata and report
  // queries only: data rows stream through TableSource.
  core::Result<std::vector<std::vector<std::string>>> QueryRows(const std::string& sql, size_t columns,
                                                          const std::string& context);

  // The same, streamed: `row` is called once per row (its cells may be moved
  // from) and the result is never held in memory as a whole.
  core::Status ForEachRow(const std::string& sql, size_t columns, const std::string& context,
                          const std::function<void(std::vector<std::string>& row)>& row);

  // Quotes a string literal ('it''s').
  static std::string QuoteLiteral(const std::string& text);
  // Quotes an identifier for this dialect.
  std::string QuoteIdentifier(const std::string& name) const { return dialect_->QuoteIdentifier(name); }
  // Closes the session and removes the SQLite file if Open created it.
  void DiscardCreatedFile();

  // Transactions that nest: the outermost Begin starts a transaction, an
  // inner one a savepoint, so a whole rehearsal can run inside one
  // transaction that is rolled back while its batches commit and roll back
  // as savepoints. Commit and Rollback end the innermost level.
  core::Status Begin(const std::string& context);
  core::Status Commit(const std::string& context);
  void Rollback();
  int transaction_depth() const { return depth_; }

 private:
  Database(ConnectionUrl url, std::unique_ptr<soci::session> session, const Dialect* dialect,
           bool created_file);
  ConnectionUrl url_;
  std::unique_ptr<soci::session> session_;
  const Dialect* dialect_;
  bool created_file_;
  int depth_ = 0;
};

// One line from a possibly multi-line server message, without the parts
// that quote data (PostgreSQL's DETAIL and CONTEXT lines).
std::string ServerMessageLine(std::string message);

// Converts an exception thrown by SOCI into a Status with context. Call only
// from inside a catch block.
core::Status StatusFromCurrentException(core::ErrorCode code, const std::string& context);

}  // namespace handover::db
