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
  EXPECT_EQ(url->server_params().at("user"), "alice");
  EXPECT_EQ(url->server_params().at("port"), "6543");
  EXPECT_EQ(url->server_params().at("dbname"), "council");
  EXPECT_EQ(url->server_params().at("sslmode"), "disable");
  EXPECT_NE(url->SociConnectString().find("password='s@cret'"), std::string::npos);
  EXPECT_EQ(url->Masked(), "postgresql://alice:***@db.example:6543/council");
  EXPECT_EQ(url->Masked().find("cret"), std::string::npos);
}

TEST(ConnectionUrl, MysqlAndMariadbUrlsBecomeSociKeysWithUtf8mb4) {
  for (const std::string scheme : {"mysql", "mariadb"}) {
    auto url = db::ConnectionUrl::Parse(scheme + "://carol:p%40ss@10.0.0.5:3307/provider?socket=/run/m.sock");
    ASSERT_TRUE(url.ok()) << url.status().message();
    EXPECT_EQ(url->backend(), db::Backend::kMysql);
    EXPECT_EQ(url->SociBackend(), "mysql");
    const std::string connect = url->SociConnectString();
    for (const char* part : {"db='provider'", "user='carol'", "password='p@ss'", "host='10.0.0.5'", "port='3307'",
                             "unix_socket='/run/m.sock'", "charset=utf8mb4"})
      EXPECT_NE(connect.find(part), std::string::npos) << part << " in " << connect;
    EXPECT_EQ(url->Masked(), "mysql://carol:***@10.0.0.5:3307/provider?socket=/run/m.sock");
  }
  auto utf8 = db::ConnectionUrl::Parse("mysql://u@h/d?charset=latin1");
  ASSERT_TRUE(utf8.ok());
  EXPECT_EQ(utf8->SociConnectString().find("utf8mb4"), std::string::npos);
  auto same_a = db::ConnectionUrl::Parse("mysql://a@h:1/d"), same_b = db::ConnectionUrl::Parse("mariadb://b:x@h:1/d");
  EXPECT_TRUE(db::SameDatabase(*same_a, *same_b));
}

TEST(ConnectionUrl, AnUnknownMysqlParameterIsNamedWithTheKnownOnes) {
  auto url = db::ConnectionUrl::Parse("mysql://u:secret@h/d?sslmode=require");
  ASSERT_FALSE(url.ok());
  EXPECT_NE(url.status().message().find("unknown parameter 'sslmode' for MySQL/MariaDB (known: socket"),
            std::string::npos)
      << url.status().message();
  EXPECT_EQ(url.status().message().find("secret"), std::string::npos);
  auto empty = db::ConnectionUrl::Parse("mariadb://");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("nothing after 'mysql://'"), std::string::npos) << empty.status().message();
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
  for (const Case& c : {Case{"oracle://x@y/z", "unknown backend 'oracle'"},
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

TEST(ConnectionUrl, PasswordsHoldingUrlPunctuationParseAndAreMasked) {
  for (const std::string password : {"a/bSecret", "x?Secret", "p@ss:Secret", "#Secret&x=y"}) {
    auto url = db::ConnectionUrl::Parse("postgresql://alice:" + password + "@db.example:5433/council");
    ASSERT_TRUE(url.ok()) << password << ": " << url.status().message();
    EXPECT_EQ(url->Masked(), "postgresql://alice:***@db.example:5433/council");
    EXPECT_NE(url->SociConnectString().find("dbname='council'"), std::string::npos) << url->SociConnectString();
    EXPECT_NE(url->SociConnectString().find("port='5433'"), std::string::npos);
  }
}

TEST(ConnectionUrl, NoMalformedUrlEchoesItsPassword) {
  for (const std::string url :
       {"postgresql://alice:Secret%zz@h/db", "postgresql://alice:Secret@h:port/db", "postgresql://alice:Secret@h:1/",
        "postgresql://alice:Secret@h/db?Secret2", "postgresql://alice:Secret@h/db?a=1&Secret2",
        "odbc:DSN=x;PWD=a;Secret2", "oracle://alice:Secret@h/db", "postgresql://alice:Secret@[::1/db"}) {
    auto parsed = db::ConnectionUrl::Parse(url);
    ASSERT_FALSE(parsed.ok()) << url;
    EXPECT_EQ(parsed.status().message().find("Secret"), std::string::npos) << url << " -> " << parsed.status().message();
  }
}

TEST(ConnectionUrl, BareSchemeAndIpv6Hosts) {
  auto bare = db::ConnectionUrl::Parse("postgresql://");
  ASSERT_FALSE(bare.ok());
  EXPECT_NE(bare.status().message().find("nothing after 'postgresql://'"), std::string::npos) << bare.status().message();
  auto v6 = db::ConnectionUrl::Parse("postgresql://u@[::1]:5432/db");
  ASSERT_TRUE(v6.ok()) << v6.status().message();
  EXPECT_EQ(v6->server_params().at("host"), "::1");
  EXPECT_EQ(v6->server_params().at("port"), "5432");
  EXPECT_EQ(v6->Masked(), "postgresql://u@[::1]:5432/db");
}

TEST(ConnectionUrl, OdbcPasswordFromAVariableKeepsItsBraces) {
  ::setenv("HANDOVER_TEST_ODBC_PW", "a}b;c", 1);
  auto url = db::ConnectionUrl::Parse("odbc:DSN=x;PWD_ENV=HANDOVER_TEST_ODBC_PW");
  ASSERT_TRUE(url.ok()) << url.status().message();
  EXPECT_NE(url->SociConnectString().find("PWD={a}}b;c};"), std::string::npos);
  EXPECT_EQ(url->Masked().find("a}b"), std::string::npos);
}

TEST(ConnectionUrl, SameDatabaseSeesThroughPathSpellings) {
  auto a = db::ConnectionUrl::Parse("sqlite:/tmp/x/../p.db");
  auto b = db::ConnectionUrl::Parse("sqlite:/tmp/p.db");
  auto c = db::ConnectionUrl::Parse("sqlite:/tmp/q.db");
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_TRUE(db::SameDatabase(*a, *b));
  EXPECT_FALSE(db::SameDatabase(*a, *c));
  auto p1 = db::ConnectionUrl::Parse("postgresql://u@h:5432/db");
  auto p2 = db::ConnectionUrl::Parse("postgresql://other:pw@h:5432/db");
  auto p3 = db::ConnectionUrl::Parse("postgresql://u@h:5432/db2");
  EXPECT_TRUE(db::SameDatabase(*p1, *p2));
  EXPECT_FALSE(db::SameDatabase(*p1, *p3));
}

}  // namespace
}  // namespace handover
