#include "generator/provider_writer.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "generator/legacy_text.h"
#include "core/text_encoding.h"
#include "db/postgres_copy.h"

namespace handover::generator {
namespace {

// SQLite commits every this many rows: keeps the journal small without
// paying a commit per batch. PostgreSQL uses one transaction for the run.
constexpr int64_t kSqliteCommitRows = 500000;

}  // namespace

ProviderWriter::ProviderWriter(db::Database& db, size_t batch_rows) : db_(db), batch_rows_(batch_rows) {
  for (int t = 0; t < kTableCount; ++t) {
    const size_t columns = TableSpec(static_cast<Table>(t)).columns.size();
    buffers_[t].cells.resize(columns);
    buffers_[t].nulls.resize(columns);
  }
}

core::Status ProviderWriter::Begin() {
  if (db_.backend() == db::Backend::kSqlite) {
    // The file is a temporary one renamed into place at the end: a crash
    // leaves nothing behind, so durability during the load is not needed.
    HANDOVER_RETURN_IF_ERROR(db_.Execute("PRAGMA journal_mode = OFF", "setting up SQLite"));
    HANDOVER_RETURN_IF_ERROR(db_.Execute("PRAGMA synchronous = OFF", "setting up SQLite"));
  }
  if (db_.backend() == db::Backend::kPostgresql) {
    // DROP TABLE IF EXISTS on a fresh database is not news to the user.
    HANDOVER_RETURN_IF_ERROR(
        db_.Execute("SET client_min_messages = warning", "setting up PostgreSQL"));
    auto encoding =
        db_.QueryText("SELECT current_setting('server_encoding')", "reading the server encoding");
    if (!encoding.ok()) return encoding.status();
    transcode_win1252_ = *encoding == "UTF8";
  }
  try {
    db_.session().begin();
  } catch (...) {
    return db::StatusFromCurrentException(core::ErrorCode::kDatabase, "starting the provider transaction");
  }
  in_transaction_ = true;
  return core::Status::Ok();
}

ProviderWriter::Buffer& ProviderWriter::Cell(Table table) {
  Buffer& buffer = buffers_[static_cast<size_t>(table)];
  assert(buffer.column < buffer.cells.size() && "more cells than columns");
  return buffer;
}

void ProviderWriter::Text(Table table, std::string value) {
  Buffer& buffer = Cell(table);
  if (transcode_win1252_) value = core::RepairToUtf8(value);
  buffer.cells[buffer.column].push_back(std::move(value));
  buffer.nulls[buffer.column].push_back(false);
  ++buffer.column;
}

void ProviderWriter::Int(Table table, int64_t value) { Text(table, std::to_string(value)); }

void ProviderWriter::Null(Table table) {
  Buffer& buffer = Cell(table);
  buffer.cells[buffer.column].emplace_back();
  buffer.nulls[buffer.column].push_back(true);
  ++buffer.column;
}

core::Status ProviderWriter::EndRow(Table table) {
  Buffer& buffer = buffers_[static_cast<size_t>(table)];
  assert(buffer.column == buffer.cells.size() && "row has fewer cells than columns");
  buffer.column = 0;
  ++buffer.size;
  ++rows_[static_cast<size_t>(table)];
  if (buffer.size >= batch_rows_) return Flush(table);
  return core::Status::Ok();
}

core::Status ProviderWriter::Flush(Table table) {
  Buffer& buffer = buffers_[static_cast<size_t>(table)];
  if (buffer.size == 0) return core::Status::Ok();
  core::Status status = db_.backend() == db::Backend::kPostgresql
                      ? FlushCopy(table, buffer)
                      : FlushSoci(table, buffer).WithContext(std::string("writing table ") +
                                                             TableName(table));
  if (!status.ok()) return status;
  rows_since_commit_ += static_cast<int64_t>(buffer.size);
  for (auto& column : buffer.cells) column.clear();
  for (auto& column : buffer.nulls) column.clear();
  buffer.size = 0;
  if (db_.backend() != db::Backend::kPostgresql && rows_since_commit_ >= kSqliteCommitRows) {
    try {
      db_.session().commit();
      db_.session().begin();
    } catch (...) {
      return db::StatusFromCurrentException(core::ErrorCode::kDatabase, "committing a provider batch");
    }
    rows_since_commit_ = 0;
  }
  return core::Status::Ok();
}

core::Status ProviderWriter::FlushSoci(Table table, Buffer& buffer) {
  const ProviderTable& spec = TableSpec(table);
  std::string sql = std::string("INSERT INTO ") + spec.name + " (";
  std::string values;
  for (size_t c = 0; c < spec.columns.size(); ++c) {
    sql += (c ? ", " : "") + std::string(spec.columns[c].name);
    values += (c ? ", :c" : ":c") + std::to_string(c);
  }
  sql += ") VALUES (" + values + ")";
  std::vector<std::vector<soci::indicator>> indicators(spec.columns.size());
  for (size_t c = 0; c < spec.columns.size(); ++c) {
    indicators[c].reserve(buffer.size);
    for (bool is_null : buffer.nulls[c])
      indicators[c].push_back(is_null ? soci::i_null : soci::i_ok);
  }
  try {
    soci::statement st(db_.session());
    st.alloc();
    st.prepare(sql);
    for (size_t c = 0; c < spec.columns.size(); ++c)
      st.exchange(soci::use(buffer.cells[c], indicators[c]));
    st.define_and_bind();
    st.execute(true);
  } catch (...) {
    return db::StatusFromCurrentException(core::ErrorCode::kDatabase, "inserting a batch");
  }
  return core::Status::Ok();
}

core::Status ProviderWriter::FlushCopy(Table table, Buffer& buffer) {
  // The previous batch's COPY is still being processed by the server while
  // this one was generated; collect its result before starting the next.
  HANDOVER_RETURN_IF_ERROR(AwaitCopy());
  const ProviderTable& spec = TableSpec(table);
  const std::string context = std::string("writing table ") + spec.name + ": COPY: ";
  auto* backend = static_cast<soci::postgresql_session_backend*>(db_.session().get_backend());
  PGconn* conn = backend->conn_;
  std::string sql = std::string("COPY ") + spec.name + " (";
  for (size_t c = 0; c < spec.columns.size(); ++c)
    sql += (c ? ", " : "") + std::string(spec.columns[c].name);
  sql += ") FROM STDIN";
  PGresult* start = PQexec(conn, sql.c_str());
  const bool started = PQresultStatus(start) == PGRES_COPY_IN;
  PQclear(start);
  if (!started) return core::Status::Error(core::ErrorCode::kDatabase, context + PQerrorMessage(conn));
  std::string data;
  data.reserve(buffer.size * spec.columns.size() * 12);
  for (size_t r = 0; r < buffer.size; ++r) {
    for (size_t c = 0; c < spec.columns.size(); ++c) {
      if (c) data += '\t';
      if (buffer.nulls[c][r])
        data += "\\N";
      else
        db::AppendCopyText(data, buffer.cells[c][r]);
    }
    data += '\n';
  }
  const bool sent = PQputCopyData(conn, data.data(), static_cast<int>(data.size())) == 1;
  const bool ended = PQputCopyEnd(conn, sent ? nullptr : "generator failed to send data") == 1;
  copy_pending_ = true;
  pending_table_ = spec.name;
  if (!sent || !ended) return AwaitCopy();
  return core::Status::Ok();
}

core::Status ProviderWriter::AwaitCopy() {
  if (!copy_pending_) return core::Status::Ok();
  copy_pending_ = false;
  auto* backend = static_cast<soci::postgresql_session_backend*>(db_.session().get_backend());
  PGconn* conn = backend->conn_;
  std::string error;
  while (PGresult* result = PQgetResult(conn)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK) error = PQresultErrorMessage(result);
    PQclear(result);
  }
  if (error.empty()) return core::Status::Ok();
  while (!error.empty() && (error.back() == '\n' || error.back() == ' ')) error.pop_back();
  return core::Status::Error(core::ErrorCode::kDatabase,
                       "writing table " + pending_table_ + ": COPY: " + error);
}

core::Status ProviderWriter::FlushAll() {
  for (int t = 0; t < kTableCount; ++t) HANDOVER_RETURN_IF_ERROR(Flush(static_cast<Table>(t)));
  return AwaitCopy();
}

core::Status ProviderWriter::Finish() {
  core::Status flushed = FlushAll();
  if (!flushed.ok()) {
    Abort();
    return flushed;
  }
  try {
    db_.session().commit();
    in_transaction_ = false;
  } catch (...) {
    Abort();
    return db::StatusFromCurrentException(core::ErrorCode::kDatabase, "committing the provider database");
  }
  if (db_.backend() == db::Backend::kSqlite)
    return db_.Execute("PRAGMA journal_mode = DELETE", "finishing the SQLite file");
  return core::Status::Ok();
}

void ProviderWriter::Abort() {
  if (!in_transaction_) return;
  in_transaction_ = false;
  (void)AwaitCopy();  // the connection must be idle before the rollback
  try {
    db_.session().rollback();
  } catch (const soci::soci_error&) {
    // Nothing more to undo: the caller discards the file or the connection.
  }
}

}  // namespace handover::generator
