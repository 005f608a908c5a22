// TextChunkReader: runs a statement whose columns are all text and hands its
// rows back in chunks of at most chunk_rows(). The one place that chooses
// how rows are read: through ODBC with OdbcTextReader (SQLGetData in pieces,
// so values arrive whole), from a native MySQL or SQLite session with its
// library's RowStream (row_stream.h), otherwise with SOCI vector binds (it
// shrinks the vectors to the rows fetched). Used by Database::QueryRows and the
// streaming table source.
#pragma once

#include <soci/soci-backend.h>

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "db/database.h"

namespace soci {
class statement;
}

namespace handover::db {

class OdbcTextReader;
class RowStream;

class TextChunkReader {
 public:
  // `chunk_rows` rows at most per chunk.
  TextChunkReader(Database& db, size_t columns, size_t chunk_rows);
  ~TextChunkReader();

  // Runs `sql` and fetches its first chunk (replacing any statement started
  // before). Fails with kDatabase "context: server message".
  core::Status Start(const std::string& sql, const std::string& context);
  // Fetches the next chunk of the started statement; size() is 0 once the
  // result is exhausted (and stays 0).
  core::Status Next();

  size_t chunk_rows() const { return chunk_rows_; }
  // Rows in the current chunk.
  size_t size() const { return cells_.empty() ? 0 : cells_[0].size(); }
  bool IsNull(size_t column, size_t row) const;
  // The cell's text, for the caller to take (moved from).
  std::string& Cell(size_t column, size_t row) { return cells_[column][row]; }

 private:
  core::Status FetchChunk();
  void ResizeBuffers();
  void MarkExhausted();  // an empty chunk

  Database& db_;
  size_t chunk_rows_;
  std::string context_;
  bool exhausted_ = false;
  std::unique_ptr<soci::statement> statement_;
  std::unique_ptr<RowStream> native_;      // set while a native MySQL or SQLite query streams
  std::unique_ptr<OdbcTextReader> odbc_;   // set while an ODBC query streams
  std::vector<std::vector<std::string>> cells_;  // [column][row]
  std::vector<std::vector<soci::indicator>> inds_;  // [column][row]
};

}  // namespace handover::db
