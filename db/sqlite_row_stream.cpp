#include "db/sqlite_row_stream.h"

#include <soci/soci.h>

namespace handover::db {

using namespace sqlite_api;

SqliteRowStream::~SqliteRowStream() { Close(); }

void SqliteRowStream::Close() {
  if (statement_ != nullptr) sqlite3_finalize(statement_);
  statement_ = nullptr;
}

void SqliteRowStream::Fail(const std::string& what) {
  const std::string message = what + ": " + sqlite3_errmsg(connection_);
  Close();
  throw soci::soci_error(message);
}

void SqliteRowStream::Start(const std::string& sql) {
  Close();
  if (sqlite3_prepare_v2(connection_, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr) != SQLITE_OK)
    Fail("preparing the query failed");
}

size_t SqliteRowStream::Fill(std::vector<std::vector<std::string>>& cells,
                             std::vector<std::vector<soci::indicator>>& nulls, size_t rows) {
  if (statement_ == nullptr) return FillWith(cells, nulls, 0, [](size_t) { return false; });
  const int columns = sqlite3_column_count(statement_);
  if (static_cast<size_t>(columns) != cells.size())
    Fail("the query returns " + std::to_string(columns) + " columns, expected " + std::to_string(cells.size()));
  return FillWith(cells, nulls, rows, [&](size_t r) {
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_DONE) {
      Close();
      return false;
    }
    if (rc != SQLITE_ROW) Fail("reading a row failed");
    for (int c = 0; c < columns; ++c) {
      if (sqlite3_column_type(statement_, c) == SQLITE_NULL) {
        SetCell(cells, nulls, static_cast<size_t>(c), r, nullptr, 0);
        continue;
      }
      // Text first, then its size (the order SQLite documents); a zero-length
      // blob has no text pointer.
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, c));
      if (text == nullptr && sqlite3_errcode(connection_) == SQLITE_NOMEM) Fail("reading a value failed");
      SetCell(cells, nulls, static_cast<size_t>(c), r, text == nullptr ? "" : text,
              text == nullptr ? 0 : static_cast<size_t>(sqlite3_column_bytes(statement_, c)));
    }
    return true;
  });
}

}  // namespace handover::db
