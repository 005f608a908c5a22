// ProviderWriter: buffers generated provider rows per table and writes them in
// batches — vector binds of one prepared INSERT through SOCI (SQLite, ODBC),
// COPY on the native connection for PostgreSQL, where the server ingests one
// batch while the next is generated. Memory is bounded by the batch size
// whatever the number of rows.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "db/database.h"
#include "generator/provider_schema.h"
#include "core/status.h"

namespace handover::generator {

class ProviderWriter {
 public:
  // `db` must outlive the writer. Rows become visible at Finish().
  ProviderWriter(db::Database& db, size_t batch_rows);

  // Starts the transaction (and, for SQLite, fast bulk-load pragmas).
  core::Status Begin();

  // Appends cells of the current row of `table`, in column order.
  void Text(Table table, std::string value);
  void Int(Table table, int64_t value);
  void Null(Table table);
  // Ends the current row; writes the table's batch when full.
  core::Status EndRow(Table table);

  // Writes what is still buffered (the transaction stays open).
  core::Status FlushAll();
  // Writes what is buffered and commits. On failure the transaction is
  // rolled back (the caller removes a half-written SQLite file).
  core::Status Finish();
  // Rolls back after a failure elsewhere.
  void Abort();

  // Rows written so far to `table` (ids are assigned from this by callers).
  int64_t rows(Table table) const { return rows_[static_cast<size_t>(table)]; }

 private:
  struct Buffer {
    std::vector<std::vector<std::string>> cells;  // [column][row]
    std::vector<std::vector<bool>> nulls;         // [column][row]
    size_t column = 0;                            // next cell of the current row
    size_t size = 0;                              // complete rows buffered
  };
  Buffer& Cell(Table table);
  core::Status Flush(Table table);
  core::Status FlushSoci(Table table, Buffer& buffer);
  core::Status FlushCopy(Table table, Buffer& buffer);
  // Collects the result of the COPY sent last, if any.
  core::Status AwaitCopy();

  db::Database& db_;
  size_t batch_rows_;
  bool transcode_win1252_ = false;  // PostgreSQL with UTF-8 storage
  bool in_transaction_ = false;
  bool copy_pending_ = false;  // a COPY was sent and its result not yet read
  std::string pending_table_;
  int64_t rows_since_commit_ = 0;
  std::array<Buffer, kTableCount> buffers_;
  std::array<int64_t, kTableCount> rows_{};
};

}  // namespace handover::generator
