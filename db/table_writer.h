// TableWriter: buffers rows for one table and writes them in bulk inside the
// caller's transaction: the one bulk path of the project, used by the load
// stage for council tables and by the generator for provider tables. One
// generic implementation binds whole column vectors through SOCI (ODBC); a
// native PostgreSQL session gets COPY, ~25x faster than prepared inserts
// there, and a native SQLite session multi-row INSERTs bound through the C
// API. Memory is bounded by the rows buffered between flushes.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/value.h"
#include "db/database.h"
#include "db/text_columns.h"

namespace handover::db {

class TableWriter {
 public:
  // For the bulk paths (bulk_paths.h); everything else uses MakeTableWriter.
  TableWriter(Database& db, std::string table, std::vector<std::string> columns);
  virtual ~TableWriter() = default;

  const std::string& table() const { return table_; }
  const std::vector<std::string>& columns() const { return columns_; }
  // Complete rows buffered and not yet sent.
  size_t pending() const { return rows_; }
  // Rows the server has accepted so far.
  int64_t written() const { return written_; }

  // Buffers one row; `row` has one value per column, in columns() order.
  void Add(std::span<const core::Value> row);
  // Buffers a row cell by cell: one AddText or AddNull per column, in
  // columns() order, then EndRow.
  void AddText(std::string_view value);
  void AddInteger(int64_t number);
  void AddNull();
  void Add(std::string_view text) { AddText(text); }
  void Add(int64_t number) { AddInteger(number); }
  template <typename T>
  void AddOptional(const std::optional<T>& value) {
    if (value) Add(*value);
    else AddNull();
  }
  void EndRow();

  // Sends every buffered row and waits for the server's answer. On failure
  // the caller must roll back its transaction; the Status names the table
  // and the server's reason (never the row's values).
  core::Status Flush();
  // Sends every buffered row. Where the path allows it (COPY; native
  // SQLite, on a thread) this returns before the rows are written, so the
  // caller can prepare the next batch meanwhile; Sync() collects the answer
  // and must come before any other statement on the same connection,
  // including another writer's Send.
  core::Status Send();
  core::Status Sync();
  // Drops buffered rows without writing them (after a rolled-back batch).
  void Discard();

 protected:

  // Sends the rows_ rows buffered in cells_. With `may_answer_later` (Send,
  // not Flush) a path may return before they are written, taking the
  // buffer's contents with it; AwaitAnswer then waits.
  virtual core::Status WriteBuffered(bool may_answer_later) = 0;
  // Waits for the server's answer to rows WriteBuffered sent without
  // waiting (a path that always waits keeps this default).
  virtual core::Status AwaitAnswer() { return core::Status::Ok(); }

  Database& db_;
  std::string table_;
  std::vector<std::string> columns_;
  TextColumns cells_;
  size_t rows_ = 0;

 private:
  core::Status SendRows(bool may_answer_later);
  // "writing 3 rows to person", the context of a failure.
  std::string Writing(int64_t rows) const;

  size_t next_cell_ = 0;  // column of the next AddText/AddNull
  int64_t written_ = 0;
  int64_t unanswered_ = 0;  // rows sent, the server's answer not yet read
};

// Picks the fastest writer the target's access path offers.
std::unique_ptr<TableWriter> MakeTableWriter(Database& db, std::string table,
                                             std::vector<std::string> columns);

// A writer whose rows replace the rows already in `table` that have the same
// `key_column` value (UPDATE ... WHERE key = ...); rows with no match change
// nothing. Null when `key_column` is not one of `columns`.
std::unique_ptr<TableWriter> MakeUpdateWriter(Database& db, std::string table, std::vector<std::string> columns,
                                              const std::string& key_column);

}  // namespace handover::db
