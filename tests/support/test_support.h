// Test support shared by every test binary: scratch folders, the suite's
// throwaway PostgreSQL server (started by the ctest fixture 'postgres'), and
// connection URLs for each access path to the same data.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"

namespace handover::testing {

// The repository root, and the built `handover` executable.
std::filesystem::path SourceDir();
std::filesystem::path HandoverBinary();

// Opens the database `url` names (an SQLite file is created if missing);
// on failure records a test failure with the reason and returns nullptr.
std::unique_ptr<db::Database> OpenOrFail(const std::string& url,
                                         db::OpenMode mode = db::OpenMode::kCreateIfMissing);
// Runs a query returning one integer; on failure records a test failure
// and returns -1.
int64_t QueryIntOrFail(db::Database& db, const std::string& sql);

// The outcome of running a command line.
struct CommandResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs `handover <arguments>` (arguments are shell-quoted here) and captures
// both streams. `scratch` holds the captured output files.
CommandResult RunHandover(const std::vector<std::string>& arguments, const std::filesystem::path& scratch);

// `handover <arguments>` started in the background, for tests that signal it
// while it runs. Standard output and error go to files in `scratch`.
class BackgroundHandover {
 public:
  BackgroundHandover(const std::vector<std::string>& arguments, const std::filesystem::path& scratch);
  ~BackgroundHandover();  // kills the process if it was not waited for
  BackgroundHandover(const BackgroundHandover&) = delete;
  BackgroundHandover& operator=(const BackgroundHandover&) = delete;

  void Signal(int signal_number);
  // Waits for the process to end; exit_code is 128 + N if signal N killed it.
  CommandResult Wait();

 private:
  int pid_ = -1;
  std::filesystem::path out_, err_;
};

// Polls up to `seconds` for `predicate` to hold; returns its last value.
bool WaitFor(const std::function<bool()>& predicate, double seconds);

// Reads a whole file ("" if missing).
std::string ReadFile(const std::filesystem::path& path);

// A fresh folder under the system temp dir, removed on destruction unless
// HANDOVER_KEEP_TEST_FILES is set (for debugging).
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// The admin URL of the suite's PostgreSQL server, from HANDOVER_TEST_PG_URL or
// the file named by HANDOVER_TEST_PG_URL_FILE (written by scripts/pg-cluster).
// nullopt when neither is set: tests needing it then fail with that message.
std::optional<std::string> PostgresAdminUrl();

// A database of its own on the suite's server, created empty and dropped on
// destruction (so tests never see each other's tables).
class ScratchPostgres {
 public:
  // Throws std::runtime_error with the reason if the server is not available.
  ScratchPostgres();
  ~ScratchPostgres();
  ScratchPostgres(const ScratchPostgres&) = delete;
  ScratchPostgres& operator=(const ScratchPostgres&) = delete;

  const std::string& name() const { return name_; }
  // postgresql://user:pw@127.0.0.1:port/<name>
  std::string url() const;
  // odbc:DRIVER={PostgreSQL Unicode};Server=...;Database=<name>;...
  std::string odbc_url() const;

 private:
  std::string admin_url_;
  std::string name_;
};

// The admin URL of the suite's MariaDB server, from HANDOVER_TEST_MARIADB_URL
// or the file named by HANDOVER_TEST_MARIADB_URL_FILE (written by
// scripts/mariadb-server); nullopt when neither is set.
std::optional<std::string> MariaDbAdminUrl();

// A database of its own on the suite's MariaDB server, created empty (utf8mb4)
// and dropped on destruction.
class ScratchMariaDb {
 public:
  // Throws std::runtime_error with the reason if the server is not available.
  ScratchMariaDb();
  ~ScratchMariaDb();
  ScratchMariaDb(const ScratchMariaDb&) = delete;
  ScratchMariaDb& operator=(const ScratchMariaDb&) = delete;

  const std::string& name() const { return name_; }
  // mysql://user:pw@127.0.0.1:port/<name>
  std::string url() const;
  // odbc:DRIVER={MariaDB Unicode};SERVER=...;DATABASE=<name>;...
  std::string odbc_url() const;

 private:
  std::string admin_url_;
  std::string name_;
};

// odbc:DRIVER=SQLite3;Database=<path>;
std::string SqliteOdbcUrl(const std::filesystem::path& path);

// The ways the suite reaches a database; tests parameterised over them prove
// the same behaviour on every path (MariaDB: as a source).
enum class AccessPath { kSqlite, kSqliteOdbc, kPostgres, kPostgresOdbc, kMariaDb, kMariaDbOdbc };

// For INSTANTIATE_TEST_SUITE_P: "Sqlite", "SqliteOdbc", "Postgres", "PostgresOdbc",
// "MariaDb", "MariaDbOdbc".
std::string AccessPathName(const ::testing::TestParamInfo<AccessPath>& info);

// An empty database reachable through one access path, removed afterwards.
// SQLite files live in `dir`.
class ScratchDatabase {
 public:
  ScratchDatabase(AccessPath path, const TempDir& dir, const std::string& file_name);
  const std::string& url() const { return url_; }

 private:
  std::unique_ptr<ScratchPostgres> pg_;
  std::unique_ptr<ScratchMariaDb> mariadb_;
  std::string url_;
};

}  // namespace handover::testing
