// The profile's renderers on a profile built by hand (no database): the
// JSON's fields and shares, the page's markup closed and escaped, and the
// pseudonyms standing in for every value of a personal column only.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "reports/profile_reports.h"
#include "tests/reports/markup_check.h"

namespace handover::reports {
namespace {

profile::SourceProfile Sample() {
  profile::SourceProfile p;
  p.source = "sqlite:provider.db";
  p.dialect = "sqlite";
  p.profiled_at = "2026-12-02T06:00:00Z";
  profile::TableProfile t;
  t.name = "client";
  t.rows = 4;
  profile::ColumnProfile dob;
  dob.name = "dob";
  dob.personal = true;
  dob.rows = 4;
  dob.looks = profile::Looks::kDate;
  dob.dates = 4;
  dob.date_formats = {{"%Y-%m-%d", 3, "2001-03-14"}, {"%d/%m/%Y", 1, "14/03/2001"}};
  dob.top = {{"2001-03-14", 1}};
  dob.min = "14/03/2001";
  dob.max = "2001-03-14";
  profile::ColumnProfile type;
  type.name = "pay_type";
  type.rows = 4;
  type.looks = profile::Looks::kCode;
  type.top = {{"<b>WA</b>", 3}, {"Rent", 1}};
  type.distinct = 2;
  type.distinct_exact = true;
  profile::ColumnProfile ref;
  ref.name = "worker_no";
  ref.declared_type = "TEXT";
  ref.rows = 4;
  ref.looks = profile::Looks::kIdentifier;
  ref.integer_text = 4;
  ref.leading_zeros = 2;
  t.columns = {dob, type, ref};
  t.keys = {{"client_ref", 3, 1}};
  p.tables = {t};
  p.references = {{"payment", "client_ref", "client", "client_ref", "name", 200, 0, 190, 6, 4}};
  p.duplicates = {{"client", "dob", "forename", "surname", 4, 4, 1, 1}};
  return p;
}

TEST(ProfileJson, FieldsAndShares) {
  const auto j = nlohmann::json::parse(ProfileJson(Sample(), false));
  EXPECT_EQ(j["profile_version"], 1);
  EXPECT_EQ(j["personal_data"], "pseudonymised");
  const auto& dob = j["tables"][0]["columns"][0];
  EXPECT_EQ(dob["looks"], "date");
  EXPECT_EQ(dob["dates"]["formats"][0]["pct"], "75.0");
  EXPECT_EQ(dob["dates"]["formats"][1]["format"], "%d/%m/%Y");
  EXPECT_EQ(j["tables"][0]["candidate_keys"][0]["missing"], 1);
  EXPECT_EQ(j["references"][0]["orphan_pct"], "2.0");
  EXPECT_EQ(j["duplicate_people"][0]["duplicate_pct"], "25.0");
}

TEST(ProfileHtml, ClosedEscapedAndSelfContained) {
  const std::string html = ProfileHtml(Sample(), false);
  EXPECT_EQ(testing::UnmatchedTag(html), "");
  EXPECT_EQ(html.find("<b>WA</b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;WA&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("%d/%m/%Y 25.0%"), std::string::npos);
  // The identifier kept as text, with its leading zeros.
  const size_t numbers = html.find("<h2>Numbers stored as text</h2>");
  ASSERT_NE(numbers, std::string::npos);
  EXPECT_LT(html.find("client.worker_no", numbers), html.find("<h2>Codes</h2>"));
  EXPECT_EQ(html.find("http"), std::string::npos);
  EXPECT_EQ(html.find(kPersonalDataNotice), std::string::npos);
  EXPECT_NE(ProfileHtml(Sample(), true).find(kPersonalDataNotice), std::string::npos);
}

TEST(PseudonymiseProfile, EveryValueOfAPersonalColumnAndNothingElse) {
  const auto p = PseudonymiseProfile(Sample(), "a key of sixteen bytes or more");
  const auto& dob = p.tables[0].columns[0];
  for (const std::string& v : {dob.top[0].value, dob.min, dob.max, dob.date_formats[0].example})
    EXPECT_EQ(v.rfind("pseud:", 0), 0u) << v;
  EXPECT_EQ(dob.date_formats[0].format, "%Y-%m-%d");
  EXPECT_EQ(dob.date_formats[0].count, 3);
  EXPECT_EQ(p.tables[0].columns[1].top[0].value, "<b>WA</b>");
}

}  // namespace
}  // namespace handover::reports
