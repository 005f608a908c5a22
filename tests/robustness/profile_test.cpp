// `handover profile` given bad or awkward input: no --out, a source that
// cannot be read, an --out that is a file, an empty database, hostile
// values (markup, a megabyte of text, Windows-1252 bytes), and the same
// provider read as a csv: folder. Each asserts the exit code, one clear
// line, and that nothing was half-written.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/robustness/robustness_fixture.h"
#include "tests/support/csv_export.h"

namespace handover {
namespace {

namespace fs = std::filesystem;
using testing::Robustness;

using ProfileRobustness = Robustness;

TEST_F(ProfileRobustness, WithoutOutItSaysSoInOneLine) {
  const auto r = Run({"profile", "--source", SharedProvider()});
  ExpectOneLineError(r, {"--out", "required"});
}

TEST_F(ProfileRobustness, AMissingSourceFileIsOneLineAndWritesNothing) {
  const auto r = Run({"profile", "--source", "sqlite:" + (scratch_ / "nowhere.db").string(), "--out", Out().string()});
  ExpectOneLineError(r, {"nowhere.db"});
  EXPECT_FALSE(fs::exists(Out())) << "no report folder for a source that cannot be read";
}

TEST_F(ProfileRobustness, AFileThatIsNotADatabaseIsOneLine) {
  std::ofstream(scratch_ / "notes.db") << "this is not an SQLite database, just text\n";
  const auto r = Run({"profile", "--source", "sqlite:" + (scratch_ / "notes.db").string(), "--out", Out().string()});
  ExpectErrorLast(r, {"notes.db"});
  EXPECT_FALSE(fs::exists(Out() / "profile.json"));
}

TEST_F(ProfileRobustness, AnUnknownKindOfUrlIsOneLine) {
  const auto r = Run({"profile", "--source", "oracle://db", "--out", Out().string()});
  ExpectOneLineError(r, {"--source"});
}

TEST_F(ProfileRobustness, AnOutThatIsAFileIsOneLine) {
  std::ofstream(scratch_ / "taken") << "x";
  const auto r = Run({"profile", "--source", SharedProvider(), "--out", (scratch_ / "taken").string()});
  ExpectOneLineError(r, {"taken"});
  EXPECT_EQ(testing::ReadFile(scratch_ / "taken"), "x");
}

TEST_F(ProfileRobustness, AnEmptyDatabaseProfilesAsNoTables) {
  const std::string url = "sqlite:" + (scratch_ / "empty.db").string();
  Execute(url, "CREATE TABLE IF NOT EXISTS t (x TEXT)");
  Execute(url, "DROP TABLE t");
  const auto r = Run({"profile", "--source", url, "--out", Out().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(testing::ReadFile(Out() / "profile.json"));
  EXPECT_TRUE(json["tables"].empty());
  EXPECT_TRUE(fs::exists(Out() / "profile.xlsx"));
}

TEST_F(ProfileRobustness, HostileValuesAreEscapedClippedAndRepaired) {
  const std::string url = "sqlite:" + (scratch_ / "hostile.db").string();
  Execute(url, "CREATE TABLE t (code TEXT, blob TEXT)");
  for (int i = 0; i < 30; ++i)
    Execute(url, "INSERT INTO t VALUES ('<script>alert(1)</script>', 'Zo' || char(235) || 'x')");
  Execute(url, "INSERT INTO t VALUES ('=HYPERLINK(\"http://x\")', CAST(X'5A6FEB' AS TEXT))");
  Execute(url, "INSERT INTO t VALUES ('A', replace(hex(zeroblob(500000)), '0', 'y'))");
  const auto r = Run({"profile", "--source", url, "--out", Out().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = testing::ReadFile(Out() / "profile.html");
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  const auto json = nlohmann::json::parse(testing::ReadFile(Out() / "profile.json"));  // valid UTF-8 JSON
  const auto& blob = json["tables"][0]["columns"][1];
  EXPECT_EQ(blob["non_utf8"], 1);
  EXPECT_EQ(blob["max_length"], 1000000);
  EXPECT_LT(fs::file_size(Out() / "profile.json"), 100000u) << "long values are clipped";
}

TEST_F(ProfileRobustness, TheSameProviderAsACsvFolderGivesTheSameDateFormats) {
  testing::ExportAsCsvFolder(*dir_ / "provider.db", scratch_ / "csv");
  const auto sqlite = Run({"profile", "--source", SharedProvider(), "--out", (scratch_ / "a").string(), "--show-personal-data"});
  ASSERT_EQ(sqlite.exit_code, 0) << sqlite.err;
  const auto csv = Run(
      {"profile", "--source", "csv:" + (scratch_ / "csv").string(), "--out", (scratch_ / "b").string(), "--show-personal-data"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  const auto a = nlohmann::json::parse(testing::ReadFile(scratch_ / "a" / "profile.json"));
  const auto b = nlohmann::json::parse(testing::ReadFile(scratch_ / "b" / "profile.json"));
  ASSERT_EQ(a["tables"].size(), b["tables"].size());
  for (size_t t = 0; t < a["tables"].size(); ++t) {
    EXPECT_EQ(a["tables"][t]["rows"], b["tables"][t]["rows"]) << a["tables"][t]["name"];
    for (size_t c = 0; c < a["tables"][t]["columns"].size(); ++c) {
      const auto& x = a["tables"][t]["columns"][c];
      const auto& y = b["tables"][t]["columns"][c];
      EXPECT_EQ(x.value("dates", nlohmann::json()), y.value("dates", nlohmann::json())) << x["name"];
    }
  }
  EXPECT_EQ(a["references"], b["references"]);
}

}  // namespace
}  // namespace handover

namespace handover {
namespace {

using ScaffoldRobustness = testing::Robustness;

TEST_F(ScaffoldRobustness, WithoutTargetItSaysSoInOneLine) {
  const auto r = Run({"scaffold", "--source", SharedProvider(), "--out", Out().string()});
  ExpectOneLineError(r, {"--target", "required"});
}

TEST_F(ScaffoldRobustness, AMissingSourceIsOneLineAndWritesNothing) {
  const std::string council = "sqlite:" + (scratch_ / "council.db").string();
  Execute(council, "CREATE TABLE person (person_id INTEGER PRIMARY KEY, surname TEXT NOT NULL)");
  const auto r = Run({"scaffold", "--source", "sqlite:" + (scratch_ / "nowhere.db").string(), "--target", council,
                      "--out", Out().string()});
  ExpectOneLineError(r, {"nowhere.db"});
  EXPECT_FALSE(std::filesystem::exists(Out()));
}

TEST_F(ScaffoldRobustness, AMissingTargetIsOneLine) {
  const auto r = Run({"scaffold", "--source", SharedProvider(), "--target",
                      "sqlite:" + (scratch_ / "no-council.db").string(), "--out", Out().string()});
  ExpectOneLineError(r, {"no-council.db"});
  EXPECT_FALSE(std::filesystem::exists(scratch_ / "no-council.db")) << "a target is only read, never created";
}

}  // namespace
}  // namespace handover
