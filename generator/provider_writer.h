// ProviderWriter: writes generated rows into the provider tables through the
// project's one bulk path (db::TableWriter, one per table), in one
// transaction. On PostgreSQL the server ingests one table's batch while the
// generator builds the next. Memory is bounded by the batch size whatever
// the number of rows.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"
#include "db/database.h"
#include "db/table_writer.h"
#include "generator/provider_schema.h"

namespace handover::generator {

class ProviderWriter {
 public:
  // `db` must outlive the writer. Rows become visible at Finish().
  ProviderWriter(db::Database& db, size_t batch_rows);

  // Starts the transaction, with the dialect's bulk-load settings.
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
  db::TableWriter& Writer(Table table) { return *writers_[static_cast<size_t>(table)]; }
  core::Status Flush(Table table);
  // Collects the answer to the batch sent last, if any.
  core::Status SyncInFlight();

  db::Database& db_;
  size_t batch_rows_;
  bool transcode_win1252_ = false;  // the server refuses invalid UTF-8
  bool in_transaction_ = false;
  db::TableWriter* in_flight_ = nullptr;  // sent, its answer not yet read
  int64_t rows_since_commit_ = 0;
  std::array<std::unique_ptr<db::TableWriter>, kTableCount> writers_;
  std::array<int64_t, kTableCount> rows_{};
};

}  // namespace handover::generator
