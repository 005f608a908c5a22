// The output depends on the seed and nothing else: not on the batch size,
// not on the target; and the seed really matters.
#include <gtest/gtest.h>

#include "generator/generator.h"
#include "tests/generator/generator_fixture.h"

namespace handover::generator::testing {
namespace {

// Generates `people` into a fresh SQLite file in `dir`; returns the key.
nlohmann::json Generate(const std::filesystem::path& dir, uint64_t seed, size_t batch_rows,
                        std::unique_ptr<db::Database>& db) {
  db = OpenOrDie("sqlite:" + (dir / "p.db").string(), db::OpenMode::kCreateIfMissing);
  EXPECT_NE(db, nullptr);
  if (!db) return {};
  GeneratorOptions options;
  options.people = 300;
  options.seed = seed;
  options.cutover = *core::Date::ParseIso("2020-01-01");
  options.answer_key_path = dir / "key.json";
  options.batch_rows = batch_rows;
  const core::Status status = GenerateProvider(options, *db);
  EXPECT_TRUE(status.ok()) << status.message();
  return ReadJson(options.answer_key_path);
}

// Every table's rows, in id order, as one string.
std::string Content(db::Database& db) {
  std::string all;
  for (const char* sql :
       {"SELECT client_ref || '|' || forename || '|' || surname || '|' || dob FROM client ORDER BY "
        "client_id",
        "SELECT coalesce(client_ref, '-') || '|' || pay_type || '|' || amount || '|' || paid_date "
        "FROM payment ORDER BY payment_id",
        "SELECT client_ref || '|' || in_touch || '|' || notes FROM contact_log ORDER BY contact_id",
        "SELECT client_ref || '|' || amount || '|' || paid_to FROM pay_schedule ORDER BY "
        "schedule_id"}) {
    auto rows = db.QueryRows(sql, 1, sql);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    if (!rows.ok()) continue;
    EXPECT_GT(rows->size(), 100u) << sql;
    for (const auto& row : *rows) all += row[0] + "\n";
  }
  return all;
}

TEST(Determinism, BatchSizeChangesNothing) {
  handover::testing::TempDir a, b;
  std::unique_ptr<db::Database> da, db;
  const auto key_a = Generate(a.path(), 21, 7, da);
  const auto key_b = Generate(b.path(), 21, 5000, db);
  ASSERT_TRUE(da && db);
  EXPECT_EQ(key_a, key_b);
  EXPECT_EQ(Content(*da), Content(*db));
}

TEST(Determinism, TheSeedChangesEverything) {
  handover::testing::TempDir a, b;
  std::unique_ptr<db::Database> da, db;
  const auto key_a = Generate(a.path(), 21, 5000, da);
  const auto key_b = Generate(b.path(), 22, 5000, db);
  ASSERT_TRUE(da && db);
  EXPECT_NE(key_a["money"], key_b["money"]);
  EXPECT_NE(Content(*da), Content(*db));
}

TEST(Determinism, RefusesABadRequestBeforeWritingAnything) {
  handover::testing::TempDir dir;
  auto db = OpenOrDie("sqlite:" + (dir / "p.db").string(), db::OpenMode::kCreateIfMissing);
  ASSERT_NE(db, nullptr);
  GeneratorOptions options;
  options.people = 0;
  options.cutover = *core::Date::ParseIso("2018-10-01");
  options.answer_key_path = dir / "key.json";
  core::Status status = GenerateProvider(options, *db);
  EXPECT_EQ(status.code(), core::ErrorCode::kUsage);
  EXPECT_NE(status.message().find("--people"), std::string::npos) << status.message();
  options.people = 10;
  options.cutover = *core::Date::ParseIso("2070-01-01");
  status = GenerateProvider(options, *db);
  EXPECT_EQ(status.code(), core::ErrorCode::kUsage);
  EXPECT_NE(status.message().find("--cutover"), std::string::npos) << status.message();
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM sqlite_master", "tables"), 0);
  EXPECT_FALSE(std::filesystem::exists(dir / "key.json"));
}

}  // namespace
}  // namespace handover::generator::testing
