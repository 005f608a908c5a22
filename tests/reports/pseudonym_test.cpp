// Pseudonyms for personal values: stable under one key, different under
// another, never the value; the key kept owner-only in the report folder or
// taken from HANDOVER_PSEUDONYM_KEY; and which columns count as personal.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <string>

#include "reports/pseudonym.h"
#include "reports/pseudonym_key.h"
#include "reports/reconciliation.h"
#include "tests/support/test_support.h"

namespace handover::reports {
namespace {

const std::string kKey(32, 'k');

TEST(Pseudonym, IsStableForTheSameKeyColumnAndValue) {
  const std::string p = Pseudonym(kKey, "surname", "Okonkwo");
  EXPECT_TRUE(std::regex_match(p, std::regex("pseud:[0-9a-f]{12}"))) << p;
  EXPECT_EQ(Pseudonym(kKey, "surname", "Okonkwo"), p);
  EXPECT_EQ(Pseudonym(std::string(kKey), std::string("surname"), std::string("Okonkwo")), p);
}

TEST(Pseudonym, DiffersForAnotherKeyColumnOrValue) {
  const std::string p = Pseudonym(kKey, "surname", "Okonkwo");
  EXPECT_NE(Pseudonym(std::string(32, 'j'), "surname", "Okonkwo"), p);
  EXPECT_NE(Pseudonym(kKey + "x", "surname", "Okonkwo"), p);
  EXPECT_NE(Pseudonym(kKey, "forename", "Okonkwo"), p);
  EXPECT_NE(Pseudonym(kKey, "surname", "Okonkwa"), p);
  // Parts are length-prefixed: moving a byte from the column into the value
  // is another input.
  EXPECT_NE(Pseudonym(kKey, "ab", "c"), Pseudonym(kKey, "a", "bc"));
  // A thousand names, a thousand pseudonyms.
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(Pseudonym(kKey, "surname", "Name" + std::to_string(i)));
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(Pseudonym, NeverContainsTheValue) {
  // (A value of a few hex digits could turn up in any 12-digit hash by
  // chance; a name or a date cannot.)
  for (const std::string value : {"Smith", "Jo", "O'Brien", "12/13/2001", "2001-02-03", "pseud", "pseud:", ""}) {
    const std::string p = Pseudonym(kKey, "surname", value);
    EXPECT_EQ(p.size(), 18u);
    if (!value.empty()) {
      EXPECT_EQ(p.find(value, 6), std::string::npos) << value << " -> " << p;
    }
  }
  // Nor does a long value leak through in part: the pseudonym is 18
  // characters whatever the value's length.
  EXPECT_EQ(Pseudonym(kKey, "notes", std::string(5000, 'x')).size(), 18u);
}

class PseudonymKey : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* set = std::getenv("HANDOVER_PSEUDONYM_KEY")) saved_ = set;
    ::unsetenv("HANDOVER_PSEUDONYM_KEY");
  }
  void TearDown() override {
    if (saved_) ::setenv("HANDOVER_PSEUDONYM_KEY", saved_->c_str(), 1);
    else ::unsetenv("HANDOVER_PSEUDONYM_KEY");
  }
  std::optional<std::string> saved_;
  testing::TempDir dir_;
};

TEST_F(PseudonymKey, IsMadeOnceOwnerOnlyAndReadAgain) {
  const mode_t umask_before = ::umask(0);
  auto first = LoadPseudonymKey(dir_.path());
  ::umask(umask_before);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->size(), 32u);
  const auto file = dir_ / ".pseudonym-key";
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_TRUE(std::regex_match(testing::ReadFile(file), std::regex("[0-9a-f]{64}\n")));
  auto again = LoadPseudonymKey(dir_.path());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *first);
  // Another folder, another key.
  testing::TempDir other;
  auto elsewhere = LoadPseudonymKey(other.path());
  ASSERT_TRUE(elsewhere.ok());
  EXPECT_NE(*elsewhere, *first);
}

TEST_F(PseudonymKey, TheEnvironmentOverridesTheFile) {
  ::setenv("HANDOVER_PSEUDONYM_KEY", "a council-wide secret of some length", 1);
  auto key = LoadPseudonymKey(dir_.path());
  ASSERT_TRUE(key.ok()) << key.status().message();
  EXPECT_EQ(*key, "a council-wide secret of some length");
  EXPECT_FALSE(std::filesystem::exists(dir_ / ".pseudonym-key"));
  ::setenv("HANDOVER_PSEUDONYM_KEY", "short", 1);
  auto refused = LoadPseudonymKey(dir_.path());
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("HANDOVER_PSEUDONYM_KEY is shorter than 16"), std::string::npos);
}

TEST_F(PseudonymKey, ADamagedKeyFileIsRefusedNotReplaced) {
  const auto file = dir_ / ".pseudonym-key";
  std::ofstream(file) << "not a key\n";
  auto key = LoadPseudonymKey(dir_.path());
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.status().code(), core::ErrorCode::kConfig);
  EXPECT_NE(key.status().message().find(file.string() + " does not hold 64 hex digits"), std::string::npos)
      << key.status().message();
  EXPECT_EQ(testing::ReadFile(file), "not a key\n");
  std::filesystem::remove(file);
  std::filesystem::create_directory(file);
  auto folder = LoadPseudonymKey(dir_.path());
  ASSERT_FALSE(folder.ok());
  EXPECT_NE(folder.status().message().find("is not a file"), std::string::npos) << folder.status().message();
}

TEST_F(PseudonymKey, AKeyFileReadableByOthersIsMadeOwnerOnly) {
  auto made = LoadPseudonymKey(dir_.path());
  ASSERT_TRUE(made.ok());
  const auto file = dir_ / ".pseudonym-key";
  ::chmod(file.c_str(), 0644);
  auto key = LoadPseudonymKey(dir_.path());
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(*key, *made);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST(IsPersonalColumn, CountsNamesDatesContactsAndFreeText) {
  for (const char* column : {"surname", "forename", "FirstName", "dob", "date_of_birth", "address_line1", "postcode",
                             "phone", "email", "ni_number", "nhs_no", "notes", "case_note", "comment",
                             "worker_comments", "free_text", "FreeText", "narrative"})
    EXPECT_TRUE(IsPersonalColumn(column)) << column;
  for (const char* column : {"amount_pence", "pay_type", "client_id", "start_date", "status", "legacy_id"})
    EXPECT_FALSE(IsPersonalColumn(column)) << column;
}

}  // namespace
}  // namespace handover::reports
