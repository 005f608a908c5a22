#include "db/row_stream.h"

#include "db/mysql_stream.h"
#include "db/sqlite_row_stream.h"

namespace handover::db {

std::unique_ptr<RowStream> OpenRowStream(Database& db) {
  if (sqlite_api::sqlite3* connection = NativeSqliteConnection(db)) return std::make_unique<SqliteRowStream>(connection);
  if (st_mysql* connection = NativeMysqlConnection(db)) return std::make_unique<MysqlRowStream>(connection);
  return nullptr;
}

}  // namespace handover::db
