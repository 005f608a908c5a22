// The process-wide SQLite settings Database::Open applies: multi-thread mode
// (no mutex on each call of a connection) and the two-thread sorter.
#include "db/sqlite_library.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "db/database.h"
#include "db/sqlite_native.h"

namespace handover {
namespace {

TEST(SqliteLibrary, ConnectionsOpenWithoutAPerCallMutexAndSortOnTwoThreads) {
  const auto file = std::filesystem::temp_directory_path() /
                    ("handover-sqlite-library-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(file);
  auto url = db::ConnectionUrl::Parse("sqlite:" + file.string());
  ASSERT_TRUE(url.ok()) << url.status().message();
  auto db = db::Database::Open(*url, db::OpenMode::kCreateIfMissing);
  ASSERT_TRUE(db.ok()) << db.status().message();
  sqlite_api::sqlite3* native = db::NativeSqliteConnection(**db);
  ASSERT_NE(native, nullptr);
  // SQLite hands out no connection mutex in multi-thread mode; in its
  // default (serialized) mode every call of the connection takes one.
  EXPECT_EQ(sqlite_api::sqlite3_db_mutex(native), nullptr);
  auto threads = (*db)->QueryInt("SELECT threads FROM pragma_threads", "reading the sorter threads");
  ASSERT_TRUE(threads.ok()) << threads.status().message();
  EXPECT_EQ(*threads, 2);
  db->reset();
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace handover
