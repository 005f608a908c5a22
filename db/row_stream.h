// RowStream: a client library's own way of reading a query's rows as text,
// chunk by chunk, where SOCI's generic path costs too much: MySQL's holds the
// whole result in client memory (mysql_stream.h), SQLite's copies every cell
// twice with a heap buffer each (sqlite_row_stream.h). TextChunkReader picks
// one with OpenRowStream and falls back to SOCI vector binds without.
#pragma once

#include <soci/soci-backend.h>

#include <memory>
#include <string>
#include <vector>

#include "db/database.h"

namespace handover::db {

class RowStream {
 public:
  RowStream() = default;
  virtual ~RowStream() = default;
  RowStream(const RowStream&) = delete;  // owns a live statement or result
  RowStream& operator=(const RowStream&) = delete;

  // Runs `sql`; its rows are then read by Fill. Throws soci::soci_error with
  // the library's message.
  virtual void Start(const std::string& sql) = 0;
  // Replaces cells[column] / nulls[column] with up to `rows` next rows and
  // returns how many were read (0 once exhausted). Throws soci::soci_error.
  virtual size_t Fill(std::vector<std::vector<std::string>>& cells,
                      std::vector<std::vector<soci::indicator>>& nulls, size_t rows) = 0;

 protected:
  // Fill's frame: sizes the buffers for `rows`, calls read(row) until it
  // returns false or `rows` are read, then trims them to the rows read.
  // Assigning into the strings a chunk left keeps their capacity.
  template <typename ReadRow>
  static size_t FillWith(std::vector<std::vector<std::string>>& cells,
                         std::vector<std::vector<soci::indicator>>& nulls, size_t rows, ReadRow&& read) {
    for (size_t c = 0; c < cells.size(); ++c) {
      cells[c].resize(rows);
      nulls[c].resize(rows);
    }
    size_t got = 0;
    while (got < rows && read(got)) ++got;
    for (size_t c = 0; c < cells.size(); ++c) {
      cells[c].resize(got);
      nulls[c].resize(got);
    }
    return got;
  }

  // One cell: `text`, or NULL when `text` is null.
  static void SetCell(std::vector<std::vector<std::string>>& cells, std::vector<std::vector<soci::indicator>>& nulls,
                      size_t column, size_t row, const char* text, size_t size) {
    if (text == nullptr) {
      cells[column][row].clear();
      nulls[column][row] = soci::i_null;
    } else {
      cells[column][row].assign(text, size);
      nulls[column][row] = soci::i_ok;
    }
  }
};

// The stream of `db`'s own library, or nullptr where SOCI's path serves
// (PostgreSQL, whose cursor FETCHes are chunks already; ODBC, which has its
// own reader; SQLite's csv: folders).
std::unique_ptr<RowStream> OpenRowStream(Database& db);

}  // namespace handover::db
