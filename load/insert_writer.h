// InsertWriter: the generic TableWriter. One prepared INSERT executed once
// per batch with every column bound as a vector (SOCI bulk binding), which
// SQLite and the ODBC drivers run as array inserts.
#pragma once

#include "load/table_writer.h"

namespace handover::load {

class InsertWriter final : public TableWriter {
 public:
  InsertWriter(Database& db, std::string table, std::vector<std::string> columns)
      : TableWriter(db, std::move(table), std::move(columns)) {}

 private:
  Status WriteBuffered() override;
};

}  // namespace handover::load
