// The bulk path of a native SQLite session: one INSERT of many rows
// (VALUES (...), (...), ...) prepared per flush and bound straight from the
// writer's text buffers. SOCI's vector binding runs one statement per row,
// and SQLite re-runs each statement's set-up (a CHECK (x IN (...)) list is
// built into a temporary b-tree) on every execution: many rows per
// execution pay it once. Rows sent to be answered later (Send, not Flush)
// are inserted on a thread of their own, from a buffer of their own, while
// the caller, which leaves the connection alone until Sync, goes on.
#include <algorithm>
#include <thread>
#include <utility>

#include "db/bulk_paths.h"
#include "db/sqlite_native.h"

#include <soci/soci.h>

namespace handover::db {

using namespace sqlite_api;

sqlite3* NativeSqliteConnection(Database& db) {
  if (db.backend() != Backend::kSqlite) return nullptr;
  return static_cast<soci::sqlite3_session_backend*>(db.session().get_backend())->conn_;
}

namespace {

// Rows per statement: enough to spread the per-execution cost thin, few
// enough to stay far below SQLite's 32,766 bound parameters.
constexpr size_t kRowsPerStatement = 100;
constexpr size_t kMaxParameters = 30000;

// A prepared statement, finalized when it goes.
class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() { return stmt_; }
  std::string error() const { return sqlite3_errmsg(db_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
};

class SqliteInsertWriter final : public TableWriter {
 public:
  SqliteInsertWriter(Database& db, std::string table, std::vector<std::string> columns)
      : TableWriter(db, std::move(table), std::move(columns)), sending_(columns_.size()) {}
  ~SqliteInsertWriter() override { (void)AwaitAnswer(); }

 private:
  core::Status WriteBuffered(bool may_answer_later) override;
  core::Status AwaitAnswer() override;
  // Inserts the first `rows` rows of `cells` on connection `db`.
  core::Status Insert(sqlite3* db, const TextColumns& cells, size_t rows);
  std::string InsertSql(size_t rows) const;
  // Runs `statement` (prepared for `rows` rows) on the rows of `cells` from `first`.
  core::Status Run(Statement& statement, const TextColumns& cells, size_t first, size_t rows);

  std::thread sender_;    // inserting sending_, when rows were sent to be answered later
  TextColumns sending_;   // their cells (the writer buffers the next rows meanwhile)
  core::Status answer_;   // the sender's outcome
};

std::string SqliteInsertWriter::InsertSql(size_t rows) const {
  std::string sql = "INSERT INTO " + db_.QuoteIdentifier(table_) + " (";
  std::string row = "(";
  for (size_t c = 0; c < columns_.size(); ++c) {
    sql += (c ? ", " : "") + db_.QuoteIdentifier(columns_[c]);
    row += c ? ", ?" : "?";
  }
  sql += ") VALUES ";
  row += ")";
  sql.reserve(sql.size() + rows * (row.size() + 2));
  for (size_t r = 0; r < rows; ++r) sql += (r ? ", " : "") + row;
  return sql;
}

core::Status SqliteInsertWriter::Run(Statement& statement, const TextColumns& cells, size_t first, size_t rows) {
  sqlite3_stmt* stmt = statement.get();
  int index = 1;
  for (size_t r = first; r < first + rows; ++r)
    for (size_t c = 0; c < columns_.size(); ++c, ++index) {
      const std::string_view cell = cells.Cell(c, r);
      const int rc = cells.IsNull(c, r) ? sqlite3_bind_null(stmt, index)
                                         : sqlite3_bind_text(stmt, index, cell.data(), static_cast<int>(cell.size()),
                                                             SQLITE_STATIC);
      if (rc != SQLITE_OK) return core::Status::Error(core::ErrorCode::kDatabase, "insert failed: " + statement.error());
    }
  const int rc = sqlite3_step(stmt);
  // The reason is read before reset, which may replace it.
  core::Status status = rc == SQLITE_DONE ? core::Status::Ok()
                                          : core::Status::Error(core::ErrorCode::kDatabase, "insert failed: " + statement.error());
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  return status;
}

core::Status SqliteInsertWriter::WriteBuffered(bool may_answer_later) {
  HANDOVER_RETURN_IF_ERROR(AwaitAnswer());
  sqlite3* db = NativeSqliteConnection(db_);
  if (!may_answer_later) return Insert(db, cells_, rows_);
  // The base class clears cells_ next: it then holds the spent buffer.
  std::swap(cells_, sending_);
  sender_ = std::thread([this, db, rows = rows_] { answer_ = Insert(db, sending_, rows); });
  return core::Status::Ok();
}

core::Status SqliteInsertWriter::AwaitAnswer() {
  if (!sender_.joinable()) return core::Status::Ok();
  sender_.join();
  return std::exchange(answer_, core::Status::Ok());
}

core::Status SqliteInsertWriter::Insert(sqlite3* db, const TextColumns& cells, size_t rows) {
  const size_t per_statement = std::max<size_t>(1, std::min(kRowsPerStatement, kMaxParameters / columns_.size()));
  const size_t full = rows / per_statement;
  const size_t rest = rows % per_statement;
  if (full > 0) {
    Statement statement(db, InsertSql(per_statement));
    if (!statement.ok()) return core::Status::Error(core::ErrorCode::kDatabase, "insert failed: " + statement.error());
    for (size_t s = 0; s < full; ++s) HANDOVER_RETURN_IF_ERROR(Run(statement, cells, s * per_statement, per_statement));
  }
  if (rest > 0) {
    Statement statement(db, InsertSql(rest));
    if (!statement.ok()) return core::Status::Error(core::ErrorCode::kDatabase, "insert failed: " + statement.error());
    HANDOVER_RETURN_IF_ERROR(Run(statement, cells, full * per_statement, rest));
  }
  return core::Status::Ok();
}

}  // namespace

std::unique_ptr<TableWriter> MakeSqliteInsertWriter(Database& db, std::string table,
                                                    std::vector<std::string> columns) {
  return std::make_unique<SqliteInsertWriter>(db, std::move(table), std::move(columns));
}

}  // namespace handover::db
