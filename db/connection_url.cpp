#include "db/connection_url.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>
#include "core/ascii.h"

namespace handover::db {
namespace {

// The ODBC attribute that chooses the generic ODBC dialect (lower case).
constexpr const char* kDialectAttribute = "handover_dialect";

constexpr const char* kExamples =
    "use sqlite:path/to.db, postgresql://user@host:5432/dbname, mysql://user@host:3306/dbname "
    "or odbc:DSN=name (or odbc:DRIVER={SQLite3};Database=/path.db;), or csv:path/to/folder for a folder of CSV files";

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

core::Result<std::string> PercentDecode(const std::string& text, const std::string& what) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(text[i + 2])))
      return core::Status::Error(core::ErrorCode::kConfig, "bad %-escape in the " + what + " of the URL");
    out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
    i += 2;
  }
  return out;
}

// Reads a password from the environment variable or file named by `source`.
core::Result<std::string> ResolvePassword(const std::string& kind, const std::string& source) {
  if (kind == "env") {
    const char* value = std::getenv(source.c_str());
    if (value == nullptr)
      return core::Status::Error(core::ErrorCode::kConfig,
                           "the password variable " + source + " is not set; export it first");
    return std::string(value);
  }
  std::ifstream in(source);
  if (!in)
    return core::Status::Error(core::ErrorCode::kConfig,
                         "cannot read the password file " + source + "; check the path");
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  return line;
}

// Quotes a value of a libpq or SOCI-mysql key=value connect string.
std::string QuoteParam(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

core::Result<ConnectionUrl> Fail(const std::string& url_masked, const std::string& why) {
  return core::Status::Error(core::ErrorCode::kConfig,
                       "bad connection URL '" + url_masked + "': " + why + "; " + kExamples);
}

std::vector<std::string> SplitOdbc(const std::string& attributes) {
  std::vector<std::string> parts;
  std::string current;
  int brace = 0;
  for (char c : attributes) {
    if (c == '{') ++brace;
    if (c == '}') --brace;
    if (c == ';' && brace == 0) {
      if (!current.empty()) parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) parts.push_back(current);
  return parts;
}

std::string MaskOdbc(const std::string& attributes) {
  std::string out;
  for (const auto& part : SplitOdbc(attributes)) {
    const auto eq = part.find('=');
    const std::string key = core::AsciiLower(part.substr(0, eq));
    out += (key == "pwd" || key == "password") ? part.substr(0, eq) + "=***" : part;
    out += ';';
  }
  return out;
}

}  // namespace

const char* BackendName(Backend backend) {
  switch (backend) {
    case Backend::kSqlite: return "sqlite";
    case Backend::kPostgresql: return "postgresql";
    case Backend::kOdbc: return "odbc";
    case Backend::kMysql: return "mysql";
    case Backend::kCsv: return "csv";
  }
  return "unknown";
}

core::Result<ConnectionUrl> ConnectionUrl::Parse(const std::string& url) {
  ConnectionUrl result;
  if (StartsWith(url, "sqlite:")) {
    result.backend_ = Backend::kSqlite;
    std::string path = url.substr(7);
    if (StartsWith(path, "//")) path = path.substr(2);  // sqlite:///abs -> /abs
    if (path.empty()) return Fail(url, "no database file after 'sqlite:'");
    result.sqlite_path_ = path;
    return result;
  }
  if (StartsWith(url, "csv:")) {
    result.backend_ = Backend::kCsv;
    std::string folder = url.substr(4), query;
    if (StartsWith(folder, "//")) folder = folder.substr(2);  // csv:///abs -> /abs
    if (const auto q = folder.find('?'); q != std::string::npos) query = folder.substr(q + 1), folder.erase(q);
    if (folder.empty()) return Fail(url, "no folder after 'csv:'");
    auto options = ParseCsvOptions(query);
    if (!options.ok()) return Fail(url, options.status().message());
    result.csv_folder_ = folder;
    result.csv_options_ = *options;
    return result;
  }
  if (StartsWith(url, "odbc:")) {
    result.backend_ = Backend::kOdbc;
    std::string rebuilt;
    int attribute_number = 0;
    for (const auto& part : SplitOdbc(url.substr(5))) {
      ++attribute_number;
      const auto eq = part.find('=');
      // Neither the URL nor the attribute is echoed: the attribute may be the
      // tail of a password holding ';'.
      if (eq == std::string::npos)
        return Fail("odbc:...", "ODBC attribute " + std::to_string(attribute_number) +
                                    " has no '=' (write KEY=value; wrap a value holding ';' in braces: PWD={a;b})");
      const std::string key = core::AsciiLower(part.substr(0, eq));
      const std::string value = part.substr(eq + 1);
      if (key == "pwd_env" || key == "pwd_file") {
        auto password = ResolvePassword(key == "pwd_env" ? "env" : "file", value);
        if (!password.ok()) return password.status();
        result.password_ = *password;
        // Inside braces a '}' is written twice.
        std::string braced;
        for (char c : *password) braced += c == '}' ? std::string("}}") : std::string(1, c);
        rebuilt += "PWD={" + braced + "};";
        continue;
      }
      if (key == "pwd" || key == "password") result.password_ = value;
      if (key == kDialectAttribute && core::AsciiLower(value) != "generic")
        return Fail("odbc:...", "HANDOVER_DIALECT=" + value + " is not known; the accepted value is "
                                "HANDOVER_DIALECT=generic (read the server through the ODBC catalog and standard SQL)");
      rebuilt += part + ";";
    }
    if (rebuilt.empty()) return Fail(url, "no ODBC attributes after 'odbc:'");
    const std::string lower = core::AsciiLower(rebuilt);
    if (lower.find("dsn=") == std::string::npos && lower.find("driver=") == std::string::npos)
      return Fail(MaskOdbc(rebuilt), "an ODBC connection needs DSN=... or DRIVER=...");
    result.odbc_attributes_ = rebuilt;
    return result;
  }
  std::string rest;
  bool server = false;
  for (const char* scheme : {"postgresql://", "postgres://", "mysql://", "mariadb://"})
    if (StartsWith(url, scheme)) {
      rest = url.substr(std::string(scheme).size());
      server = true;
      result.backend_ = scheme[0] == 'p' ? Backend::kPostgresql : Backend::kMysql;
    }
  const std::string scheme = result.backend_ == Backend::kMysql ? "mysql://" : "postgresql://";
  if (!server) {
    // Show only the scheme: whatever follows may hold a password.
    const auto colon = url.find(':');
    if (colon != std::string::npos && colon > 0)
      return Fail(url.substr(0, colon + 1) + "...", "unknown backend '" + url.substr(0, colon) + "'");
    return Fail("...", "no backend prefix");
  }
  if (rest.empty()) return Fail(scheme, "nothing after '" + scheme + "' (give user@host:port/dbname)");
  // The user information ends at the last '@', so a password holding '/',
  // '?', ':' or '@' still parses, and it is masked before anything can fail.
  std::string userinfo;
  bool has_userinfo = false;
  if (const auto at = rest.rfind('@'); at != std::string::npos) {
    userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    has_userinfo = true;
  }
  std::string query;
  if (const auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string authority = rest, path;
  if (const auto slash = rest.find('/'); slash != std::string::npos) {
    authority = rest.substr(0, slash);
    path = rest.substr(slash + 1);
  }
  std::string masked_authority = authority;
  if (has_userinfo) {
    std::string user = userinfo;
    masked_authority = userinfo + "@" + authority;
    if (const auto colon = userinfo.find(':'); colon != std::string::npos) {
      user = userinfo.substr(0, colon);
      masked_authority = user + ":***@" + authority;
      auto password = PercentDecode(userinfo.substr(colon + 1), "password");
      if (!password.ok()) return Fail(scheme + masked_authority + "/" + path, password.status().message());
      result.password_ = *password;
    }
    auto decoded_user = PercentDecode(user, "user name");
    if (!decoded_user.ok()) return decoded_user.status();
    if (!decoded_user->empty()) result.server_params_["user"] = *decoded_user;
  }
  const std::string masked = scheme + masked_authority + "/" + path;
  if (!authority.empty()) {
    std::string host = authority;
    size_t port_from = authority.rfind(':');
    if (authority[0] == '[') {  // an IPv6 address: [::1] or [::1]:5432
      const auto close = authority.find(']');
      if (close == std::string::npos) return Fail(masked, "the IPv6 address has no closing ']'");
      host = authority.substr(1, close - 1);
      port_from = close + 1 < authority.size() && authority[close + 1] == ':' ? close + 1 : std::string::npos;
      if (port_from == std::string::npos && close + 1 != authority.size())
        return Fail(masked, "unexpected text after the IPv6 address");
    }
    if (port_from != std::string::npos) {
      if (authority[0] != '[') host = authority.substr(0, port_from);
      const std::string port = authority.substr(port_from + 1);
      if (port.empty() || !std::all_of(port.begin(), port.end(), ::isdigit))
        return Fail(masked, "port '" + port + "' is not a number");
      result.server_params_["port"] = port;
    }
    if (!host.empty()) result.server_params_["host"] = host;
  }
  auto dbname = PercentDecode(path, "database name");
  if (!dbname.ok()) return dbname.status();
  if (dbname->empty()) return Fail(masked, "no database name after the host (…/dbname)");
  result.server_params_["dbname"] = *dbname;
  std::stringstream params(query);
  std::string item;
  int item_number = 0;
  while (std::getline(params, item, '&')) {
    ++item_number;
    if (item.empty()) continue;
    const auto eq = item.find('=');
    // The item is not echoed: it may be the tail of a password holding '&'.
    if (eq == std::string::npos)
      return Fail(masked, "query parameter " + std::to_string(item_number) +
                              " has no '=' (write key=value; percent-encode '&' in a value as %26)");
    const std::string key = item.substr(0, eq);
    auto value = PercentDecode(item.substr(eq + 1), "query");
    if (!value.ok()) return value.status();
    if (key == "password_env" || key == "password_file") {
      auto password = ResolvePassword(key == "password_env" ? "env" : "file", *value);
      if (!password.ok()) return password.status();
      result.password_ = *password;
    } else if (key == "password") {
      result.password_ = *value;
    } else if (result.backend_ == Backend::kMysql && key != "socket" && key != "charset" && key != "ssl_ca" &&
               key != "ssl_cert" && key != "connect_timeout") {
      return Fail(masked, "unknown parameter '" + key + "' for MySQL/MariaDB (known: socket, charset, ssl_ca, "
                          "ssl_cert, connect_timeout, password_env, password_file)");
    } else {
      result.server_params_[key] = *value;
    }
  }
  return result;
}

core::Result<ConnectionUrl> ConnectionUrl::ParseTarget(const std::string& url) {
  auto parsed = Parse(url);
  if (parsed.ok() && parsed->backend() == Backend::kCsv)
    return core::Status::Error(core::ErrorCode::kUsage,
                               parsed->Masked() + " is a folder of CSV files, which handover only reads; "
                                                  "give the council's database (sqlite:, postgresql:// or odbc:)");
  return parsed;
}

std::string ConnectionUrl::SociBackend() const {
  switch (backend_) {
    case Backend::kSqlite:
    case Backend::kCsv:  // read through an in-memory SQLite database
      return "sqlite3";
    case Backend::kPostgresql: return "postgresql";
    case Backend::kOdbc: return "odbc";
    case Backend::kMysql: return "mysql";
  }
  return {};
}

std::string ConnectionUrl::OdbcAttribute(const std::string& key) const {
  for (const auto& part : SplitOdbc(odbc_attributes_)) {
    const auto eq = part.find('=');
    if (eq != std::string::npos && core::AsciiLower(part.substr(0, eq)) == core::AsciiLower(key)) {
      std::string value = part.substr(eq + 1);
      if (value.size() >= 2 && value.front() == '{' && value.back() == '}') value = value.substr(1, value.size() - 2);
      return value;
    }
  }
  return {};
}

bool ConnectionUrl::OdbcForcesGenericDialect() const {
  return core::AsciiLower(OdbcAttribute(kDialectAttribute)) == "generic";
}

bool ConnectionUrl::OdbcDriverLooksLikeSqlite() const {
  return core::AsciiLower(odbc_attributes_).find("sqlite") != std::string::npos;
}

bool ConnectionUrl::OdbcDriverLooksLikePostgres() const {
  const std::string lower = core::AsciiLower(odbc_attributes_);
  return lower.find("postgres") != std::string::npos || lower.find("psql") != std::string::npos;
}

std::string ConnectionUrl::SociConnectString() const {
  switch (backend_) {
    case Backend::kSqlite:
      // SOCI 4.0.3 accepts double quotes (not single) around a path with spaces.
      return "db=\"" + sqlite_path_ + "\" timeout=5";
    case Backend::kCsv: return "db=:memory:";
    case Backend::kPostgresql: {
      std::string out;
      for (const auto& [key, value] : server_params_) out += key + "=" + QuoteParam(value) + " ";
      if (!password_.empty()) out += "password=" + QuoteParam(password_) + " ";
      return out + "connect_timeout=10";
    }
    case Backend::kMysql: {
      // SOCI's mysql keys; utf8mb4 unless asked otherwise, so 4-byte UTF-8
      // (emoji) arrives intact.
      static const std::map<std::string, std::string> kSociKey = {
          {"dbname", "db"},         {"user", "user"},       {"host", "host"},        {"port", "port"},
          {"socket", "unix_socket"}, {"charset", "charset"}, {"ssl_ca", "sslca"},     {"ssl_cert", "sslcert"},
          {"connect_timeout", "connect_timeout"}};
      std::string out;
      for (const auto& [key, value] : server_params_) out += kSociKey.at(key) + "=" + QuoteParam(value) + " ";
      if (!password_.empty()) out += "password=" + QuoteParam(password_) + " ";
      if (!server_params_.count("charset")) out += "charset=utf8mb4 ";
      if (!server_params_.count("connect_timeout")) out += "connect_timeout=10 ";
      return out;
    }
    case Backend::kOdbc: {
      // Streaming settings: without them the drivers buffer whole result
      // sets (reading a million rows: +118 MB through the SQLite driver,
      // +224 MB through psqlODBC; with them about +3 MB).
      // HANDOVER_DIALECT is handover's, not the driver's.
      std::string out;
      for (const auto& part : SplitOdbc(odbc_attributes_))
        if (core::AsciiLower(part.substr(0, part.find('='))) != kDialectAttribute) out += part + ";";
      const std::string lower = core::AsciiLower(out);
      if (OdbcDriverLooksLikeSqlite() && lower.find("stepapi=") == std::string::npos)
        out += "StepAPI=1;";
      if (OdbcDriverLooksLikePostgres() && lower.find("usedeclarefetch=") == std::string::npos)
        out += "UseDeclareFetch=1;Fetch=10000;";
      // psqlODBC's default statement-level rollback wraps every statement in
      // a savepoint of its own whose release also drops ours: roll back by
      // transaction instead (handover places its own savepoints).
      if (OdbcDriverLooksLikePostgres() && lower.find("protocol=") == std::string::npos) out += "Protocol=7.4-1;";
      return out;
    }
  }
  return {};
}

std::string ConnectionUrl::Masked() const {
  switch (backend_) {
    case Backend::kSqlite: return "sqlite:" + sqlite_path_;
    case Backend::kOdbc: return "odbc:" + MaskOdbc(odbc_attributes_);
    case Backend::kCsv: {
      const std::string query = CsvOptionsQuery(csv_options_);
      return "csv:" + csv_folder_ + (query.empty() ? "" : "?" + query);
    }
    case Backend::kPostgresql:
    case Backend::kMysql: {
      std::string out = backend_ == Backend::kMysql ? "mysql://" : "postgresql://";
      const auto get = [&](const char* key) {
        const auto it = server_params_.find(key);
        return it == server_params_.end() ? std::string() : it->second;
      };
      if (!get("user").empty()) out += get("user") + (password_.empty() ? "" : ":***") + "@";
      const std::string host = get("host");
      if (!host.empty() && host[0] != '/') out += host.find(':') != std::string::npos ? "[" + host + "]" : host;
      if (!get("port").empty()) out += ":" + get("port");
      out += "/" + get("dbname");
      if (!host.empty() && host[0] == '/') out += "?host=" + host;
      if (!get("socket").empty()) out += "?socket=" + get("socket");
      return out;
    }
  }
  return {};
}

bool SameDatabase(const ConnectionUrl& a, const ConnectionUrl& b) {
  if (a.backend() != b.backend()) return false;
  switch (a.backend()) {
    case Backend::kSqlite: {
      if (a.sqlite_path() == ":memory:" || b.sqlite_path() == ":memory:") return false;
      std::error_code ec;
      if (std::filesystem::equivalent(a.sqlite_path(), b.sqlite_path(), ec)) return true;
      return std::filesystem::weakly_canonical(a.sqlite_path(), ec) ==
             std::filesystem::weakly_canonical(b.sqlite_path(), ec);
    }
    case Backend::kPostgresql:
    case Backend::kMysql: {
      const auto get = [](const ConnectionUrl& url, const char* key) {
        const auto it = url.server_params().find(key);
        return it == url.server_params().end() ? std::string() : it->second;
      };
      for (const char* key : {"host", "port", "dbname", "socket"})
        if (get(a, key) != get(b, key)) return false;
      return true;
    }
    case Backend::kOdbc: return core::AsciiLower(a.odbc_attributes()) == core::AsciiLower(b.odbc_attributes());
    case Backend::kCsv: {
      std::error_code ec;
      return std::filesystem::equivalent(a.csv_folder(), b.csv_folder(), ec);
    }
  }
  return false;
}

}  // namespace handover::db
