#include "tests/generator/council_schema_checks.h"

#include <gtest/gtest.h>

#include "generator/codes.h"
#include "tests/generator/generator_fixture.h"
#include "tests/support/test_support.h"

namespace handover::generator::testing {
namespace {

void Accepts(db::Database& db, const std::string& sql) {
  const core::Status status = db.Execute(sql, "statement");
  EXPECT_TRUE(status.ok()) << sql << "\n" << status.message();
}

void Rejects(db::Database& db, const std::string& sql, const char* why) {
  const core::Status status = db.Execute(sql, "statement");
  EXPECT_FALSE(status.ok()) << why << ": accepted " << sql;
}

int64_t CountOf(db::Database& db, const std::string& sql) {
  auto n = db.QueryInt(sql, sql);
  EXPECT_TRUE(n.ok()) << n.status().message();
  return n.ok() ? *n : -1;
}

}  // namespace

std::string CouncilSchemaSql() {
  return ReadFile(handover::testing::SourceDir() / "mappings/leaving-care/council/schema.sql");
}

void CheckCouncilSchema(db::Database& db) {
  const std::string schema = CouncilSchemaSql();
  ASSERT_GT(schema.size(), 1000u);
  const core::Status loaded = db.ExecuteScript(schema, "council schema");
  ASSERT_TRUE(loaded.ok()) << loaded.message();

  // The code sets are data, and they are the ones the generator maps to.
  EXPECT_EQ(CountOf(db, "SELECT count(*) FROM code_in_touch"),
            static_cast<int64_t>(InTouchCodes().size()));
  EXPECT_EQ(CountOf(db, "SELECT count(*) FROM code_activity"),
            static_cast<int64_t>(ActivityCodes().size()));
  EXPECT_EQ(CountOf(db, "SELECT count(*) FROM code_payment_type"), kPayTypeCount);
  for (int t = 0; t < kPayTypeCount; ++t)
    EXPECT_EQ(CountOf(db, "SELECT count(*) FROM code_payment_type WHERE code = '" +
                              PayTypeCode(static_cast<PayType>(t)) + "'"),
              1);
  // 16 types x 2 suitabilities, less S1 and X1, plus 0 (no information).
  EXPECT_EQ(CountOf(db, "SELECT count(*) FROM code_accommodation"), 16 * 2 - 2 + 1);
  EXPECT_EQ(CountOf(db, "SELECT count(*) FROM code_activity WHERE in_eet = 1"), 6);

  // A valid history loads.
  Accepts(db,
          "INSERT INTO person (person_id, forename, surname, date_of_birth, gender, case_status, "
          "referral_date, legacy_ref) VALUES (1, 'Amelia', 'Khan', '2000-03-14', 'F', 'OPEN', "
          "'2016-04-01', 'LC0000001')");
  Accepts(db, "INSERT INTO person_legacy_ref VALUES ('provider', 'LC0000001', 1, 1)");
  Accepts(db, "INSERT INTO person_legacy_ref VALUES ('provider', 'LC0002001', 1, 0)");
  Accepts(db, "INSERT INTO staff (staff_id, full_name, active) VALUES (1, 'Jack Smith', 1)");
  Accepts(db, "INSERT INTO allocation VALUES (1, 1, 1, '2016-04-01', NULL)");
  Accepts(db,
          "INSERT INTO contact VALUES (1, 1, '2018-09-20', 'Phone', 'YES', 'Jack Smith', 'ok')");
  Accepts(db, "INSERT INTO accommodation_episode VALUES (1, 1, 'U1', '2017-01-01', NULL)");
  Accepts(db, "INSERT INTO accommodation_episode VALUES (2, 1, 'S2', '2016-04-01', '2016-12-31')");
  Accepts(db, "INSERT INTO activity_episode VALUES (1, 1, 'F2', '2017-09-01', NULL)");
  Accepts(db, "INSERT INTO pathway_plan VALUES (1, 1, '2016-05-01', '2016-11-01', 'CURRENT')");
  Accepts(db, "INSERT INTO pathway_review VALUES (1, 1, '2016-11-01', 'Jack Smith', 'No change')");
  Accepts(db,
          "INSERT INTO payment_arrangement VALUES (1, 1, 'RENT', 38000, 'FOUR_WEEKLY', "
          "'2018-10-01', NULL, 17)");
  Accepts(db,
          "INSERT INTO payment (payment_id, person_id, payment_type, amount_pence, paid_date, "
          "legacy_payment_id) VALUES (1, 1, 'RENT', 38000, '2018-09-03', 5)");
  Accepts(db,
          "INSERT INTO payment (payment_id, person_id, payment_type, amount_pence, paid_date) "
          "VALUES (2, 1, 'RENT', -2500, '2018-09-10')");
  Accepts(db, "INSERT INTO opening_balance VALUES (1, 1, 'SETTING_UP_HOME', 80000, '2018-09-30')");

  // And what the council's system would refuse, it refuses.
  Rejects(db,
          "INSERT INTO payment_arrangement VALUES (2, 1, 'RENT', -100, 'WEEKLY', '2018-10-01', "
          "NULL, NULL)",
          "negative amount on an arrangement");
  Rejects(db,
          "INSERT INTO payment_arrangement VALUES (3, 1, 'RENT', 0, 'WEEKLY', '2018-10-01', NULL, "
          "NULL)",
          "zero amount on an arrangement");
  Rejects(db,
          "INSERT INTO payment_arrangement VALUES (4, 1, 'RENT', 100, 'WEEKLY', '2018-10-01', "
          "'2018-09-01', NULL)",
          "arrangement ending before it starts");
  Rejects(db,
          "INSERT INTO payment_arrangement VALUES (5, 1, 'POCKET_MONEY', 100, 'WEEKLY', "
          "'2018-10-01', NULL, NULL)",
          "unknown payment type");
  Rejects(db, "INSERT INTO accommodation_episode VALUES (3, 1, 'Q1', '2018-01-01', NULL)",
          "unknown ACCOM code");
  Rejects(db, "INSERT INTO accommodation_episode VALUES (4, 1, 'S1', '2018-01-01', NULL)",
          "no fixed abode marked suitable");
  Rejects(db, "INSERT INTO accommodation_episode VALUES (5, 1, 'X1', '2018-01-01', NULL)",
          "custody marked suitable");
  Rejects(db, "INSERT INTO code_accommodation VALUES ('S1', 'S', 1, 'sneaked in')",
          "a code table row breaking the S/X rule");
  Rejects(db,
          "INSERT INTO payment (payment_id, person_id, payment_type, amount_pence, paid_date) "
          "VALUES (3, 999, 'RENT', 100, '2018-09-10')",
          "payment for a missing person");
  Rejects(db,
          "INSERT INTO payment (payment_id, person_id, payment_type, amount_pence, paid_date) "
          "VALUES (4, 1, 'RENT', 0, '2018-09-10')",
          "zero payment");
  Rejects(
      db,
      "INSERT INTO person (person_id, forename, surname, date_of_birth, case_status, legacy_ref) "
      "VALUES (2, 'No', 'Birthday', NULL, 'OPEN', 'LC0000002')",
      "NULL date of birth");
  Rejects(
      db,
      "INSERT INTO person (person_id, forename, surname, date_of_birth, case_status, legacy_ref) "
      "VALUES (3, 'Dup', 'Ref', '2001-01-01', 'OPEN', 'LC0000001')",
      "a legacy reference used twice");
  Rejects(db, "INSERT INTO contact VALUES (2, 1, '2018-09-21', 'Phone', 'MAYBE', NULL, NULL)",
          "unknown IN_TOUCH code");
  Rejects(db, "INSERT INTO activity_episode VALUES (2, 1, 'Z9', '2018-01-01', NULL)",
          "unknown ACTIV code");
  Rejects(db, "INSERT INTO opening_balance VALUES (2, 1, 'SAVINGS_HELD', -5, '2018-09-30')",
          "negative opening balance");
  Rejects(db, "INSERT INTO opening_balance VALUES (3, 1, 'SETTING_UP_HOME', 5, '2018-09-30')",
          "two balances of one type");
  Rejects(db, "INSERT INTO pathway_review VALUES (2, 77, '2017-01-01', NULL, NULL)",
          "review of a missing plan");
  Rejects(db, "INSERT INTO allocation VALUES (2, 1, 42, '2016-04-01', NULL)",
          "allocation to missing staff");
  EXPECT_EQ(CountOf(db, "SELECT count(*) FROM payment"), 2);
}

}  // namespace handover::generator::testing
