// ConnectionUrl: the one way every subcommand names a database.
//
//   sqlite:path/to.db                 (also sqlite:///abs/path.db)
//   postgresql://user[:pw]@host[:port]/dbname[?host=/socket/dir&sslmode=...]
//   mysql://user[:pw]@host[:port]/dbname[?socket=/run/mysqld.sock&charset=...]
//                                     (mariadb:// is the same)
//   odbc:DSN=name;UID=...             odbc:DRIVER={SQLite3};Database=/x.db;
//                                     (HANDOVER_DIALECT=generic;: see OdbcForcesGenericDialect)
//   csv:path/to/folder[?encoding=auto|utf-8|windows-1252&empty=null|text&types=auto|text]
//                                     (a source only: see csv_folder.h)
//
// Passwords may be given in the URL, or indirectly so they never appear on a
// command line: `password_env=VAR` / `password_file=PATH` as PostgreSQL and MySQL query
// parameters, `PWD_ENV=VAR` / `PWD_FILE=PATH` as ODBC attributes. Masked()
// is the only form that may be printed or logged.
#pragma once

#include <map>
#include <string>

#include "core/status.h"
#include "db/csv_options.h"

namespace handover::db {

enum class Backend { kSqlite, kPostgresql, kOdbc, kMysql, kCsv };

const char* BackendName(Backend backend);

class ConnectionUrl {
 public:
  // Parses and resolves indirect passwords. On failure the Status names what
  // was wrong and gives an example of a valid URL.
  static core::Result<ConnectionUrl> Parse(const std::string& url);
  // The same for a URL data is written to: also fails (kUsage) for a csv:
  // folder, which handover only reads.
  static core::Result<ConnectionUrl> ParseTarget(const std::string& url);

  Backend backend() const { return backend_; }
  // The SOCI backend name ("sqlite3", "postgresql", "odbc", "mysql").
  std::string SociBackend() const;
  // The SOCI connect string, password included: never print it.
  std::string SociConnectString() const;
  // The URL with any password replaced by "***".
  std::string Masked() const;

  // For sqlite: the database file path.
  const std::string& sqlite_path() const { return sqlite_path_; }
  // For odbc: the attribute string after "odbc:", as given (password resolved).
  const std::string& odbc_attributes() const { return odbc_attributes_; }
  // For odbc: the value of attribute `key` (case-insensitive), "" if absent.
  std::string OdbcAttribute(const std::string& key) const;
  // For odbc: true when the URL says HANDOVER_DIALECT=generic (read through
  // the ODBC catalog and standard SQL even if the server is one handover
  // knows). The attribute is handover's: SociConnectString leaves it out.
  bool OdbcForcesGenericDialect() const;
  // For odbc: true when the DRIVER attribute names an SQLite / PostgreSQL driver.
  bool OdbcDriverLooksLikeSqlite() const;
  bool OdbcDriverLooksLikePostgres() const;
  // For csv: the folder, and how its files are read.
  const std::string& csv_folder() const { return csv_folder_; }
  const CsvOptions& csv_options() const { return csv_options_; }
  // For postgresql and mysql: "key=value" parameters (dbname, user, host,
  // port, and the URL's query parameters).
  const std::map<std::string, std::string>& server_params() const { return server_params_; }

 private:
  Backend backend_ = Backend::kSqlite;
  std::string sqlite_path_;
  std::string odbc_attributes_;
  std::string csv_folder_;
  CsvOptions csv_options_;
  std::map<std::string, std::string> server_params_;
  std::string password_;
};

// True when both URLs certainly name one database: the same SQLite file
// (through any path or link), or the same server and database.
bool SameDatabase(const ConnectionUrl& a, const ConnectionUrl& b);

}  // namespace handover::db
