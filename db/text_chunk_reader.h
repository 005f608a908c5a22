// TextChunkReader: runs a statement whose columns are all text and hands its
// rows back in chunks of at most chunk_rows(), through SOCI vector binds.
// The one place that knows how SOCI's vector fetch behaves (it shrinks the
// vectors to the rows fetched) and how many rows an ODBC driver should get
// at once; a native MySQL session streams through MysqlRowStream instead.
// Used by Database::QueryRows and the streaming table source.
#pragma once

#include <soci/soci-backend.h>

#include <memory>
#include <string>
#include <vector>

#include "db/database.h"

namespace soci {
class statement;
}

namespace handover::db {

class MysqlRowStream;

class TextChunkReader {
 public:
  // `wanted_rows` is the caller's preferred chunk; ODBC gets fewer (below).
  TextChunkReader(Database& db, size_t columns, size_t wanted_rows);
  ~TextChunkReader();

  // Prepares `sql` and fetches its first chunk (replacing any statement
  // started before). Throws soci::soci_error: callers convert it once.
  void Start(const std::string& sql);
  // Fetches the next chunk of the started statement; false when exhausted.
  bool Next();

  size_t chunk_rows() const { return chunk_rows_; }
  // Rows in the current chunk.
  size_t size() const { return cells_.empty() ? 0 : cells_[0].size(); }
  bool IsNull(size_t column, size_t row) const;
  // The cell's text, for the caller to take (moved from).
  std::string& Cell(size_t column, size_t row) { return cells_[column][row]; }

 private:
  void ResizeBuffers();
  void MarkExhausted();  // an empty chunk

  Database& db_;
  size_t chunk_rows_;
  std::unique_ptr<soci::statement> statement_;
  std::unique_ptr<MysqlRowStream> mysql_;  // set while a native MySQL query streams
  std::vector<std::vector<std::string>> cells_;  // [column][row]
  std::vector<std::vector<soci::indicator>> inds_;  // [column][row]
};

}  // namespace handover::db
