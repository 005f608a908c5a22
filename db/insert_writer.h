// InsertWriter: the generic TableWriter. One prepared INSERT executed once
// per batch with every column bound as a vector (SOCI bulk binding), which
// SQLite and the ODBC drivers run as array inserts.
#pragma once

#include "db/table_writer.h"

namespace handover::db {

class InsertWriter final : public TableWriter {
 public:
  InsertWriter(Database& db, std::string table, std::vector<std::string> columns)
      : TableWriter(db, std::move(table), std::move(columns)) {}

 private:
  core::Status WriteBuffered() override;
};

}  // namespace handover::db
