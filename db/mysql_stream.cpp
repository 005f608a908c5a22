#include "db/mysql_stream.h"

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>

namespace handover::db {

st_mysql* NativeMysqlConnection(Database& db) {
  if (db.backend() != Backend::kMysql) return nullptr;
  return static_cast<soci::mysql_session_backend*>(db.session().get_backend())->conn_;
}

MysqlRowStream::~MysqlRowStream() { Close(); }

void MysqlRowStream::Close() {
  // Freeing an unfinished result reads and drops its remaining rows, so the
  // connection is usable again.
  if (result_ != nullptr) mysql_free_result(result_);
  result_ = nullptr;
}

void MysqlRowStream::Fail(const std::string& what) {
  const std::string message = what + ": " + mysql_error(connection_);
  Close();
  throw soci::soci_error(message);
}

void MysqlRowStream::Start(const std::string& sql) {
  Close();
  if (mysql_real_query(connection_, sql.data(), sql.size()) != 0) Fail("query failed");
  result_ = mysql_use_result(connection_);
  if (result_ == nullptr) {
    if (mysql_field_count(connection_) != 0) Fail("reading the result failed");
    return;  // a statement without rows
  }
}

size_t MysqlRowStream::Fill(std::vector<std::vector<std::string>>& cells,
                            std::vector<std::vector<soci::indicator>>& nulls, size_t rows) {
  if (result_ == nullptr) return FillWith(cells, nulls, 0, [](size_t) { return false; });
  const unsigned int columns = mysql_num_fields(result_);
  if (columns != cells.size()) Fail("the query returns " + std::to_string(columns) + " columns, expected " +
                                    std::to_string(cells.size()));
  return FillWith(cells, nulls, rows, [&](size_t r) {
    MYSQL_ROW row = mysql_fetch_row(result_);
    if (row == nullptr) {
      if (mysql_errno(connection_) != 0) Fail("reading a row failed");
      Close();
      return false;
    }
    const unsigned long* lengths = mysql_fetch_lengths(result_);
    for (unsigned int c = 0; c < columns; ++c) SetCell(cells, nulls, c, r, row[c], lengths[c]);
    return true;
  });
}

}  // namespace handover::db
