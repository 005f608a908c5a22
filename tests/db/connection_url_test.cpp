#include "db/connection_url.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "tests/support/test_support.h"

namespace handover {
namespace {

TEST(ConnectionUrl, SqlitePathForms) {
  auto relative = db::ConnectionUrl::Parse("sqlite:out/provider.db");
  ASSERT_TRUE(relative.ok()) << relative.status().message();
  EXPECT_EQ(relative->backend(), db::Backend::kSqlite);
  EXPECT_EQ(relative->sqlite_path(), "out/provider.db");
  EXPECT_EQ(relative->SociBackend(), "sqlite3");
  auto absolute = db::ConnectionUrl::Parse("sqlite:///tmp/x.db");
  ASSERT_TRUE(absolute.ok());
  EXPECT_EQ(absolute->sqlite_path(), "/tmp/x.db");
}

TEST(ConnectionUrl, PostgresUrlBecomesKeyValueAndMasksPassword) {
  auto url = db::ConnectionUrl::Parse("postgresql://alice:s%40cret@db.example:6543/council?sslmode=disable");
  ASSERT_TRUE(url.ok()) << url.status().message();
  EXPECT_EQ(url->backend(), db::Backend::kPostgresql);
  EXPECT_EQ(url->pg_params().at("user"), "alice");
  EXPECT_EQ(url->pg_params().at("port"), "6543");
  EXPECT_EQ(url->pg_params().at("dbname"), "council");
  EXPECT_EQ(url->pg_params().at("sslmode"), "disable");
  EXPECT_NE(url->SociConnectString().find("password='s@cret'"), std::string::npos);
  EXPECT_EQ(url->Masked(), "postgresql://alice:***@db.example:6543/council");
  EXPECT_EQ(url->Masked().find("cret"), std::string::npos);
}

TEST(ConnectionUrl, PasswordFromEnvironmentAndFile) {
  setenv("HANDOVER_TEST_SECRET", "from-env", 1);
  auto env = db::ConnectionUrl::Parse("postgresql://bob@localhost/x?password_env=HANDOVER_TEST_SECRET");
  ASSERT_TRUE(env.ok()) << env.status().message();
  EXPECT_NE(env->SociConnectString().find("from-env"), std::string::npos);
  EXPECT_EQ(env->Masked().find("from-env"), std::string::npos);

  testing::TempDir dir;
  std::ofstream(dir / "pw") << "from-file\n";
  auto file = db::ConnectionUrl::Parse("odbc:DSN=council;UID=bob;PWD_FILE=" + (dir / "pw").string());
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_NE(file->SociConnectString().find("PWD={from-file}"), std::string::npos);
  EXPECT_EQ(file->Masked(), "odbc:DSN=council;UID=bob;PWD=***;");
}

TEST(ConnectionUrl, OdbcAddsStreamingSettingsPerDriver) {
  auto sqlite = db::ConnectionUrl::Parse("odbc:DRIVER=SQLite3;Database=/tmp/a.db");
  ASSERT_TRUE(sqlite.ok());
  EXPECT_NE(sqlite->SociConnectString().find("StepAPI=1"), std::string::npos);
  auto pg = db::ConnectionUrl::Parse("odbc:DRIVER={PostgreSQL Unicode};Server=127.0.0.1;Database=x");
  ASSERT_TRUE(pg.ok());
  EXPECT_NE(pg->SociConnectString().find("UseDeclareFetch=1"), std::string::npos);
}

TEST(ConnectionUrl, BadUrlsSayWhatIsWrongAndWhatToTry) {
  struct Case {
    const char* url;
    const char* expected;
  };
  for (const Case& c : {Case{"mysql://x@y/z", "unknown backend 'mysql'"},
                        Case{"provider.db", "no backend prefix"},
                        Case{"sqlite:", "no database file"},
                        Case{"postgresql://u@h:port/db", "port 'port' is not a number"},
                        Case{"postgresql://u@h:5432/", "no database name"},
                        Case{"odbc:Database=/x.db", "needs DSN=... or DRIVER=..."},
                        Case{"postgresql://u@h/db?password_env=HANDOVER_NO_SUCH_VAR", "is not set"}}) {
    auto url = db::ConnectionUrl::Parse(c.url);
    ASSERT_FALSE(url.ok()) << c.url;
    EXPECT_EQ(url.status().code(), core::ErrorCode::kConfig) << c.url;
    EXPECT_NE(url.status().message().find(c.expected), std::string::npos)
        << c.url << " -> " << url.status().message();
  }
}

}  // namespace
}  // namespace handover
