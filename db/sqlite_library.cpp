#include "db/sqlite_library.h"

#include <sqlite3.h>

#include <mutex>

namespace handover::db {

void ConfigureSqliteLibrary() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sqlite3_threadsafe() == 0) return;  // built single-threaded: nothing to relax
    (void)sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

}  // namespace handover::db
