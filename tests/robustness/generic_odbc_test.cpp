// The robustness catalogue, the generic ODBC dialect (HANDOVER_DIALECT=generic
// or a server handover has no dialect for): a misspelt dialect, a generic
// server given as a target, and a table the catalog lists but no SELECT can read.
#include <gtest/gtest.h>

#include <fstream>

#include "tests/robustness/robustness_fixture.h"

namespace handover {
namespace {

namespace fs = std::filesystem;
using testing::Robustness;

std::string SqliteFileOf(const std::string& sqlite_url) { return sqlite_url.substr(std::string("sqlite:").size()); }

TEST_F(Robustness, AnUnknownHandoverDialectNamesTheAcceptedValue) {
  const std::string source = testing::SqliteOdbcUrl(SqliteFileOf(SharedProvider())) + "HANDOVER_DIALECT=fast;";
  ExpectOneLineError(Rehearse(source, Target(), ShippedMappings()),
                     {"--source", "HANDOVER_DIALECT=fast is not known", "the accepted value is HANDOVER_DIALECT=generic"});
  ExpectNoTarget();
}

TEST_F(Robustness, AGenericOdbcTargetIsRefusedAndNothingIsWritten) {
  // An SQLite file with one table of its own, reached generically.
  const std::string file = (scratch_ / "generic-target.db").string();
  Execute("sqlite:" + file, "CREATE TABLE kept (x INTEGER)");
  testing::ScratchPostgres pg;
  for (const std::string& target : {testing::GenericOdbcUrl(testing::SqliteOdbcUrl(file)),
                                    testing::GenericOdbcUrl(pg.odbc_url())}) {
    SCOPED_TRACE(target);
    ExpectOneLineError(Rehearse(SharedProvider(), target, ShippedMappings()),
                       {"--target odbc:DRIVER=", "HANDOVER_DIALECT=generic", "is an ODBC server of no dialect handover knows",
                        "council databases to SQLite and PostgreSQL only"});
    ExpectOneLineError(Run({"generate", "--people", "20", "--target", target}),
                       {"--target odbc:DRIVER=", "is an ODBC server of no dialect handover knows", "council databases to SQLite and PostgreSQL only",
                        "give a sqlite:, postgresql:// or mysql:// target"});
  }
  auto sqlite = testing::OpenOrFail("sqlite:" + file, db::OpenMode::kMustExist);
  ASSERT_NE(sqlite, nullptr);
  EXPECT_EQ(testing::QueryIntOrFail(*sqlite, "SELECT count(*) FROM sqlite_master"), 1) << "only 'kept' may be there";
  auto postgres = testing::OpenOrFail(pg.url(), db::OpenMode::kMustExist);
  ASSERT_NE(postgres, nullptr);
  EXPECT_EQ(testing::QueryIntOrFail(*postgres, "SELECT count(*) FROM information_schema.tables "
                                               "WHERE table_schema = 'public'"),
            0)
      << "nothing may be written to a refused target";
  EXPECT_FALSE(fs::exists(Out() / "reconciliation.json"));
}

TEST_F(Robustness, AListedTableThatCannotBeReadIsNamed) {
  // 'client' becomes a view that the catalog describes from its table but
  // whose rows fail at run time (malformed JSON on every row).
  const std::string copy = CopyOfProvider();
  Execute(copy, "ALTER TABLE client RENAME TO client_rows");
  Execute(copy, "CREATE VIEW client AS SELECT * FROM client_rows WHERE json_extract('not json', '$') IS NULL");
  const std::string source = testing::GenericOdbcUrl(testing::SqliteOdbcUrl(SqliteFileOf(copy)));
  const fs::path maps = CopyOfMappings();
  std::ofstream(maps / "scope.map", std::ios::app)
      << "ignore table client_rows because \"the rows behind the client view\" as provider_code_table\n";
  const auto r = Rehearse(source, Target(), maps);
  ExpectErrorLast(r, {"\"client\"", "malformed JSON"});
  EXPECT_FALSE(fs::exists(Out() / "reconciliation.json")) << "a failed read is not a reconciliation";
}

}  // namespace
}  // namespace handover
