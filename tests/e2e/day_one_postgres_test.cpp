// The day-one pack from a council database on PostgreSQL: the same figures
// as the answer key, read through the native PostgreSQL session (its own
// casts and date texts), by a committed run and by `handover dayone`.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/answer_key.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

using nlohmann::json;

TEST(DayOnePostgres, PackFromAPostgresTargetEqualsTheAnswerKey) {
  testing::TempDir dir;
  testing::GeneratedProvider provider(dir, 31, "", 500);
  const json& key = provider.key()["day_one"];
  ASSERT_GT(key["first_payment_run"]["lines"].size(), 10u);
  ASSERT_GT(key["caseloads"]["by_staff"].size(), 5u);
  testing::ScratchPostgres council;
  const auto run = testing::RunHandover({"run", "--source", provider.url(), "--target", council.url(), "--mappings",
                                         (testing::SourceDir() / "mappings" / "leaving-care").string(), "--param",
                                         "cutover=" + provider.cutover(), "--out", (dir / "run").string()},
                                        dir.path());
  ASSERT_LE(run.exit_code, 1) << run.out << run.err;
  json pack = json::parse(testing::ReadFile(dir / "run" / "dayone.json"));
  pack.erase("format");
  for (const auto& [name, figures] : key.items()) EXPECT_EQ(pack[name], figures) << name;
  EXPECT_EQ(pack.size(), key.size());

  const auto again = testing::RunHandover({"dayone", "--target", council.url(), "--param",
                                           "cutover=" + provider.cutover(), "--out", (dir / "again").string()},
                                          dir.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  json second = json::parse(testing::ReadFile(dir / "again" / "dayone.json"));
  second.erase("format");
  EXPECT_EQ(second, pack);
}

}  // namespace
}  // namespace handover
