// ReferenceCheck on an SQLite target: parent keys the target holds, keys a
// batch notes (kept on commit, gone on rollback, undone for one record), and
// what a broken reference says.
#include "load/reference_check.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace handover::load {
namespace {

using core::Value;

class ReferenceCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    target_ = testing::OpenOrFail("sqlite:" + (dir_ / "target.db").string(), db::OpenMode::kCreateIfMissing);
    ASSERT_NE(target_, nullptr);
    ASSERT_TRUE(target_
                    ->ExecuteScript("CREATE TABLE person (person_id INTEGER PRIMARY KEY, name TEXT);\n"
                                    "CREATE TABLE code (code TEXT PRIMARY KEY);\n"
                                    "INSERT INTO person VALUES (1, 'a'), (2, 'b');\n"
                                    "INSERT INTO code VALUES ('RENT');\n",
                                    "test setup")
                    .ok());
    auto check = ReferenceCheck::Read(
        *target_, {{"payment_person_fkey", "payment", "person_id", "person", "person_id", ""},
                   {"payment_type_fkey", "payment", "payment_type", "code", "code", ""}});
    ASSERT_TRUE(check.ok()) << check.status().message();
    check_ = std::make_unique<ReferenceCheck>(std::move(*check));
    person_ = check_->Bind("person", {"person_id", "name"});
    payment_ = check_->Bind("payment", {"payment_id", "person_id", "payment_type"});
  }

  // The constraint a payment row breaks, or "" when it breaks none.
  std::string Broken(int64_t person, const std::string& type) {
    const std::vector<Value> row{int64_t{10}, person, type};
    auto broken = check_->Check(payment_, row);
    return broken ? broken->reason : "";
  }
  void NotePerson(int64_t id) {
    const std::vector<Value> row{id, std::string("n")};
    ASSERT_FALSE(check_->Check(person_, row));
    check_->Note(person_, row);
  }

  testing::TempDir dir_;
  std::unique_ptr<db::Database> target_;
  std::unique_ptr<ReferenceCheck> check_;
  int person_ = -1, payment_ = -1;
};

TEST_F(ReferenceCheckTest, KnowsTheParentKeysTheTargetHolds) {
  EXPECT_GE(person_, 0);
  EXPECT_GE(payment_, 0);
  EXPECT_EQ(check_->Bind("contact", {"contact_id", "person_id"}), -1) << "no key of contact is checked";
  EXPECT_EQ(Broken(1, "RENT"), "");
  EXPECT_EQ(Broken(2, "RENT"), "");
  const std::vector<Value> no_person{int64_t{10}, core::Null{}, std::string("RENT")};
  EXPECT_FALSE(check_->Check(payment_, no_person)) << "NULL references nothing, and holds";
  const std::vector<Value> row{int64_t{10}, int64_t{3}, std::string("RENT")};
  auto broken = check_->Check(payment_, row);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->column, "payment.person_id");
  EXPECT_EQ(broken->value, "3");
  EXPECT_NE(broken->reason.find("payment_person_fkey"), std::string::npos) << broken->reason;
  EXPECT_NE(broken->reason.find("person.person_id"), std::string::npos) << broken->reason;
  EXPECT_NE(Broken(1, "FOOD").find("payment_type_fkey"), std::string::npos);
}

TEST_F(ReferenceCheckTest, KeysABatchWritesHoldUntilItRollsBackAndStayOnceCommitted) {
  EXPECT_NE(Broken(3, "RENT"), "");
  NotePerson(3);
  EXPECT_EQ(Broken(3, "RENT"), "") << "a person earlier in the batch";
  check_->Discard();
  EXPECT_NE(Broken(3, "RENT"), "") << "the batch rolled back";
  NotePerson(3);
  check_->Committed();
  check_->Discard();
  EXPECT_EQ(Broken(3, "RENT"), "") << "committed before the next batch rolled back";
}

TEST_F(ReferenceCheckTest, UndoingARecordForgetsOnlyTheKeysItAdded) {
  const size_t mark = check_->Mark();
  NotePerson(4);
  NotePerson(1);  // the target held it already
  check_->UndoTo(mark);
  EXPECT_NE(Broken(4, "RENT"), "");
  EXPECT_EQ(Broken(1, "RENT"), "");
}

}  // namespace
}  // namespace handover::load
