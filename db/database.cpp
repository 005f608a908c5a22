#include "db/database.h"

#include "db/csv_folder.h"
#include "db/odbc_handle.h"
#include "db/odbc_text_reader.h"
#include "db/postgres_native.h"
#include "db/sqlite_library.h"
#include "db/text_chunk_reader.h"

#include <soci/soci.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <soci/odbc/soci-odbc.h>
#include <soci/mysql/soci-mysql.h>

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

#include <spdlog/spdlog.h>

#include "core/private_file.h"

namespace handover::db {
namespace {

bool Contains(const std::string& haystack, const char* needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string ConnectHint(const std::string& message, Backend backend) {
  if (Contains(message, "password authentication failed") || Contains(message, "no password supplied"))
    return "check the user and password (password_env=VAR keeps it off the command line)";
  if (Contains(message, "Access denied for user"))
    return "check the user and password, and that the user may connect from this host "
           "(password_env=VAR keeps the password off the command line)";
  if (Contains(message, "Unknown database")) return "check the database name, or create it first";
  if (Contains(message, "Can't connect to")) return "is the server running and listening on that host and port?";
  if (Contains(message, "role") && Contains(message, "does not exist"))
    return "check the user name: no such role on that server";
  if (Contains(message, "does not exist"))
    return "check the database name, or create it first";
  if (Contains(message, "Connection refused") || Contains(message, "could not connect") ||
      Contains(message, "No such file or directory") || Contains(message, "timeout"))
    return "is the server running and listening on that host and port?";
  if (Contains(message, "Data source name not found") || Contains(message, "IM002"))
    return "no such ODBC DSN or driver; list them with 'odbcinst -q -s' and 'odbcinst -q -d'";
  if (Contains(message, "file open") || Contains(message, "unable to open"))
    return "check that the file and its folder exist and are readable";
  if (backend == Backend::kOdbc) return "check the ODBC attributes and that the driver is installed";
  return "check the URL";
}

soci::backend_factory const& FactoryFor(Backend backend) {
  switch (backend) {
    case Backend::kSqlite: return *soci::factory_sqlite3();
    case Backend::kPostgresql: return *soci::factory_postgresql();
    case Backend::kMysql: return *soci::factory_mysql();
    case Backend::kCsv: return *soci::factory_sqlite3();
    case Backend::kOdbc: break;
  }
  return *soci::factory_odbc();
}

}  // namespace

// One line from a possibly multi-line server message, without the parts
// that quote data: PostgreSQL's DETAIL ("Failing row contains (...)") and
// CONTEXT lines can hold names and dates of birth.
std::string ServerMessageLine(std::string message) {
  for (const char* marker : {"DETAIL:", "CONTEXT:"})
    if (const auto at = message.find(marker); at != std::string::npos) message.erase(at);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
    message.pop_back();
  for (auto& c : message)
    if (c == '\n') c = ' ';
  return message;
}

core::Status StatusFromCurrentException(core::ErrorCode code, const std::string& context) {
  try {
    throw;
  } catch (const soci::soci_error& e) {
    return core::Status::Error(code, context + ": " + ServerMessageLine(e.get_error_message()));
  } catch (const std::exception& e) {
    return core::Status::Error(code, context + ": " + ServerMessageLine(e.what()));
  }
}

Database::Database(ConnectionUrl url, std::unique_ptr<soci::session> session, const Dialect* dialect,
                   bool created_file)
    : url_(std::move(url)), session_(std::move(session)), dialect_(dialect),
      created_file_(created_file) {}

Database::~Database() = default;

// Checks an SQLite file before a driver touches it (drivers create missing
// files with the umask's rights and explain failures vaguely). When it is
// missing and may be created, creates it empty and owner-only: a council
// database holds names and dates of birth.
core::Status PrepareSqliteFile(const std::string& file, const std::string& shown, OpenMode mode, bool& created) {
  namespace fs = std::filesystem;
  const fs::path path(file);
  std::error_code ec;
  if (fs::is_directory(path, ec))
    return core::Status::Error(core::ErrorCode::kConfig,
                               "cannot open " + shown + ": " + file + " is a folder, not an SQLite database file; "
                               "give a file path such as " + (path / "council.db").string());
  const bool exists = fs::exists(path, ec);
  if (!exists && mode == OpenMode::kMustExist)
    return core::Status::Error(core::ErrorCode::kNotFound,
                               "cannot open " + shown + ": no such file; check the path "
                               "(generate a demo one with 'handover generate --out " + file + "')");
  const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!exists) {
    if (!fs::is_directory(parent, ec))
      return core::Status::Error(core::ErrorCode::kNotFound,
                                 "cannot create " + shown + ": folder " + parent.string() + " does not exist");
    auto fd = core::CreatePrivateFile(path);
    if (!fd.ok()) return fd.status();
    ::close(*fd);
    created = true;
    return core::Status::Ok();
  }
  if (mode == OpenMode::kCreateIfMissing) {
    if (::access(file.c_str(), W_OK) != 0)
      return core::Status::Error(core::ErrorCode::kIo, "cannot write " + shown + ": the file is read-only (" +
                                                           std::strerror(errno) + "); use a file you may write");
    if (::access(parent.c_str(), W_OK) != 0)
      return core::Status::Error(core::ErrorCode::kIo, "cannot write " + shown + ": the folder " + parent.string() +
                                                           " is not writable, and SQLite writes its journal there");
  }
  return core::Status::Ok();
}

core::Result<std::unique_ptr<Database>> Database::Open(const ConnectionUrl& url, OpenMode mode) {
  ConfigureSqliteLibrary();  // before any connection: SQLite, CSV folders and SQLite through ODBC alike
  if (url.backend() == Backend::kCsv) {
    if (mode == OpenMode::kCreateIfMissing)
      return core::Status::Error(core::ErrorCode::kUsage,
                                 url.Masked() + " is a folder of CSV files, which handover only reads");
    auto session = OpenCsvSession(url);
    if (!session.ok()) return session.status();
    return std::unique_ptr<Database>(new Database(url, std::move(*session), &SqliteDialect(), false));
  }
  bool created_file = false;
  if (url.backend() == Backend::kSqlite && url.sqlite_path() != ":memory:")
    HANDOVER_RETURN_IF_ERROR(PrepareSqliteFile(url.sqlite_path(), url.Masked(), mode, created_file));
  if (url.backend() == Backend::kOdbc && url.OdbcDriverLooksLikeSqlite()) {
    // The SQLite ODBC driver silently creates a missing Database= file.
    bool created = false;
    const std::string file = url.OdbcAttribute("database");
    if (!file.empty() && file != ":memory:")
      HANDOVER_RETURN_IF_ERROR(PrepareSqliteFile(file, url.Masked(), mode, created));
  }
  auto session = std::make_unique<soci::session>();
  try {
    session->open(FactoryFor(url.backend()), url.SociConnectString());
  } catch (...) {
    if (created_file) std::filesystem::remove(url.sqlite_path());
    core::Status status = StatusFromCurrentException(core::ErrorCode::kConnection, "cannot connect to " + url.Masked());
    return core::Status::Error(core::ErrorCode::kConnection,
                         status.message() + " (" + ConnectHint(status.message(), url.backend()) + ")");
  }
  const Dialect* dialect = url.backend() == Backend::kPostgresql ? &PostgresDialect()
                           : url.backend() == Backend::kMysql    ? &MysqlDialect()
                                                                 : &SqliteDialect();
  if (url.backend() == Backend::kOdbc) {
    // Ask the server rather than trust the driver name: a DSN hides it.
    dialect = url.OdbcForcesGenericDialect() ? nullptr : DetectDialect(*session);
    if (dialect == nullptr) {
      dialect = &GenericOdbcDialect(OdbcInfo(OdbcConnection(*session), SQL_IDENTIFIER_QUOTE_CHAR));
      if (!url.OdbcForcesGenericDialect())
        spdlog::info("{} is none of SQLite, PostgreSQL and MySQL/MariaDB: reading it through the ODBC catalog "
                     "and standard SQL", url.Masked());
    }
  }
  if (url.backend() == Backend::kSqlite) {
    try {
      // Touch the file so that a non-database file fails here, not mid-run.
      *session << "PRAGMA foreign_keys = ON";
      int count = 0;
      *session << "SELECT count(*) FROM sqlite_master", soci::into(count);
    } catch (...) {
      session.reset();
      if (created_file) std::filesystem::remove(url.sqlite_path());
      return StatusFromCurrentException(core::ErrorCode::kConnection,
                                        "cannot read " + url.Masked() + " as an SQLite database");
    }
  }
  try {
    for (const std::string& sql : dialect->SessionSettings()) *session << sql;
  } catch (...) {
    return StatusFromCurrentException(core::ErrorCode::kConnection, "setting up the session on " + url.Masked());
  }
  return std::unique_ptr<Database>(new Database(url, std::move(session), dialect, created_file));
}

std::string Database::SessionDescription() {
  const std::string sql = dialect_->SessionDescriptionSql();
  if (SQLHDBC connection = OdbcConnection(*this); sql.empty() && connection != nullptr)
    return std::string(dialect_->name()) + ": " + OdbcInfo(connection, SQL_DBMS_NAME) + " " +
           OdbcInfo(connection, SQL_DBMS_VER) + " through " + OdbcInfo(connection, SQL_DRIVER_NAME);
  if (sql.empty()) return std::string(dialect_->name()) + ", UTF-8 text";
  auto text = QueryText(sql, "describing the session");
  return text.ok() ? *text : std::string(dialect_->name()) + " (" + text.status().message() + ")";
}

core::Status Database::RefreshStatistics(const std::string& context, const std::string& table) {
  const std::string sql = dialect_->RefreshStatisticsSql(table);
  return sql.empty() ? core::Status::Ok() : Execute(sql, context);
}

core::Status Database::Execute(const std::string& sql, const std::string& context) {
  try {
    *session_ << sql;
    return core::Status::Ok();
  } catch (...) {
    return StatusFromCurrentException(core::ErrorCode::kDatabase, context);
  }
}

core::Status Database::ExecuteScript(const std::string& script, const std::string& context) {
  std::istringstream in(script);
  std::string line, statement;
  int line_number = 0, statement_line = 1;
  while (std::getline(in, line)) {
    ++line_number;
    const auto comment = line.find("--");
    std::string code = comment == std::string::npos ? line : line.substr(0, comment);
    if (statement.empty()) statement_line = line_number;
    statement += code + "\n";
    const auto last = code.find_last_not_of(" \t\r");
    if (last != std::string::npos && code[last] == ';') {
      HANDOVER_RETURN_IF_ERROR(
          Execute(statement, context + " (statement at line " + std::to_string(statement_line) + ")"));
      statement.clear();
    }
  }
  if (statement.find_first_not_of(" \t\r\n") != std::string::npos)
    HANDOVER_RETURN_IF_ERROR(
        Execute(statement, context + " (statement at line " + std::to_string(statement_line) + ")"));
  return core::Status::Ok();
}

core::Status Database::ExecuteScriptAtomically(const std::string& script, const std::string& context) {
  HANDOVER_RETURN_IF_ERROR(Begin(context));
  core::Status status = ExecuteScript(script, context);
  if (!status.ok()) {
    Rollback();
    return status;
  }
  return Commit(context);
}

core::Status Database::Begin(const std::string& context) {
  try {
    if (depth_ == 0) {
      session_->begin();
      // psqlODBC opens the server transaction lazily, and not for a
      // SAVEPOINT statement: a first statement makes the savepoints that
      // follow land inside it.
      if (url_.backend() == Backend::kOdbc) *session_ << "SELECT 1";
    } else {
      *session_ << "SAVEPOINT handover_" + std::to_string(depth_);
    }
  } catch (...) {
    return StatusFromCurrentException(core::ErrorCode::kDatabase, "starting a transaction for " + context);
  }
  ++depth_;
  return core::Status::Ok();
}

core::Status Database::Commit(const std::string& context) {
  if (depth_ == 0) return core::Status::Error(core::ErrorCode::kInternal, "commit without a transaction: " + context);
  try {
    if (depth_ == 1) session_->commit();
    else *session_ << "RELEASE SAVEPOINT handover_" + std::to_string(depth_ - 1);
  } catch (...) {
    return StatusFromCurrentException(core::ErrorCode::kDatabase, "committing " + context);
  }
  --depth_;
  return core::Status::Ok();
}

void Database::Rollback() {
  if (depth_ == 0) return;
  --depth_;
  try {
    if (depth_ == 0) {
      session_->rollback();
    } else {
      const std::string name = "handover_" + std::to_string(depth_);
      *session_ << "ROLLBACK TO SAVEPOINT " + name;
      *session_ << "RELEASE SAVEPOINT " + name;
    }
  } catch (...) {
    // The connection is gone or the transaction already ended: nothing of it
    // was committed either way.
  }
}

core::Result<int64_t> Database::QueryInt(const std::string& sql, const std::string& context) {
  auto text = QueryText(sql, context);
  if (!text.ok()) return text.status();
  if (text->empty()) return int64_t{0};
  try {
    size_t used = 0;
    const long long value = std::stoll(*text, &used);
    if (used != text->size()) throw std::invalid_argument(*text);
    return static_cast<int64_t>(value);
  } catch (const std::exception&) {
    return core::Status::Error(core::ErrorCode::kDatabase, context + ": expected an integer, got '" + *text + "'");
  }
}

core::Result<std::string> Database::QueryText(const std::string& sql, const std::string& context) {
  // Read through text everywhere: numeric types come back as doubles from
  // SOCI, and money must never pass through a double (through ODBC a
  // numeric(18,2) read into a string even loses its last digit).
  const std::string wrapped = dialect_->ScalarAsText(sql);
  if (SQLHDBC connection = OdbcConnection(*this)) {
    // SOCI's ODBC into(std::string) drops trailing blanks and trusts the
    // driver's column size (psqlODBC: 64 for a computed text); read whole.
    OdbcTextReader reader(connection);
    HANDOVER_RETURN_IF_ERROR(reader.Start(wrapped, 1, context));
    std::vector<std::vector<std::string>> cells(1);
    std::vector<std::vector<soci::indicator>> nulls(1);
    auto got = reader.Fill(cells, nulls, 1);
    if (!got.ok()) return got.status();
    if (*got == 0 || nulls[0][0] != soci::i_ok) return std::string();
    return std::move(cells[0][0]);
  }
  try {
    std::string value;
    soci::indicator ind = soci::i_ok;
    *session_ << wrapped, soci::into(value, ind);
    if (ind != soci::i_ok) return std::string();
    return value;
  } catch (...) {
    return StatusFromCurrentException(core::ErrorCode::kDatabase, context);
  }
}

core::Result<std::vector<std::vector<std::string>>> Database::QueryRows(const std::string& sql,
                                                                  size_t columns,
                                                                  const std::string& context) {
  std::vector<std::vector<std::string>> rows;
  core::Status status = ForEachRow(sql, columns, context, [&rows](std::vector<std::string>& row) {
    rows.push_back(std::move(row));
  });
  if (!status.ok()) return status;
  return rows;
}

core::Status Database::ForEachRow(const std::string& sql, size_t columns, const std::string& context,
                                  const std::function<void(std::vector<std::string>& row)>& each) {
  constexpr size_t kChunkRows = 1000;
  // libpq holds a whole result set in memory (a money comparison of 1.5M
  // groups took 350 MB): a native PostgreSQL session reads through a cursor,
  // FETCHing a chunk at a time. WITH HOLD lets it outlive a commit, so it
  // works inside a transaction and outside one alike.
  std::string cursor;
  if (NativePostgresConnection(*this) != nullptr) {
    static std::atomic<int> counter{0};
    cursor = "handover_rows_" + std::to_string(++counter);
    HANDOVER_RETURN_IF_ERROR(Execute("DECLARE " + cursor + " NO SCROLL CURSOR WITH HOLD FOR " + sql, context));
  }
  const std::string fetch = "FETCH " + std::to_string(kChunkRows) + " FROM " + cursor;
  const auto read = [&]() -> core::Status {
    TextChunkReader reader(*this, columns, kChunkRows);
    HANDOVER_RETURN_IF_ERROR(reader.Start(cursor.empty() ? sql : fetch, context));
    std::vector<std::string> row(columns);
    while (reader.size() > 0) {
      for (size_t r = 0; r < reader.size(); ++r) {
        row.resize(columns);
        for (size_t c = 0; c < columns; ++c) {
          if (reader.IsNull(c, r)) row[c].clear();
          else row[c] = std::move(reader.Cell(c, r));
        }
        each(row);
      }
      if (!cursor.empty() && reader.size() < kChunkRows) break;
      HANDOVER_RETURN_IF_ERROR(cursor.empty() ? reader.Next() : reader.Start(fetch, context));
    }
    return core::Status::Ok();
  };
  core::Status status = read();
  if (!cursor.empty()) {
    // After a failed statement the transaction is aborted and the cursor
    // gone with it: closing is then best effort, and the first error stands.
    core::Status closed = Execute("CLOSE " + cursor, context);
    if (status.ok()) status = closed;
  }
  return status;
}

std::string Database::QuoteLiteral(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

void Database::DiscardCreatedFile() {
  if (!created_file_) return;
  session_.reset();
  std::error_code ec;
  std::filesystem::remove(url_.sqlite_path(), ec);
  for (const char* suffix : {"-journal", "-wal", "-shm"})
    std::filesystem::remove(url_.sqlite_path() + suffix, ec);
  created_file_ = false;
}

}  // namespace handover::db
