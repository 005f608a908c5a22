// CopyWriter: the PostgreSQL fast path. Streams buffered rows with
// COPY ... FROM STDIN (text format) on the session's native libpq
// connection. Send() returns once the data is sent; the server's answer is
// collected by Sync() (Flush() does both).
#pragma once

#include "db/table_writer.h"

namespace handover::db {

class CopyWriter final : public TableWriter {
 public:
  CopyWriter(Database& db, std::string table, std::vector<std::string> columns)
      : TableWriter(db, std::move(table), std::move(columns)) {}
  ~CopyWriter() override;


 private:
  core::Status WriteBuffered() override;
  core::Status AwaitAnswer() override;
  bool awaiting_answer_ = false;  // a COPY was ended and its result not read
  size_t rows_in_flight_ = 0;     // rows of that COPY
};

}  // namespace handover::db
