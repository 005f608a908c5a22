// The generic ODBC dialect, for a server behind ODBC that answers none of
// the known dialects' probes (SQL Server through FreeTDS, Access through
// mdbtools) or whose URL says HANDOVER_DIALECT=generic: standard SQL only,
// identifiers quoted as the driver says (SQLGetInfo(SQL_IDENTIFIER_QUOTE_CHAR)),
// the catalog from SQLTables / SQLColumns / SQLPrimaryKeys, every value read
// as the driver converts it to text (no CAST: the type names of CAST differ
// from server to server). A source only: handover writes nothing there.
#include "db/dialect.h"
#include "db/odbc_catalog.h"

namespace handover::db {

class GenericOdbcDialectImpl final : public Dialect {
 public:
  // `quote` is the driver's identifier quote character, ' ' for none.
  explicit GenericOdbcDialectImpl(char quote) : Dialect("odbc", nullptr), quote_(quote) {}

  std::string QuoteIdentifier(std::string_view name) const override {
    if (quote_ == ' ') return std::string(name);
    std::string out(1, quote_);
    for (char c : name) {
      if (c == quote_) out += quote_;
      out += c;
    }
    return out + quote_;
  }
  std::string ColumnAsText(const std::string& quoted_column) const override { return quoted_column; }
  std::string ScalarAsText(const std::string& query) const override { return query; }
  bool WritesCouncilDatabases() const override { return false; }
  bool WritesProviderDatabases() const override { return false; }
  core::Result<core::Catalog> ReadCatalog(Database& db) const override { return ReadOdbcCatalog(db); }

 private:
  char quote_;
};

const Dialect& GenericOdbcDialect(const std::string& quote) {
  static const GenericOdbcDialectImpl kDoubleQuotes('"'), kBackticks('`'), kUnquoted(' ');
  if (quote == "`") return kBackticks;
  if (quote == " ") return kUnquoted;
  return kDoubleQuotes;
}

}  // namespace handover::db
