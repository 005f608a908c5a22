#include "tests/support/test_support.h"

#include <soci/soci.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <soci/mysql/soci-mysql.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <regex>
#include <stdexcept>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <iterator>

#include "db/connection_url.h"

namespace handover::testing {

std::unique_ptr<db::Database> OpenOrFail(const std::string& url, db::OpenMode mode) {
  auto parsed = db::ConnectionUrl::Parse(url);
  EXPECT_TRUE(parsed.ok()) << parsed.status().message();
  if (!parsed.ok()) return nullptr;
  auto db = db::Database::Open(*parsed, mode);
  EXPECT_TRUE(db.ok()) << db.status().message();
  return db.ok() ? std::move(db.value()) : nullptr;
}

int64_t QueryIntOrFail(db::Database& db, const std::string& sql) {
  auto value = db.QueryInt(sql, "test query");
  EXPECT_TRUE(value.ok()) << value.status().message();
  return value.ok() ? *value : -1;
}
namespace {

std::string UniqueSuffix() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return std::to_string(::getpid()) + "_" + std::to_string(++counter) + "_" + std::to_string(rd() % 100000);
}

struct ServerParts {
  std::string user, password, host, port, dbname;
};

// The parts of the suite's own server URLs (scheme://user:pw@host:port/db).
ServerParts SplitServerUrl(const std::string& url) {
  static const std::regex re(R"((?:postgresql|mysql)://([^:@]+):([^@]*)@([^:/]+):(\d+)/(.+))");
  std::smatch m;
  if (!std::regex_match(url, m, re)) throw std::runtime_error("unexpected test server URL " + url);
  return {m[1], m[2], m[3], m[4], m[5]};
}

std::optional<std::string> UrlFromEnvironment(const char* url_variable, const char* file_variable) {
  if (const char* url = std::getenv(url_variable); url && *url) return std::string(url);
  if (const char* file = std::getenv(file_variable); file && *file) {
    std::ifstream in(file);
    std::string url;
    if (in && std::getline(in, url) && !url.empty()) return url;
  }
  return std::nullopt;
}

// Defaults for the suite's environment, set before main(): the private ODBC
// driver registry (CommLog off) and where the 'postgres' fixture writes its URL.
// Child processes (the CLI in end-to-end tests) inherit them.
const bool kEnvironmentReady = [] {
  setenv("ODBCSYSINI", HANDOVER_TEST_ODBCSYSINI, 0);
  setenv("HANDOVER_TEST_PG_URL_FILE", HANDOVER_TEST_PG_URL_FILE, 0);
  setenv("HANDOVER_TEST_MARIADB_URL_FILE", HANDOVER_TEST_MARIADB_URL_FILE, 0);
  return true;
}();

}  // namespace

std::filesystem::path SourceDir() { return HANDOVER_TEST_SOURCE_DIR; }
std::filesystem::path HandoverBinary() { return HANDOVER_TEST_BINARY; }

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

CommandResult RunHandover(const std::vector<std::string>& arguments, const std::filesystem::path& scratch) {
  std::string command = "'" + HandoverBinary().string() + "'";
  for (const auto& argument : arguments) {
    std::string quoted = "'";
    for (char c : argument) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    command += " " + quoted + "'";
  }
  static std::atomic<int> counter{0};
  const int n = ++counter;
  const auto out = scratch / ("cmd" + std::to_string(n) + ".out");
  const auto err = scratch / ("cmd" + std::to_string(n) + ".err");
  command += " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
  const int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFile(out);
  result.err = ReadFile(err);
  return result;
}

BackgroundHandover::BackgroundHandover(const std::vector<std::string>& arguments,
                                       const std::filesystem::path& scratch) {
  static std::atomic<int> counter{0};
  const int n = ++counter;
  out_ = scratch / ("bg" + std::to_string(n) + ".out");
  err_ = scratch / ("bg" + std::to_string(n) + ".err");
  std::vector<std::string> argv_storage = {HandoverBinary().string()};
  argv_storage.insert(argv_storage.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ == 0) {
    const int out = ::open(out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int in = ::open("/dev/null", O_RDONLY);
    ::dup2(out, 1), ::dup2(err, 2), ::dup2(in, 0);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
}

BackgroundHandover::~BackgroundHandover() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

void BackgroundHandover::Signal(int signal_number) {
  if (pid_ > 0) ::kill(pid_, signal_number);
}

CommandResult BackgroundHandover::Wait() {
  CommandResult result;
  int status = 0;
  if (pid_ > 0 && ::waitpid(pid_, &status, 0) == pid_) {
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    pid_ = -1;
  }
  result.out = ReadFile(out_);
  result.err = ReadFile(err_);
  return result;
}

bool WaitFor(const std::function<bool()>& predicate, double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!predicate()) {
    if (std::chrono::steady_clock::now() > deadline) return predicate();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

TempDir::TempDir() {
  path_ = std::filesystem::temp_directory_path() / ("handover_test_" + UniqueSuffix());
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  if (std::getenv("HANDOVER_KEEP_TEST_FILES") != nullptr) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::optional<std::string> PostgresAdminUrl() {
  return UrlFromEnvironment("HANDOVER_TEST_PG_URL", "HANDOVER_TEST_PG_URL_FILE");
}

std::optional<std::string> MariaDbAdminUrl() {
  return UrlFromEnvironment("HANDOVER_TEST_MARIADB_URL", "HANDOVER_TEST_MARIADB_URL_FILE");
}

namespace {

// Everything ScratchServer does differently per server.
struct ServerTraits {
  const char* label;     // in messages
  const char* fixture;   // the ctest fixture that starts it
  const char* variable;  // the environment variable naming its admin URL
  std::optional<std::string> (*admin_url)();
  const soci::backend_factory& (*factory)();
  const char* scheme;         // of url()
  const char* create_suffix;  // after CREATE DATABASE <name>
  const char* drop_suffix;    // after DROP DATABASE IF EXISTS <name>
  // odbc_url(): the driver and the attribute names, in order host, port,
  // database, user, password.
  const char* driver;
  const char* attributes[5];
};

const ServerTraits& TraitsOf(Server server) {
  static const ServerTraits kPostgres = {
      "PostgreSQL", "postgres", "HANDOVER_TEST_PG_URL", &PostgresAdminUrl,
      [] () -> const soci::backend_factory& { return *soci::factory_postgresql(); },
      "postgresql://", "", " WITH (FORCE)", "PostgreSQL Unicode", {"Server", "Port", "Database", "Uid", "Pwd"}};
  static const ServerTraits kMariaDb = {
      "MariaDB", "mariadb", "HANDOVER_TEST_MARIADB_URL", &MariaDbAdminUrl,
      [] () -> const soci::backend_factory& { return *soci::factory_mysql(); },
      "mysql://", " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", "", "MariaDB Unicode",
      {"SERVER", "PORT", "DATABASE", "UID", "PWD"}};
  return server == Server::kPostgres ? kPostgres : kMariaDb;
}

void RunAsAdmin(const std::string& admin_url, const ServerTraits& traits, const std::string& sql) {
  auto url = db::ConnectionUrl::Parse(admin_url);
  if (!url.ok()) throw std::runtime_error(url.status().message());
  soci::session session(traits.factory(), url->SociConnectString());
  session << sql;
}

}  // namespace

ScratchServer::ScratchServer(Server server) : server_(server) {
  const ServerTraits& traits = TraitsOf(server);
  const auto admin = traits.admin_url();
  if (!admin)
    throw std::runtime_error(std::string("no test ") + traits.label + " server: run the suite with ctest (its '" +
                             traits.fixture + "' fixture starts one) or set " + traits.variable);
  admin_url_ = *admin;
  name_ = "scratch_" + UniqueSuffix();
  RunAsAdmin(admin_url_, traits, "CREATE DATABASE " + name_ + traits.create_suffix);
}

ScratchServer::~ScratchServer() {
  try {
    const ServerTraits& traits = TraitsOf(server_);
    RunAsAdmin(admin_url_, traits, "DROP DATABASE IF EXISTS " + name_ + traits.drop_suffix);
  } catch (const std::exception&) {
    // The throwaway server is removed at the end of the suite anyway.
  }
}

std::string ScratchServer::url() const {
  const ServerParts p = SplitServerUrl(admin_url_);
  return TraitsOf(server_).scheme + p.user + ":" + p.password + "@" + p.host + ":" + p.port + "/" + name_;
}

std::string ScratchServer::odbc_url() const {
  const ServerTraits& traits = TraitsOf(server_);
  const ServerParts p = SplitServerUrl(admin_url_);
  const std::string values[5] = {p.host, p.port, name_, p.user, p.password};
  std::string out = std::string("odbc:DRIVER={") + traits.driver + "};";
  for (int i = 0; i < 5; ++i) out += std::string(traits.attributes[i]) + "=" + values[i] + ";";
  return out;
}

std::string SqliteOdbcUrl(const std::filesystem::path& path) {
  return "odbc:DRIVER=SQLite3;Database=" + path.string() + ";";
}

std::string GenericOdbcUrl(const std::string& odbc_url) { return odbc_url + "HANDOVER_DIALECT=generic;"; }

std::string AccessPathName(const ::testing::TestParamInfo<AccessPath>& info) {
  switch (info.param) {
    case AccessPath::kSqlite: return "Sqlite";
    case AccessPath::kSqliteOdbc: return "SqliteOdbc";
    case AccessPath::kPostgres: return "Postgres";
    case AccessPath::kPostgresOdbc: return "PostgresOdbc";
    case AccessPath::kMariaDb: return "MariaDb";
    case AccessPath::kMariaDbOdbc: return "MariaDbOdbc";
    case AccessPath::kSqliteOdbcGeneric: return "SqliteOdbcGeneric";
    case AccessPath::kPostgresOdbcGeneric: return "PostgresOdbcGeneric";
    case AccessPath::kMariaDbOdbcGeneric: return "MariaDbOdbcGeneric";
  }
  return "Unknown";
}

ScratchDatabase::ScratchDatabase(AccessPath path, const TempDir& dir, const std::string& file_name) {
  const std::filesystem::path file = dir / file_name;
  switch (path) {
    case AccessPath::kSqlite: url_ = "sqlite:" + file.string(); break;
    case AccessPath::kSqliteOdbc:
    case AccessPath::kSqliteOdbcGeneric: {
      // The ODBC driver opens existing files only: create it natively first.
      soci::session create(*soci::factory_sqlite3(), "db=\"" + file.string() + "\"");
      url_ = SqliteOdbcUrl(file);
      break;
    }
    case AccessPath::kPostgres:
    case AccessPath::kPostgresOdbc:
    case AccessPath::kPostgresOdbcGeneric:
      server_ = std::make_unique<ScratchServer>(Server::kPostgres);
      url_ = path == AccessPath::kPostgres ? server_->url() : server_->odbc_url();
      break;
    case AccessPath::kMariaDb:
    case AccessPath::kMariaDbOdbc:
    case AccessPath::kMariaDbOdbcGeneric:
      server_ = std::make_unique<ScratchServer>(Server::kMariaDb);
      url_ = path == AccessPath::kMariaDb ? server_->url() : server_->odbc_url();
      break;
  }
  if (path == AccessPath::kSqliteOdbcGeneric || path == AccessPath::kPostgresOdbcGeneric ||
      path == AccessPath::kMariaDbOdbcGeneric)
    url_ = GenericOdbcUrl(url_);
}

}  // namespace handover::testing
