// A MariaDB provider database read natively (mysql://) and through Debian's
// MariaDB ODBC driver: the server is recognised as MySQL, its catalog read
// from information_schema, identifiers quoted with backticks, and every value
// arrives exactly (DECIMAL as text, dates, NULLs, long 4-byte UTF-8 text).
#include <gtest/gtest.h>

#include <memory>

#include "db/database.h"
#include "db/introspect.h"
#include "extract/row_source.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

using testing::AccessPath;

// 50,000 four-byte emoji and accented letters: 250 KB of UTF-8, longer than
// any buffer a driver sizes by default.
std::string LongUnicodeText() {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += i % 2 ? "\xF0\x9F\x98\x80" : "\xC3\xA9";
  return text;
}

class MariaDbSource : public ::testing::TestWithParam<AccessPath> {
 protected:
  void SetUp() override {
    // Throws (and so fails the test, naming the reason) without a server.
    scratch_ = std::make_unique<testing::ScratchDatabase>(GetParam(), dir_, "unused");
    db_ = testing::OpenOrFail(scratch_->url(), db::OpenMode::kMustExist);
    ASSERT_NE(db_, nullptr);
  }

  void Run(const std::string& sql) {
    const core::Status status = db_->Execute(sql, "setting up");
    ASSERT_TRUE(status.ok()) << status.message();
  }

  testing::TempDir dir_;
  std::unique_ptr<testing::ScratchDatabase> scratch_;
  std::unique_ptr<db::Database> db_;
};

TEST_P(MariaDbSource, IsRecognisedAsMysqlAndDescribesItsSession) {
  EXPECT_EQ(std::string(db_->dialect().name()), "mysql");
  EXPECT_FALSE(db_->dialect().WritesCouncilDatabases());
  const std::string description = db_->SessionDescription();
  EXPECT_NE(description.find("MariaDB"), std::string::npos) << description;
  EXPECT_NE(description.find("time zone +00:00"), std::string::npos) << description;
  EXPECT_NE(description.find("character set utf8mb4"), std::string::npos) << description;
  auto text = db_->QueryText("SELECT 'it''s'", "a literal");
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(*text, "it's");
  auto number = db_->QueryInt("SELECT 40 + 2", "a sum");
  ASSERT_TRUE(number.ok()) << number.status().message();
  EXPECT_EQ(*number, 42);
}

TEST_P(MariaDbSource, ReadsTheCatalogAndEveryValueExactly) {
  Run("CREATE TABLE pay (id INT AUTO_INCREMENT PRIMARY KEY, `order` VARCHAR(40) NOT NULL, "
      "amount DECIMAL(12,2), big DECIMAL(18,2), amount_pence BIGINT, paid_on DATE, made_at DATETIME, "
      "stamped TIMESTAMP NULL DEFAULT NULL, note LONGTEXT) CHARACTER SET utf8mb4");
  std::string values;
  for (int i = 1; i <= 1000; ++i) {
    values += std::string(values.empty() ? "" : ", ") + "('o" + std::to_string(i) + "', 0.10, " +
              (i == 7 ? "NULL" : "1234567890123456.78") + ", " + std::to_string(i) + ", '2024-03-31', " +
              "'2024-03-31 23:30:05', " + (i % 2 ? "'2024-04-01 00:15:00'" : "NULL") + ", NULL)";
  }
  Run("INSERT INTO pay (`order`, amount, big, amount_pence, paid_on, made_at, stamped, note) VALUES " + values);
  Run("UPDATE pay SET note = '" + LongUnicodeText() + "' WHERE id = 3");

  auto catalog = db::ReadCatalog(*db_);
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  const core::TableSchema* table = catalog->Find("pay");
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->columns.size(), 9u);
  EXPECT_EQ(table->columns[0].type, core::ColumnType::kInteger);
  EXPECT_TRUE(table->columns[0].primary_key);
  EXPECT_TRUE(table->columns[0].has_default) << "AUTO_INCREMENT is a generated default";
  EXPECT_TRUE(table->columns[1].not_null);
  EXPECT_FALSE(table->columns[1].has_default);
  EXPECT_EQ(table->columns[2].type, core::ColumnType::kDecimal);
  EXPECT_EQ(table->columns[4].type, core::ColumnType::kPence);
  EXPECT_EQ(table->columns[5].type, core::ColumnType::kDate);
  EXPECT_EQ(table->columns[8].type, core::ColumnType::kText);

  std::vector<std::string> names;
  for (const auto& column : table->columns) names.push_back(column.name);
  auto source = extract::OpenTableSource(*db_, *table, names, 300);
  ASSERT_TRUE(source.ok()) << source.status().message();
  core::RowBatch batch;
  int64_t rows = 0, hundredths = 0, pence = 0, big_nulls = 0, stamped_nulls = 0;
  const std::string long_text = LongUnicodeText();
  while (true) {
    auto more = (*source)->Next(batch);
    ASSERT_TRUE(more.ok()) << more.status().message();
    if (!*more) break;
    for (size_t r = 0; r < batch.size(); ++r) {
      auto row = batch.Row(r);
      ++rows;
      ASSERT_EQ(std::get<std::string>(row[1]), "o" + std::to_string(std::get<int64_t>(row[0])));
      const auto amount = std::get<core::Decimal>(row[2]);
      ASSERT_EQ(amount, (core::Decimal{10, 2})) << "0.10 must not pass through a double";
      hundredths += amount.mantissa;
      if (core::IsNull(row[3])) ++big_nulls;
      else ASSERT_EQ(std::get<core::Decimal>(row[3]), (core::Decimal{123456789012345678, 2}));
      pence += std::get<core::Pence>(row[4]).value;
      ASSERT_EQ(std::get<core::Date>(row[5]).ToIso(), "2024-03-31");
      ASSERT_EQ(std::get<std::string>(row[6]), "2024-03-31 23:30:05");
      if (core::IsNull(row[7])) ++stamped_nulls;
      else ASSERT_EQ(std::get<std::string>(row[7]), "2024-04-01 00:15:00");
      if (std::get<int64_t>(row[0]) == 3) {
        ASSERT_FALSE(core::IsNull(row[8]));
        EXPECT_EQ(std::get<std::string>(row[8]).size(), long_text.size());
        EXPECT_TRUE(std::get<std::string>(row[8]) == long_text) << "the long text arrived changed";
      } else {
        ASSERT_TRUE(core::IsNull(row[8]));
      }
    }
  }
  EXPECT_EQ(rows, 1000);
  EXPECT_EQ(hundredths, 10000) << "1000 x 0.10 is exactly 100.00";
  EXPECT_EQ(pence, 1000 * 1001 / 2);
  EXPECT_EQ(big_nulls, 1);
  EXPECT_EQ(stamped_nulls, 500);
  auto total = db_->QueryText("SELECT SUM(amount) FROM pay", "sum");
  ASSERT_TRUE(total.ok()) << total.status().message();
  EXPECT_EQ(*total, "100.00");
}

INSTANTIATE_TEST_SUITE_P(Paths, MariaDbSource, ::testing::Values(AccessPath::kMariaDb, AccessPath::kMariaDbOdbc),
                         testing::AccessPathName);

}  // namespace
}  // namespace handover
