// Reading a native SQLite session through TextChunkReader, which takes
// SqliteRowStream there: every kind of cell arrives as SQLite's own text,
// chunk boundaries lose and repeat nothing, and failures name the context.
#include "db/sqlite_row_stream.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>

#include "db/database.h"
#include "db/text_chunk_reader.h"

namespace handover {
namespace {

class SqliteRowStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = std::filesystem::temp_directory_path() /
            ("handover-sqlite-row-stream-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(file_);
    auto url = db::ConnectionUrl::Parse("sqlite:" + file_.string());
    ASSERT_TRUE(url.ok()) << url.status().message();
    auto opened = db::Database::Open(*url, db::OpenMode::kCreateIfMissing);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    db_ = std::move(*opened);
    ASSERT_TRUE(db_->Execute("CREATE TABLE cells (id INTEGER PRIMARY KEY, v)", "creating").ok());
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove(file_);
  }

  // Every row of `sql` (two columns) read in chunks of `chunk` rows.
  std::vector<std::pair<std::string, std::optional<std::string>>> ReadAll(const std::string& sql, size_t chunk) {
    db::TextChunkReader reader(*db_, 2, chunk);
    std::vector<std::pair<std::string, std::optional<std::string>>> rows;
    core::Status status = reader.Start(sql, "reading the cells");
    EXPECT_TRUE(status.ok()) << status.message();
    while (status.ok() && reader.size() > 0) {
      EXPECT_LE(reader.size(), chunk);
      for (size_t r = 0; r < reader.size(); ++r)
        rows.emplace_back(reader.Cell(0, r),
                          reader.IsNull(1, r) ? std::nullopt : std::optional<std::string>(std::move(reader.Cell(1, r))));
      status = reader.Next();
      EXPECT_TRUE(status.ok()) << status.message();
    }
    return rows;
  }

  std::filesystem::path file_;
  std::unique_ptr<db::Database> db_;
};

TEST_F(SqliteRowStreamTest, EveryKindOfCellArrivesAsSqliteText) {
  ASSERT_NE(db::NativeSqliteConnection(*db_), nullptr);
  const std::string long_text(100000, 'x');
  ASSERT_TRUE(db_->Execute("INSERT INTO cells VALUES (1, NULL), (2, ''), (3, x''), (4, -9007199254740993), "
                           "(5, 0.1), (6, 'caf\xc3\xa9 \xe2\x82\xac'), (7, 'a''b'), (8, '" + long_text + "'), "
                           "(9, '  both ends  ')",
                           "inserting")
                  .ok());
  const auto rows = ReadAll("SELECT id, v FROM cells ORDER BY id", 2);
  ASSERT_EQ(rows.size(), 9u);
  for (size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i].first, std::to_string(i + 1));
  EXPECT_FALSE(rows[0].second.has_value());
  EXPECT_EQ(rows[1].second, std::optional<std::string>(""));
  EXPECT_EQ(rows[2].second, std::optional<std::string>(""));  // a zero-length blob is not NULL
  EXPECT_EQ(rows[3].second, std::optional<std::string>("-9007199254740993"));
  EXPECT_EQ(rows[4].second, std::optional<std::string>("0.1"));
  EXPECT_EQ(rows[5].second, std::optional<std::string>("caf\xc3\xa9 \xe2\x82\xac"));
  EXPECT_EQ(rows[6].second, std::optional<std::string>("a'b"));
  ASSERT_TRUE(rows[7].second.has_value());
  EXPECT_EQ(rows[7].second->size(), long_text.size());
  EXPECT_TRUE(*rows[7].second == long_text);
  EXPECT_EQ(rows[8].second, std::optional<std::string>("  both ends  "));
}

TEST_F(SqliteRowStreamTest, ChunkBoundariesNeitherLoseNorRepeatRows) {
  ASSERT_TRUE(db_->Execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                           "INSERT INTO cells SELECT i, 'v' || i FROM n",
                           "inserting")
                  .ok());
  for (size_t chunk : {size_t{1}, size_t{7}, size_t{1000}, size_t{1001}}) {
    SCOPED_TRACE("chunks of " + std::to_string(chunk));
    const auto rows = ReadAll("SELECT id, v FROM cells ORDER BY id", chunk);
    ASSERT_EQ(rows.size(), 1000u);
    for (size_t i = 0; i < rows.size(); ++i) {
      ASSERT_EQ(rows[i].first, std::to_string(i + 1));
      ASSERT_EQ(rows[i].second, std::optional<std::string>("v" + std::to_string(i + 1)));
    }
  }
  EXPECT_TRUE(ReadAll("SELECT id, v FROM cells WHERE id > 5000", 10).empty());
}

TEST_F(SqliteRowStreamTest, FailuresNameTheContextAndTheLibrarysMessage) {
  db::TextChunkReader reader(*db_, 2, 10);
  core::Status status = reader.Start("SELECT id, v FROM no_such_table", "reading the cells");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("reading the cells"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("no such table: no_such_table"), std::string::npos) << status.message();
  EXPECT_EQ(reader.size(), 0u);
  // A query with another number of columns than the reader was made for.
  status = reader.Start("SELECT id FROM cells", "reading one column");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("returns 1 columns, expected 2"), std::string::npos) << status.message();
  // The connection is still usable afterwards.
  ASSERT_TRUE(db_->Execute("INSERT INTO cells VALUES (1, 'after')", "inserting").ok());
  const auto rows = ReadAll("SELECT id, v FROM cells", 10);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].second, std::optional<std::string>("after"));
}

}  // namespace
}  // namespace handover
