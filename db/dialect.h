// Dialect: everything that differs between the SQL two servers speak, in one
// place per server (sqlite_dialect.cpp, postgres_dialect.cpp). Code above db/
// asks the dialect instead of testing which server it is talking to, so a new
// server is a new dialect file, not an edit of every caller.
//
// A dialect describes the server, not the access path: SQLite through ODBC
// speaks the SQLite dialect. What only a native connection offers (COPY on
// libpq, server-side cursors) is asked of the Database, not of the dialect.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace soci {
class session;
}

namespace handover::db {

class Dialect {
 public:
  virtual ~Dialect() = default;

  // "sqlite", "postgresql": in messages and in schema.<name>.sql file names.
  virtual const char* name() const = 0;

  // A query that succeeds only on a server of this dialect: how an ODBC data
  // source, which hides its server, is recognised.
  virtual const char* ProbeSql() const = 0;

  // Quotes an identifier ("my ""odd"" name"). Both dialects use SQL's double
  // quotes; a dialect with another quote character overrides this.
  virtual std::string QuoteIdentifier(std::string_view name) const;

  // The type to CAST a column to so that every value reads back as text.
  virtual const char* TextType() const = 0;
  // The 64-bit integer type for provider and migration tables.
  virtual const char* BigIntType() const = 0;
  // The column definition of a key the server assigns (a run id).
  virtual const char* GeneratedKeyColumn() const = 0;
  // True when a table's integer primary key must be declared with the table
  // (SQLite cannot add one later); otherwise it is added after a bulk load.
  virtual bool DeclaresKeysWithTable() const = 0;

  // Wraps a query returning one value so that it returns it as text.
  virtual std::string ScalarAsText(const std::string& query) const = 0;

  // The query listing every user table and view column of the current
  // schema: table, column, declared type, not null, has default, primary key
  // (the last three '0' or '1'), in declaration order.
  virtual const char* CatalogSql() const = 0;

  // Statements that make a bulk load of a database nobody else is using
  // fast (no journal, no notices), and the statements that restore it.
  virtual std::vector<std::string> BulkLoadSettings() const = 0;
  virtual std::vector<std::string> AfterBulkLoadSettings() const = 0;
  // Rows after which a long bulk load commits and begins again (0: one
  // transaction for the whole load).
  virtual int64_t BulkLoadCommitRows() const = 0;

  // A query returning the name of the server's text encoding when the server
  // refuses bytes that are not valid in it, or nullptr when it stores any
  // bytes as given (SQLite).
  virtual const char* StrictEncodingSql() const = 0;
};

const Dialect& SqliteDialect();
const Dialect& PostgresDialect();

// Every dialect handover speaks, in the order they are probed.
const std::vector<const Dialect*>& KnownDialects();

// Asks the server behind `session` which dialect it speaks by running each
// known dialect's probe; nullptr when none answers. Throws nothing.
const Dialect* DetectDialect(soci::session& session);

}  // namespace handover::db
