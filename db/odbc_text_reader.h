// OdbcTextReader: runs a query on an ODBC connection and reads every column
// of every row as text with SQLGetData, piece by piece, so that a value
// arrives whole whatever the column's declared size: trailing blanks kept,
// computed text over 255 bytes intact through the SQLite driver, long text
// not cut at a driver's default VARCHAR size. The driver converts each value
// to SQL_C_CHAR (numbers as their exact text). Rows are handed out a chunk
// at a time, so memory stays bounded by the chunk, not the result.
#pragma once

#include <soci/soci-backend.h>

#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "db/odbc_handle.h"

namespace handover::db {

class OdbcTextReader {
 public:
  explicit OdbcTextReader(SQLHDBC connection) : connection_(connection) {}
  OdbcTextReader(const OdbcTextReader&) = delete;
  OdbcTextReader& operator=(const OdbcTextReader&) = delete;

  // Executes `sql`, which must return `columns` columns (or none, for a
  // statement without rows). Fails with kDatabase "context: driver message
  // (SQLSTATE ...)". Closes any query started before.
  core::Status Start(const std::string& sql, size_t columns, const std::string& context);
  // The same for a catalog function (SQLTables, SQLColumns, ...) that `call`
  // runs on the statement handle it is given; its result must have at least
  // `columns` columns (drivers add their own after the standard ones), and
  // the first `columns` are read.
  core::Status StartCatalogCall(const std::function<SQLRETURN(SQLHSTMT)>& call, size_t columns,
                                const std::string& context);
  // Replaces cells[column] / nulls[column] with up to `rows` next rows and
  // returns how many were read (0 once exhausted; the cursor is then closed).
  core::Result<size_t> Fill(std::vector<std::vector<std::string>>& cells,
                            std::vector<std::vector<soci::indicator>>& nulls, size_t rows);

 private:
  core::Status Begin(const std::function<SQLRETURN(SQLHSTMT)>& call, size_t columns, bool exact,
                     const std::string& context);
  // Reads column `column` (1-based) of the current row into `out`; false for NULL.
  core::Result<bool> ReadCell(SQLUSMALLINT column, std::string& out);

  SQLHDBC connection_;
  OdbcStatement statement_;
  std::string context_;
  bool has_rows_ = false;
};

}  // namespace handover::db
