// The two bulk paths MakeTableWriter chooses between. Internal to db/:
// everything else writes through db::TableWriter.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "db/table_writer.h"

namespace handover::db {

// One prepared INSERT per batch with every column bound as a vector (SOCI
// bulk binding), which SQLite and the ODBC drivers run as array inserts.
std::unique_ptr<TableWriter> MakeInsertWriter(Database& db, std::string table,
                                              std::vector<std::string> columns);

// COPY ... FROM STDIN (text format) on a native PostgreSQL session's libpq
// connection; Send() returns once the data is sent, Sync() reads the answer.
std::unique_ptr<TableWriter> MakeCopyWriter(Database& db, std::string table,
                                            std::vector<std::string> columns);

}  // namespace handover::db
