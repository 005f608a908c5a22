// CopyWriter: the PostgreSQL fast path. Streams buffered rows with
// COPY ... FROM STDIN (text format) on the session's native libpq connection.
#pragma once

#include "db/table_writer.h"

namespace handover::db {

class CopyWriter final : public TableWriter {
 public:
  CopyWriter(Database& db, std::string table, std::vector<std::string> columns)
      : TableWriter(db, std::move(table), std::move(columns)) {}

 private:
  core::Status WriteBuffered() override;
};

}  // namespace handover::db
