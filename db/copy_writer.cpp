#include "db/copy_writer.h"
#include "db/postgres_copy.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

namespace handover::db {
namespace {

std::string ResultError(PGconn* conn) {
  std::string message = PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

}  // namespace

core::Status CopyWriter::WriteBuffered() {
  auto* backend = static_cast<soci::postgresql_session_backend*>(db_.session().get_backend());
  PGconn* conn = backend->conn_;
  std::string sql = "COPY " + db_.QuoteIdentifier(table_) + " (";
  for (size_t c = 0; c < columns_.size(); ++c) sql += (c ? ", " : "") + db_.QuoteIdentifier(columns_[c]);
  sql += ") FROM STDIN";
  PGresult* start = PQexec(conn, sql.c_str());
  const bool ready = PQresultStatus(start) == PGRES_COPY_IN;
  PQclear(start);
  if (!ready) return core::Status::Error(core::ErrorCode::kDatabase, "COPY refused: " + ResultError(conn));

  std::string chunk;
  chunk.reserve(1 << 20);
  bool sent = true;
  for (size_t r = 0; r < rows_ && sent; ++r) {
    for (size_t c = 0; c < columns_.size(); ++c) {
      if (c) chunk += '\t';
      if (is_null_[c][r]) chunk += "\\N";
      else AppendCopyText(chunk, text_[c][r]);
    }
    chunk += '\n';
    if (chunk.size() >= (1 << 20) || r + 1 == rows_) {
      sent = PQputCopyData(conn, chunk.data(), static_cast<int>(chunk.size())) == 1;
      chunk.clear();
    }
  }
  if (PQputCopyEnd(conn, sent ? nullptr : "client failed to send data") != 1)
    return core::Status::Error(core::ErrorCode::kDatabase, "COPY could not finish: " + ResultError(conn));
  core::Status status;
  while (PGresult* result = PQgetResult(conn)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK && status.ok()) {
      // The primary message and the constraint only: the server's DETAIL
      // ("Failing row contains (...)") would copy names and dates of birth
      // into the exception list.
      const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
      const char* constraint = PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME);
      const char* column = PQresultErrorField(result, PG_DIAG_COLUMN_NAME);
      std::string message = primary ? primary : "the server refused the rows";
      if (constraint) message += std::string(" (constraint ") + constraint + ")";
      if (column) message += std::string(" (column ") + column + ")";
      status = core::Status::Error(core::ErrorCode::kDatabase, message);
    }
    PQclear(result);
  }
  return status;
}

}  // namespace handover::db
