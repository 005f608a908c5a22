// `handover profile` at the servers a provider's database may live on: the
// shared provider generated into PostgreSQL and MariaDB (natively and
// through ODBC) profiles to the same rows, date formats, money text and
// references as the SQLite file (Windows-1252 bytes aside: those servers
// store them as UTF-8, so the non-UTF-8 counts differ, as documented).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/robustness/robustness_fixture.h"

namespace handover {
namespace {

using ProfileServers = testing::Robustness;
using json = nlohmann::json;

// The figures that must not depend on where the provider's data is.
json Comparable(const json& profile) {
  json out = json::object();
  for (const json& t : profile["tables"]) {
    json columns = json::object();
    for (const json& c : t["columns"])
      columns[c["name"].get<std::string>()] = {{"nulls", c["nulls"]}, {"blanks", c["blanks"]},
                                               {"dates", c.value("dates", json())}, {"money", c.value("money", json())}};
    out[t["name"].get<std::string>()] = {{"rows", t["rows"]}, {"columns", columns}};
  }
  out["references"] = profile["references"];
  out["duplicates"] = profile["duplicate_people"];
  return out;
}

TEST_F(ProfileServers, PostgresAndMariaDbProfileAsTheSqliteFileDoes) {
  const auto baseline = Run({"profile", "--source", SharedProvider(), "--out", (scratch_ / "sqlite").string(),
                             "--show-personal-data"});
  ASSERT_EQ(baseline.exit_code, 0) << baseline.err;
  const json want = Comparable(json::parse(testing::ReadFile(scratch_ / "sqlite" / "profile.json")));
  testing::ScratchPostgres pg;
  testing::ScratchMariaDb maria;
  int n = 0;
  for (const auto& [server, urls] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {pg.url(), {pg.url(), pg.odbc_url()}}, {maria.url(), {maria.url(), maria.odbc_url()}}}) {
    const auto generated = Run({"generate", "--people", "300", "--seed", "1", "--target", server, "--answer-key",
                                (scratch_ / ("key" + std::to_string(n) + ".json")).string()});
    ASSERT_EQ(generated.exit_code, 0) << generated.err;
    for (const std::string& url : urls) {
      SCOPED_TRACE(url);
      const std::string out = (scratch_ / ("p" + std::to_string(++n))).string();
      const auto r = Run({"profile", "--source", url, "--out", out, "--show-personal-data"});
      ASSERT_EQ(r.exit_code, 0) << r.err;
      const json got = Comparable(json::parse(testing::ReadFile(std::filesystem::path(out) / "profile.json")));
      EXPECT_EQ(got, want) << got.dump().substr(0, 2000);
    }
  }
}

}  // namespace
}  // namespace handover
