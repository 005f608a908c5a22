// The bulk paths MakeTableWriter chooses between. Internal to db/:
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

// Runs `sql` once per buffered row, binding text[order[0]], text[order[1]],
// ... (column-major, as TableWriter buffers them) to its placeholders in
// turn: the vector binding the insert and update paths share. Failures carry
// `context` and the server's reason.
core::Status ExecuteWithColumnVectors(Database& db, const std::string& sql, const TextColumns& cells,
                                      const std::vector<size_t>& order, const std::string& context);

// Multi-row INSERTs on a native SQLite session's sqlite3 connection, bound
// straight from the buffers (sqlite_insert_writer.cpp).
std::unique_ptr<TableWriter> MakeSqliteInsertWriter(Database& db, std::string table,
                                                    std::vector<std::string> columns);

// COPY ... FROM STDIN (text format) on a native PostgreSQL session's libpq
// connection; Send() returns once the data is sent, Sync() reads the answer.
std::unique_ptr<TableWriter> MakeCopyWriter(Database& db, std::string table,
                                            std::vector<std::string> columns);

}  // namespace handover::db
