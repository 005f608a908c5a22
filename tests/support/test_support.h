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
// The same for the suite's MariaDB server: HANDOVER_TEST_MARIADB_URL or the
// file named by HANDOVER_TEST_MARIADB_URL_FILE (scripts/mariadb-server).
std::optional<std::string> MariaDbAdminUrl();

// The servers the suite starts (ctest fixtures 'postgres' and 'mariadb').
enum class Server { kPostgres, kMariaDb };

// A database of its own on one of the suite's servers, created empty
// (MariaDB: utf8mb4) and dropped on destruction, so tests never see each
// other's tables. What differs between the servers is data (see
// test_support.cpp's ServerTraits), not code.
class ScratchServer {
 public:
  // Throws std::runtime_error with the reason if the server is not available.
  explicit ScratchServer(Server server);
  ~ScratchServer();
  ScratchServer(const ScratchServer&) = delete;
  ScratchServer& operator=(const ScratchServer&) = delete;

  const std::string& name() const { return name_; }
  // postgresql://user:pw@127.0.0.1:port/<name> or mysql://...
  std::string url() const;
  // odbc:DRIVER={PostgreSQL Unicode};Server=...;Database=<name>;... or
  // odbc:DRIVER={MariaDB Unicode};SERVER=...;DATABASE=<name>;...
  std::string odbc_url() const;

 private:
  Server server_;
  std::string admin_url_;
  std::string name_;
};

// The two servers by name, for the tests that need one of them.
class ScratchPostgres : public ScratchServer {
 public:
  ScratchPostgres() : ScratchServer(Server::kPostgres) {}
};
class ScratchMariaDb : public ScratchServer {
 public:
  ScratchMariaDb() : ScratchServer(Server::kMariaDb) {}
};

// odbc:DRIVER=SQLite3;Database=<path>;
std::string SqliteOdbcUrl(const std::filesystem::path& path);

// An odbc: URL with HANDOVER_DIALECT=generic; added: the same driver read
// through the generic ODBC dialect (catalog functions, standard SQL).
std::string GenericOdbcUrl(const std::string& odbc_url);

// The ways the suite reaches a database; tests parameterised over them prove
// the same behaviour on every path (MariaDB: as a source).
// The *OdbcGeneric paths are the ODBC paths forced to the generic dialect.
enum class AccessPath {
  kSqlite,
  kSqliteOdbc,
  kPostgres,
  kPostgresOdbc,
  kMariaDb,
  kMariaDbOdbc,
  kSqliteOdbcGeneric,
  kPostgresOdbcGeneric,
  kMariaDbOdbcGeneric,
};

// For INSTANTIATE_TEST_SUITE_P: "Sqlite", "SqliteOdbc", "Postgres", "PostgresOdbc",
// "MariaDb", "MariaDbOdbc", "SqliteOdbcGeneric", "PostgresOdbcGeneric", "MariaDbOdbcGeneric".
std::string AccessPathName(const ::testing::TestParamInfo<AccessPath>& info);

// An empty database reachable through one access path, removed afterwards.
// SQLite files live in `dir`.
class ScratchDatabase {
 public:
  ScratchDatabase(AccessPath path, const TempDir& dir, const std::string& file_name);
  const std::string& url() const { return url_; }

 private:
  std::unique_ptr<ScratchServer> server_;
  std::string url_;
};

}  // namespace handover::testing
