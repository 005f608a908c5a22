// The robustness catalogue, MySQL/MariaDB: what a user gets wrong with a
// MySQL provider database (the suite's own MariaDB server).
#include <gtest/gtest.h>

#include "tests/robustness/robustness_fixture.h"

namespace handover {
namespace {

using testing::Robustness;

TEST_F(Robustness, AMysqlTargetIsRefusedAndNothingIsWritten) {
  testing::ScratchMariaDb maria;
  for (const std::string& target : {maria.url(), maria.odbc_url()}) {
    SCOPED_TRACE(target);
    ExpectOneLineError(Rehearse(SharedProvider(), target, ShippedMappings()),
                       {"--target", "is a MySQL/MariaDB server", "writes council databases to SQLite and PostgreSQL only"});
    auto db = testing::OpenOrFail(maria.url(), db::OpenMode::kMustExist);
    ASSERT_NE(db, nullptr);
    auto tables = db->QueryInt("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()",
                               "counting tables");
    ASSERT_TRUE(tables.ok()) << tables.status().message();
    EXPECT_EQ(*tables, 0) << "nothing may be written to a refused target";
  }
}

TEST_F(Robustness, AWrongMysqlPasswordNamesTheUserNotThePassword) {
  testing::ScratchMariaDb maria;
  std::string url = maria.url();
  url.replace(url.find(":handover-test-pw@"), 18, ":Wr0ngSecret@");
  const auto r = Rehearse(url, Target(), ShippedMappings());
  ExpectOneLineError(r, {"source", "cannot connect to mysql://handover:***@", "Access denied for user",
                         "check the user and password"});
  EXPECT_EQ(r.err.find("Wr0ngSecret"), std::string::npos) << r.err;
  ExpectNoTarget();
}

TEST_F(Robustness, AMissingMysqlDatabaseSaysCheckTheName) {
  testing::ScratchMariaDb maria;
  const std::string url = maria.url() + "_absent";
  ExpectOneLineError(Rehearse(url, Target(), ShippedMappings()),
                     {"source", "Unknown database", "check the database name"});
  ExpectNoTarget();
}

TEST_F(Robustness, AnUnknownMysqlUrlParameterIsNamed) {
  ExpectOneLineError(Rehearse("mysql://u:pw@127.0.0.1:1/x?sslmode=on", Target(), ShippedMappings()),
                     {"--source", "unknown parameter 'sslmode' for MySQL/MariaDB"});
  ExpectNoTarget();
}

}  // namespace
}  // namespace handover
