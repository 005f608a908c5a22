// MysqlRowStream: reads a query's rows from a native MySQL/MariaDB session one
// chunk at a time, as the server sends them (mysql_use_result), instead of
// SOCI's mysql backend, which holds the whole result in client memory (a
// million payments: hundreds of MB). Values arrive as the server's text, so
// DECIMAL is exact. While a stream is open its connection runs no other
// statement; the server says "Commands out of sync" if one is tried.
#pragma once

#include <string>
#include <vector>

#include "db/row_stream.h"

struct st_mysql;
struct st_mysql_res;

namespace handover::db {

// The native connection of a mysql:// session, or nullptr for any other
// backend (MySQL through ODBC included). Owned by the session.
st_mysql* NativeMysqlConnection(Database& db);

class MysqlRowStream final : public RowStream {
 public:
  explicit MysqlRowStream(st_mysql* connection) : connection_(connection) {}
  ~MysqlRowStream() override;

  void Start(const std::string& sql) override;
  size_t Fill(std::vector<std::vector<std::string>>& cells,
              std::vector<std::vector<soci::indicator>>& nulls, size_t rows) override;

 private:
  void Close();
  [[noreturn]] void Fail(const std::string& what);

  st_mysql* connection_;
  st_mysql_res* result_ = nullptr;
};

}  // namespace handover::db
