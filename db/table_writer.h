// TableWriter: buffers rows for one target table and writes them in bulk,
// inside the caller's transaction. One generic implementation binds whole
// column vectors through SOCI (SQLite, ODBC); PostgreSQL gets COPY on the
// native connection, ~25x faster than row-by-row prepared inserts (deps.md).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "db/database.h"
#include "core/status.h"
#include "core/value.h"

namespace handover::db {

class TableWriter {
 public:
  virtual ~TableWriter() = default;

  const std::string& table() const { return table_; }
  const std::vector<std::string>& columns() const { return columns_; }
  size_t pending() const { return rows_; }
  // Rows flushed so far.
  int64_t written() const { return written_; }

  // Buffers one row; `row` has one value per column, in columns() order.
  void Add(std::span<const core::Value> row);

  // Writes all buffered rows. On failure nothing is counted and the caller
  // must roll back its transaction; the Status names the table and the
  // server's reason.
  core::Status Flush();
  // Drops buffered rows without writing them (after a rolled-back batch).
  void Discard();

 protected:
  TableWriter(Database& db, std::string table, std::vector<std::string> columns);

  // Writes rows_ buffered rows from text_/is_null_ (column-major).
  virtual core::Status WriteBuffered() = 0;

  Database& db_;
  std::string table_;
  std::vector<std::string> columns_;
  std::vector<std::vector<std::string>> text_;  // [column][row]
  std::vector<std::vector<char>> is_null_;      // [column][row]
  size_t rows_ = 0;

 private:
  int64_t written_ = 0;
};

// Picks the fastest writer the target's access path offers.
std::unique_ptr<TableWriter> MakeTableWriter(Database& db, std::string table,
                                             std::vector<std::string> columns);

}  // namespace handover::db
