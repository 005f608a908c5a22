// CopyWriter: the PostgreSQL fast path. Streams buffered rows with
// COPY ... FROM STDIN (text format) on the session's native libpq connection.
#pragma once

#include "load/table_writer.h"

namespace handover::load {

class CopyWriter final : public TableWriter {
 public:
  CopyWriter(Database& db, std::string table, std::vector<std::string> columns)
      : TableWriter(db, std::move(table), std::move(columns)) {}

 private:
  Status WriteBuffered() override;
};

}  // namespace handover::load
