#include "db/source_query.h"

#include <soci/soci.h>

#include "core/ascii.h"

namespace handover::db {
namespace {

// The query without trailing blanks and ';' (it is wrapped as a subquery).
std::string Unterminated(std::string sql) {
  while (!sql.empty() && (sql.back() == ';' || sql.back() == ' ' || sql.back() == '\n' || sql.back() == '\r' ||
                          sql.back() == '\t'))
    sql.pop_back();
  return sql;
}

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Removes a trailing " (SQL state HY000)" or, with `digits_only`, " (1)":
// ODBC's SQLSTATE and the driver's native error code.
void EraseTrailingParenthesis(std::string& line, bool digits_only) {
  if (line.empty() || line.back() != ')') return;
  const auto open = line.rfind(" (");
  if (open == std::string::npos) return;
  const std::string inner = line.substr(open + 2, line.size() - open - 3);
  const bool digits = !inner.empty() && inner.find_first_not_of("0123456789-") == std::string::npos;
  if (digits_only ? digits : StartsWith(inner, "SQL state")) line.erase(open);
}

// The substance of a driver's message about `sent` (the SQL as sent): the
// echoed SQL, PostgreSQL's "LINE 1: ..." and caret lines, DETAIL and
// CONTEXT lines (they can quote data), SOCI's "Error preparing query ...: "
// and "sqlite3_statement_backend::prepare: ", whatever precedes PostgreSQL's
// "ERROR:", and ODBC's "[driver]" tags and SQLSTATE suffixes are dropped;
// a HINT is kept. What is left is one line.
std::string ServerMessage(std::string message, const std::string& sent) {
  if (const auto at = message.find(sent); at != std::string::npos) {
    size_t end = at + sent.size();
    while (end < message.size() && (message[end] == '"' || message[end] == ':' || message[end] == ' ')) ++end;
    message.erase(0, end);
  }
  std::string out;
  size_t begin = 0;
  while (begin <= message.size()) {
    size_t end = message.find('\n', begin);
    if (end == std::string::npos) end = message.size();
    std::string line = message.substr(begin, end - begin);
    begin = end + 1;
    if (const auto at = line.find("_backend::"); at != std::string::npos)
      if (const auto colon = line.find(": ", at); colon != std::string::npos) line.erase(0, colon + 2);
    while (StartsWith(line, "[")) {
      const auto close = line.find(']');
      if (close == std::string::npos) break;
      line.erase(0, close + 1);
    }
    // PostgreSQL's own words follow its severity, whatever SOCI says before
    // it ("Cannot execute query. Fatal error. ERROR:  column ...").
    for (const char* severity : {"ERROR:", "FATAL:"})
      if (const auto at = line.rfind(severity); at != std::string::npos) line.erase(0, at + std::string(severity).size());
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.erase(0, 1);
    while (!line.empty() && (line.back() == ' ' || line.back() == ';' || line.back() == '\r')) line.pop_back();
    EraseTrailingParenthesis(line, false);
    EraseTrailingParenthesis(line, true);
    const bool noise = line.empty() || line.find_first_not_of(" ^") == std::string::npos ||
                       StartsWith(line, "LINE ") || StartsWith(line, "DETAIL:") || StartsWith(line, "CONTEXT:");
    if (noise) continue;
    if (StartsWith(line, "HINT:")) line.erase(0, 5);
    while (StartsWith(line, " ")) line.erase(0, 1);
    out += (out.empty() ? "" : "; ") + line;
  }
  return out.empty() ? "the query failed" : out;
}

core::ColumnType TypeOf(soci::data_type type, const std::string& name, std::string& declared) {
  switch (type) {
    case soci::dt_integer:
    case soci::dt_long_long:
    case soci::dt_unsigned_long_long:
      declared = "integer";
      break;
    case soci::dt_double:
      declared = "numeric";
      break;
    case soci::dt_date:
      declared = "date or timestamp (read as text)";
      return core::ColumnType::kText;
    default:
      declared = "text";
      break;
  }
  return core::ColumnTypeFromDeclared(declared, name);
}

}  // namespace

core::Result<core::TableSchema> DescribeQuery(Database& db, const std::string& name, const std::string& sql) {
  core::TableSchema table;
  table.name = name;
  table.query = sql;
  const std::string sent = "SELECT * FROM (" + Unterminated(sql) + ") q WHERE 1 = 0";
  try {
    // Run first, then describe: some ODBC drivers (psqlODBC) only prepare
    // when asked for the columns, and lose the server's message if it fails there.
    db.session() << sent;
    soci::row row;
    soci::statement statement = (db.session().prepare << sent, soci::into(row));
    statement.execute(true);
    for (size_t i = 0; i < row.size(); ++i) {
      const soci::column_properties& properties = row.get_properties(i);
      core::Column column;
      column.name = core::AsciiLower(properties.get_name());
      column.type = TypeOf(properties.get_data_type(), column.name, column.declared_type);
      table.columns.push_back(std::move(column));
    }
  } catch (const soci::soci_error& e) {
    return core::Status::Error(core::ErrorCode::kDatabase, ServerMessage(e.get_error_message(), sent));
  } catch (const std::exception& e) {
    return core::Status::Error(core::ErrorCode::kDatabase, ServerMessage(e.what(), sent));
  }
  if (table.columns.empty())
    return core::Status::Error(core::ErrorCode::kDatabase, "the query returns no columns");
  return table;
}

std::string FromItem(const Database& db, const std::string& table, const std::string& query) {
  if (query.empty()) return db.QuoteIdentifier(table);
  std::string alias;
  for (char c : table) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    alias += word ? c : '_';
  }
  return "(" + Unterminated(query) + ") AS " + db.QuoteIdentifier(alias);
}

}  // namespace handover::db
