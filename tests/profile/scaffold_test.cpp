// The scaffold on a small source made here and a target catalog written by
// hand: names compared word by word, tables linked by name and columns, and
// a mapping set whose only check errors are the decisions left to a person.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "db/introspect.h"
#include "profile/profile_source.h"
#include "profile/scaffold.h"
#include "profile/table_match.h"
#include "tests/support/test_support.h"
#include "transform/check_mappings.h"

namespace handover::profile {
namespace {

TEST(ColumnNameScore, WordsPrefixesSuffixesAndSynonyms) {
  EXPECT_EQ(ColumnNameScore("paid_date", "paid_date"), 3);
  EXPECT_EQ(ColumnNameScore("amount", "amount_pence"), 2);
  EXPECT_EQ(ColumnNameScore("status", "case_status"), 2);
  EXPECT_EQ(ColumnNameScore("pay_type", "payment_type"), 2);
  EXPECT_EQ(ColumnNameScore("dob", "date_of_birth"), 2);
  EXPECT_EQ(ColumnNameScore("contact_id", "contact_date"), 1);
  EXPECT_EQ(ColumnNameScore("start_date", "end_date"), 0);
  EXPECT_EQ(ColumnNameScore("client_ref", "legacy_ref"), 0);
}

core::Column Col(const std::string& name, core::ColumnType type, bool not_null, bool primary_key = false) {
  core::Column c;
  c.name = name;
  c.type = type;
  c.declared_type = core::ColumnTypeName(type);
  c.not_null = not_null;
  c.primary_key = primary_key;
  c.has_default = primary_key;
  return c;
}

class ScaffoldUnit : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::OpenOrFail("sqlite:" + (dir_ / "p.db").string());
    ASSERT_TRUE(db_);
    std::string sql =
        "CREATE TABLE client (client_id INTEGER PRIMARY KEY, client_ref TEXT, forename TEXT, dob TEXT, gender TEXT);\n"
        "CREATE TABLE payment (payment_id INTEGER PRIMARY KEY, client_ref TEXT, amount TEXT, paid_date TEXT, "
        "pay_type TEXT);\nCREATE TABLE notes_archive (id INTEGER, body TEXT);\n";
    for (int i = 1; i <= 40; ++i) {
      const std::string n = std::to_string(i);
      sql += "INSERT INTO client VALUES (" + n + ", 'LC" + n + "', 'Name" + n + "', '" + std::to_string(1960 + i) +
             "-01-10', '" + (i % 2 ? "M" : "f") + "');\n";
      for (int k = 0; k < 2; ++k)  // two payments a client
        sql += "INSERT INTO payment VALUES (" + std::to_string(2 * i + k) + ", 'lc" + n + "', '\xC2\xA3" + n +
               ".50', '2001-03-" + std::to_string(10 + i % 18) + "', '" + (i % 3 ? "WA" : "Rent") + "');\n";
    }
    ASSERT_TRUE(db_->ExecuteScript(sql, "making the test source").ok());
    core::TableSchema person{"person", {Col("person_id", core::ColumnType::kInteger, true, true),
                                        Col("legacy_ref", core::ColumnType::kText, true),
                                        Col("forename", core::ColumnType::kText, true),
                                        Col("date_of_birth", core::ColumnType::kDate, true),
                                        Col("gender", core::ColumnType::kText, false)}};
    core::TableSchema payment{"payment", {Col("payment_id", core::ColumnType::kInteger, true, true),
                                          Col("person_id", core::ColumnType::kInteger, true),
                                          Col("amount_pence", core::ColumnType::kPence, true),
                                          Col("paid_date", core::ColumnType::kDate, true),
                                          Col("payment_type", core::ColumnType::kText, true)}};
    target_.tables = {{"person", person}, {"payment", payment}};
  }
  testing::TempDir dir_;
  std::unique_ptr<db::Database> db_;
  core::Catalog target_;
};

TEST_F(ScaffoldUnit, LinksTablesAndChecksWithOnlyTheDecisionsLeft) {
  auto profile = ProfileSource(*db_);
  ASSERT_TRUE(profile.ok()) << profile.status().message();
  const auto matches = MatchTables(*profile, target_);
  ASSERT_EQ(matches.size(), 2u);
  const auto files = Scaffold(*profile, target_);
  std::vector<transform::MappingSource> sources;
  std::string all;
  for (const ScaffoldFile& f : files) {
    sources.push_back({"maps/" + f.name, f.text});
    all += f.text;
  }
  EXPECT_NE(all.find("mapping person from client c\n"), std::string::npos) << all;
  EXPECT_NE(all.find("  person_id = xref(person, upper(trim(p.client_ref)))\n"), std::string::npos) << all;
  EXPECT_NE(all.find("  paid_date = date(trim(p.paid_date), \"%Y-%m-%d\")\n"), std::string::npos) << all;
  EXPECT_NE(all.find("ignore table notes_archive because \"not matched yet\""), std::string::npos) << all;
  auto source_catalog = db::ReadCatalog(*db_);
  ASSERT_TRUE(source_catalog.ok());
  transform::CheckOptions options;
  options.require_full_scope = true;
  const auto checked = transform::CheckMappingSources(sources, *source_catalog, target_, {}, options);
  std::vector<std::string> messages;
  for (const auto& d : checked.diagnostics) messages.push_back(d.message);
  std::sort(messages.begin(), messages.end());
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "code set 'gender' has no entries",
                          "code set 'payment_type' has no entries",
                          "column 'legacy_ref' of 'person' is NOT NULL and has no default, but is not assigned"}))
      << all;
}

TEST(ScaffoldFolderIsFree, RefusesAFolderHoldingMappingFiles) {
  testing::TempDir dir;
  EXPECT_TRUE(ScaffoldFolderIsFree(dir / "new").ok());
  EXPECT_TRUE(ScaffoldFolderIsFree(dir.path()).ok());
  std::ofstream(dir / "person.map") << "";
  const auto status = ScaffoldFolderIsFree(dir.path());
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("person.map"), std::string::npos);
}

}  // namespace
}  // namespace handover::profile
