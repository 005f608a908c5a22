// A whole profile of a small SQLite database made here: row counts, the
// key of the people table, a reference with its orphans and the rows that
// match only after trimming and upper case, duplicate people.
#include <gtest/gtest.h>

#include "profile/profile_source.h"
#include "tests/support/test_support.h"

namespace handover::profile {
namespace {

class ProfileSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::OpenOrFail("sqlite:" + (dir_ / "p.db").string());
    ASSERT_TRUE(db_);
    // 40 clients (one without a reference, one registered twice), and
    // payments citing them as written, lower-cased and padded, not at all.
    std::string sql =
        "CREATE TABLE client (client_id INTEGER PRIMARY KEY, client_ref TEXT, forename TEXT, surname TEXT, dob TEXT);\n"
        "CREATE TABLE payment (payment_id INTEGER PRIMARY KEY, client_ref TEXT, amount TEXT);\n"
        "INSERT INTO client VALUES (1, 'LC01', 'Ann', 'Thompson', '2001-03-14');\n"
        "INSERT INTO client VALUES (2, 'LC02', 'annie', 'Thommpson', '14/03/2001');\n"
        "INSERT INTO client VALUES (3, NULL, 'Cy', 'Doe', '00/00/0000');\n";
    for (int i = 4; i <= 40; ++i)
      sql += "INSERT INTO client VALUES (" + std::to_string(i) + ", 'LC" + std::to_string(i) + "', 'Bo', 'Adams" +
             std::to_string(i) + "', '" + std::to_string(1960 + i) + "-01-10');\n";
    sql += "INSERT INTO payment VALUES (1, 'LC01', '10.00');\n"
           "INSERT INTO payment VALUES (2, 'lc02 ', '\xC2\xA3" "1,200.00');\n"
           "INSERT INTO payment VALUES (3, 'LC99', '5.5');\n"
           "INSERT INTO payment VALUES (4, NULL, '7.25');\n"
           "INSERT INTO payment VALUES (5, 'LC40', '-7.25');\n";
    ASSERT_TRUE(db_->ExecuteScript(sql, "making the test source").ok());
  }
  testing::TempDir dir_;
  std::unique_ptr<db::Database> db_;
};

TEST_F(ProfileSourceTest, TablesKeysReferencesAndDuplicates) {
  auto p = ProfileSource(*db_);
  ASSERT_TRUE(p.ok()) << p.status().message();
  ASSERT_EQ(p->tables.size(), 2u);
  const TableProfile* client = p->Find("client");
  ASSERT_NE(client, nullptr);
  EXPECT_EQ(client->rows, 40);
  bool ref_is_key = false;
  for (const CandidateKey& k : client->keys)
    if (k.column == "client_ref") ref_is_key = k.values == 39 && k.missing == 1;
  EXPECT_TRUE(ref_is_key);

  const CandidateReference* ref = nullptr;
  for (const CandidateReference& r : p->references)
    if (r.table == "payment" && r.column == "client_ref" && r.key_column == "client_ref") ref = &r;
  ASSERT_NE(ref, nullptr);
  EXPECT_EQ(ref->rows, 5);
  EXPECT_EQ(ref->missing, 1);
  EXPECT_EQ(ref->matched, 2);
  EXPECT_EQ(ref->matched_folded, 1);
  EXPECT_EQ(ref->orphans, 1);

  ASSERT_EQ(p->duplicates.size(), 1u);
  EXPECT_EQ(p->duplicates[0].table, "client");
  EXPECT_EQ(p->duplicates[0].rows_with_dob, 39);
  EXPECT_EQ(p->duplicates[0].groups, 1);
  EXPECT_EQ(p->duplicates[0].duplicate_rows, 1);
}

TEST_F(ProfileSourceTest, AMissingTableIsAnErrorNamingIt) {
  core::TableSchema gone;
  gone.name = "gone";
  gone.columns.push_back({"x"});
  const auto status = ForEachTextRow(*db_, gone, {"x"}, 100, [](const auto&) {});
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("gone"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace handover::profile
