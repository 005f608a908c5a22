// The bulk path of a native SQLite session: one INSERT of many rows
// (VALUES (...), (...), ...) prepared per flush and bound straight from the
// writer's text buffers. SOCI's vector binding runs one statement per row,
// and SQLite re-runs each statement's set-up (a CHECK (x IN (...)) list is
// built into a temporary b-tree) on every execution: many rows per
// execution pay it once.
#include <algorithm>

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
      : TableWriter(db, std::move(table), std::move(columns)) {}

 private:
  core::Status WriteBuffered() override;
  std::string InsertSql(size_t rows) const;
  // Runs `statement` (prepared for `rows` rows) on the buffered rows from `first`.
  core::Status Run(Statement& statement, size_t first, size_t rows);
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

core::Status SqliteInsertWriter::Run(Statement& statement, size_t first, size_t rows) {
  sqlite3_stmt* stmt = statement.get();
  int index = 1;
  for (size_t r = first; r < first + rows; ++r)
    for (size_t c = 0; c < columns_.size(); ++c, ++index) {
      const std::string_view cell = cells_.Cell(c, r);
      const int rc = cells_.IsNull(c, r) ? sqlite3_bind_null(stmt, index)
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

core::Status SqliteInsertWriter::WriteBuffered() {
  sqlite3* db = NativeSqliteConnection(db_);
  const size_t per_statement = std::max<size_t>(1, std::min(kRowsPerStatement, kMaxParameters / columns_.size()));
  const size_t full = rows_ / per_statement;
  const size_t rest = rows_ % per_statement;
  if (full > 0) {
    Statement statement(db, InsertSql(per_statement));
    if (!statement.ok()) return core::Status::Error(core::ErrorCode::kDatabase, "insert failed: " + statement.error());
    for (size_t s = 0; s < full; ++s) HANDOVER_RETURN_IF_ERROR(Run(statement, s * per_statement, per_statement));
  }
  if (rest > 0) {
    Statement statement(db, InsertSql(rest));
    if (!statement.ok()) return core::Status::Error(core::ErrorCode::kDatabase, "insert failed: " + statement.error());
    HANDOVER_RETURN_IF_ERROR(Run(statement, full * per_statement, rest));
  }
  return core::Status::Ok();
}

}  // namespace

std::unique_ptr<TableWriter> MakeSqliteInsertWriter(Database& db, std::string table,
                                                    std::vector<std::string> columns) {
  return std::make_unique<SqliteInsertWriter>(db, std::move(table), std::move(columns));
}

}  // namespace handover::db
