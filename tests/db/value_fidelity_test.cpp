// Values read through ODBC arrive exactly as they were written, on every
// ODBC path (the SQLite, PostgreSQL and MariaDB drivers, each with the
// server's own dialect and with the generic one): leading and trailing
// blanks, text of 300 and 70,000 bytes, 4-byte UTF-8, NULL apart from the
// empty string, DECIMAL as its exact text, and QueryText answers longer than
// 64 characters. The rows are written natively, so only the ODBC read is
// under test.
#include <gtest/gtest.h>

#include "db/text_chunk_reader.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

using testing::AccessPath;

// A native URL to write with and the ODBC URL under test, for one path.
struct Paths {
  std::unique_ptr<testing::ScratchServer> server;
  std::string native, odbc;
  bool mariadb = false, sqlite = false;
};

Paths MakePaths(AccessPath path, const testing::TempDir& dir) {
  Paths p;
  const bool generic = path == AccessPath::kSqliteOdbcGeneric || path == AccessPath::kPostgresOdbcGeneric ||
                       path == AccessPath::kMariaDbOdbcGeneric;
  if (path == AccessPath::kSqliteOdbc || path == AccessPath::kSqliteOdbcGeneric) {
    p.sqlite = true;
    p.native = "sqlite:" + (dir / "fidelity.db").string();
    p.odbc = testing::SqliteOdbcUrl(dir / "fidelity.db");
  } else {
    p.mariadb = path == AccessPath::kMariaDbOdbc || path == AccessPath::kMariaDbOdbcGeneric;
    p.server = std::make_unique<testing::ScratchServer>(p.mariadb ? testing::Server::kMariaDb
                                                                  : testing::Server::kPostgres);
    p.native = p.server->url();
    p.odbc = p.server->odbc_url();
  }
  if (generic) p.odbc = testing::GenericOdbcUrl(p.odbc);
  return p;
}

// 70,000 bytes of numbered lines with 2- and 4-byte characters throughout,
// so that some straddle every piece boundary of a chunked read.
std::string LongText() {
  std::string text;
  for (int line = 0; text.size() < 70000; ++line) text += "line " + std::to_string(line) + " caf\xC3\xA9 \xF0\x9F\x98\x80;";
  text.resize(70000);
  while ((static_cast<unsigned char>(text.back()) & 0xC0) == 0x80 || static_cast<unsigned char>(text.back()) >= 0xC0)
    text.back() = '.';  // no cut character at the end
  return text;
}

struct Row {
  int id;
  std::optional<std::string> text;
  std::optional<std::string> amount;
};

std::vector<Row> Rows() {
  std::string three_hundred;
  for (int i = 0; three_hundred.size() < 300; ++i) three_hundred += std::to_string(i % 10);
  return {{1, "  both ends  ", "12345678.90"},
          {2, three_hundred, "0.10"},
          {3, LongText(), "-0.01"},
          {4, "\xF0\x9F\x98\x80 \xF0\x9D\x84\x9E na\xC3\xAFve", std::nullopt},
          {5, std::nullopt, "0.00"},
          {6, "", std::nullopt},
          {7, "trailing   ", "7.50"}};
}

std::string Literal(const std::optional<std::string>& value) {
  return value ? db::Database::QuoteLiteral(*value) : "NULL";
}

// Writes Rows() natively into table fidelity (id, txt, amount).
void WriteRows(const Paths& paths) {
  auto writer = testing::OpenOrFail(paths.native);
  ASSERT_NE(writer, nullptr);
  // MariaDB's TEXT holds 65,535 bytes at most.
  const std::string text_type = paths.mariadb ? "LONGTEXT" : "TEXT";
  ASSERT_TRUE(writer->Execute("CREATE TABLE fidelity (id INTEGER PRIMARY KEY, txt " + text_type +
                                  ", amount DECIMAL(14,2))", "creating").ok());
  for (const Row& row : Rows())
    ASSERT_TRUE(writer->Execute("INSERT INTO fidelity VALUES (" + std::to_string(row.id) + ", " + Literal(row.text) +
                                    ", " + Literal(row.amount) + ")", "inserting").ok());
}

// Rows() written natively, then `db` opened on the ODBC path under test.
class ValueFidelity : public ::testing::TestWithParam<AccessPath> {
 protected:
  void SetUp() override {
    paths = MakePaths(GetParam(), dir_);
    ASSERT_NO_FATAL_FAILURE(WriteRows(paths));
    db = testing::OpenOrFail(paths.odbc, db::OpenMode::kMustExist);
    ASSERT_NE(db, nullptr);
  }
  testing::TempDir dir_;
  Paths paths;
  std::unique_ptr<db::Database> db;
};

TEST_P(ValueFidelity, EveryValueArrivesExactly) {
  const db::Dialect& d = db->dialect();
  const std::string select = "SELECT " + d.ColumnAsText("id") + ", " + d.ColumnAsText("txt") + ", " +
                             d.ColumnAsText("amount") + " FROM fidelity ORDER BY id";
  // Chunks of two rows: the read spans four chunks.
  db::TextChunkReader reader(*db, 3, 2);
  ASSERT_TRUE(reader.Start(select, "reading").ok());
  std::vector<Row> got;
  while (reader.size() > 0) {
    for (size_t r = 0; r < reader.size(); ++r) {
      Row row{std::stoi(reader.Cell(0, r)), std::nullopt, std::nullopt};
      if (!reader.IsNull(1, r)) row.text = reader.Cell(1, r);
      if (!reader.IsNull(2, r)) row.amount = reader.Cell(2, r);
      got.push_back(std::move(row));
    }
    ASSERT_TRUE(reader.Next().ok());
  }
  const std::vector<Row> want = Rows();
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE("row " + std::to_string(want[i].id));
    EXPECT_EQ(got[i].id, want[i].id);
    ASSERT_EQ(got[i].text.has_value(), want[i].text.has_value());
    if (want[i].text) {
      EXPECT_EQ(got[i].text->size(), want[i].text->size());
      EXPECT_TRUE(*got[i].text == *want[i].text) << "first 80 bytes: " << got[i].text->substr(0, 80);
    }
    ASSERT_EQ(got[i].amount.has_value(), want[i].amount.has_value());
    // SQLite keeps a DECIMAL as a REAL: 12345678.90 reads as 12345678.9.
    if (want[i].amount && !paths.sqlite) EXPECT_EQ(*got[i].amount, *want[i].amount);
  }
  if (paths.sqlite) {
    EXPECT_EQ(*got[0].amount, "12345678.9");
    EXPECT_EQ(*got[1].amount, "0.1");
  }
}

TEST_P(ValueFidelity, QueryTextReturnsWholeValues) {
  const std::vector<Row> rows = Rows();
  const auto text_of = [this](const std::string& sql) {
    auto text = db->QueryText(sql, "test query");
    EXPECT_TRUE(text.ok()) << text.status().message();
    return text.ok() ? *text : std::string("(failed)");
  };
  // A 100-character answer (psqlODBC used to cut it at 64).
  const std::string hundred(100, 'h');
  EXPECT_EQ(text_of("SELECT " + db::Database::QuoteLiteral(hundred)), hundred);
  EXPECT_EQ(text_of("SELECT txt FROM fidelity WHERE id = 3"), *rows[2].text);
  EXPECT_EQ(text_of("SELECT txt FROM fidelity WHERE id = 7"), "trailing   ");
  EXPECT_EQ(text_of("SELECT txt FROM fidelity WHERE id = 1"), "  both ends  ");
  // A computed text over 255 bytes (the SQLite driver used to garble it).
  const std::string computed = paths.mariadb ? "CONCAT(txt, '!')" : "txt || '!'";
  EXPECT_EQ(text_of("SELECT " + computed + " FROM fidelity WHERE id = 2"), *rows[1].text + "!");
  db::TextChunkReader reader(*db, 1, 10);
  ASSERT_TRUE(reader.Start("SELECT " + computed + " FROM fidelity WHERE id IN (2, 3) ORDER BY id", "reading").ok());
  ASSERT_EQ(reader.size(), 2u);
  EXPECT_EQ(reader.Cell(0, 0), *rows[1].text + "!");
  EXPECT_EQ(reader.Cell(0, 1).size(), rows[2].text->size() + 1);
  EXPECT_EQ(text_of("SELECT count(*) FROM fidelity WHERE txt = ''"), "1");
  auto count = db->QueryInt("SELECT count(*) FROM fidelity WHERE txt IS NULL", "counting");
  ASSERT_TRUE(count.ok()) << count.status().message();
  EXPECT_EQ(*count, 1);
}

INSTANTIATE_TEST_SUITE_P(OdbcPaths, ValueFidelity,
                         ::testing::Values(AccessPath::kSqliteOdbc, AccessPath::kSqliteOdbcGeneric,
                                           AccessPath::kPostgresOdbc, AccessPath::kPostgresOdbcGeneric,
                                           AccessPath::kMariaDbOdbc, AccessPath::kMariaDbOdbcGeneric),
                         testing::AccessPathName);

}  // namespace
}  // namespace handover
