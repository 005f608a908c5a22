// SqliteRowStream: reads a query's rows from a native SQLite session with
// sqlite3_step, each cell's text assigned straight into the chunk's strings.
// SOCI's sqlite3 backend copies every cell into a buffer of its own (one heap
// allocation per cell) and then again into the caller's vector: at 200,000
// people that was a quarter of a rehearsal's CPU.
#pragma once

#include "db/row_stream.h"
#include "db/sqlite_native.h"

namespace handover::db {

class SqliteRowStream final : public RowStream {
 public:
  explicit SqliteRowStream(sqlite_api::sqlite3* connection) : connection_(connection) {}
  ~SqliteRowStream() override;

  void Start(const std::string& sql) override;
  size_t Fill(std::vector<std::vector<std::string>>& cells,
              std::vector<std::vector<soci::indicator>>& nulls, size_t rows) override;

 private:
  void Close();
  [[noreturn]] void Fail(const std::string& what);

  sqlite_api::sqlite3* connection_;
  sqlite_api::sqlite3_stmt* statement_ = nullptr;
};

}  // namespace handover::db
