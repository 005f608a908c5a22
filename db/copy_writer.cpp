// The PostgreSQL bulk path: COPY on the native connection, pipelined.
#include "db/bulk_paths.h"
#include "db/postgres_copy.h"
#include "db/postgres_native.h"

namespace handover::db {
namespace {

std::string ConnectionError(PGconn* conn) {
  std::string message = PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

// The primary message and the constraint only: the server's DETAIL
// ("Failing row contains (...)") would copy names and dates of birth into
// the exception list.
std::string ResultError(const PGresult* result) {
  const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  const char* constraint = PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME);
  const char* column = PQresultErrorField(result, PG_DIAG_COLUMN_NAME);
  std::string message = primary ? primary : "the server refused the rows";
  if (constraint) message += std::string(" (constraint ") + constraint + ")";
  if (column) message += std::string(" (column ") + column + ")";
  return message;
}

class CopyWriter final : public TableWriter {
 public:
  using TableWriter::TableWriter;
  ~CopyWriter() override;

 private:
  core::Status WriteBuffered(bool may_answer_later) override;
  core::Status AwaitAnswer() override;
  bool awaiting_answer_ = false;  // a COPY was ended and its result not read
};

CopyWriter::~CopyWriter() {
  // The connection must be idle before the session is used again.
  (void)AwaitAnswer();
}

core::Status CopyWriter::WriteBuffered(bool /*may_answer_later*/) {
  HANDOVER_RETURN_IF_ERROR(AwaitAnswer());
  PGconn* conn = NativePostgresConnection(db_);
  std::string sql = "COPY " + db_.QuoteIdentifier(table_) + " (";
  for (size_t c = 0; c < columns_.size(); ++c) sql += (c ? ", " : "") + db_.QuoteIdentifier(columns_[c]);
  sql += ") FROM STDIN";
  PGresult* start = PQexec(conn, sql.c_str());
  const bool ready = PQresultStatus(start) == PGRES_COPY_IN;
  PQclear(start);
  if (!ready) return core::Status::Error(core::ErrorCode::kDatabase, "COPY refused: " + ConnectionError(conn));

  std::string chunk;
  chunk.reserve(1 << 20);
  bool sent = true;
  for (size_t r = 0; r < rows_ && sent; ++r) {
    for (size_t c = 0; c < columns_.size(); ++c) {
      if (c) chunk += '\t';
      if (cells_.IsNull(c, r)) chunk += "\\N";
      else AppendCopyText(chunk, cells_.Cell(c, r));
    }
    chunk += '\n';
    if (chunk.size() >= (1 << 20) || r + 1 == rows_) {
      sent = PQputCopyData(conn, chunk.data(), static_cast<int>(chunk.size())) == 1;
      chunk.clear();
    }
  }
  if (PQputCopyEnd(conn, sent ? nullptr : "client failed to send data") != 1)
    return core::Status::Error(core::ErrorCode::kDatabase, "COPY could not finish: " + ConnectionError(conn));
  awaiting_answer_ = true;
  return core::Status::Ok();
}

core::Status CopyWriter::AwaitAnswer() {
  if (!awaiting_answer_) return core::Status::Ok();
  awaiting_answer_ = false;
  core::Status status;
  while (PGresult* result = PQgetResult(NativePostgresConnection(db_))) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK && status.ok())
      status = core::Status::Error(core::ErrorCode::kDatabase, ResultError(result));
    PQclear(result);
  }
  return status;
}

}  // namespace

std::unique_ptr<TableWriter> MakeCopyWriter(Database& db, std::string table,
                                            std::vector<std::string> columns) {
  return std::make_unique<CopyWriter>(db, std::move(table), std::move(columns));
}

}  // namespace handover::db
