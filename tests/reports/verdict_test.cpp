// The sign-off verdict: rules read from signoff.json (and refused, naming the
// field, when wrong) and the go / no-go decided from a reconciliation.
#include <gtest/gtest.h>

#include <fstream>

#include "reports/reconciliation.h"
#include "reports/verdict.h"
#include "tests/support/test_support.h"

namespace handover::reports {
namespace {

core::Date Day(int y, unsigned m, unsigned d) { return *core::Date::FromYmd(y, m, d); }

Reconciliation TwoMappings() {
  Reconciliation r;
  MappingFigures person;
  person.mapping = "person";
  person.source_rows = 1000;
  person.ledger.loaded = 970;
  person.ledger.rejected = 30;
  MappingFigures payment;
  payment.mapping = "payment";
  payment.source_rows = 500;
  payment.ledger.loaded = 500;
  payment.differences = {"target payment holds 499 rows, the ledger says 500 were loaded"};
  r.mappings = {person, payment};
  return r;
}

class SignoffFile : public ::testing::Test {
 protected:
  core::Result<VerdictRules> Read(const std::string& text) {
    std::ofstream(dir_ / "signoff.json") << text;
    return ReadVerdictRules(dir_.path());
  }
  testing::TempDir dir_;
};

TEST_F(SignoffFile, NoFileMeansEveryDifferenceCounts) {
  auto rules = ReadVerdictRules(dir_.path());
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const Verdict v = DecideVerdict(TwoMappings(), *rules, Day(2026, 12, 1));
  EXPECT_FALSE(v.go);
  ASSERT_EQ(v.reasons.size(), 1u);
  EXPECT_EQ(v.reasons[0], "payment: target payment holds 499 rows, the ledger says 500 were loaded");
}

TEST_F(SignoffFile, RejectLimitsAndAcceptedDifferencesDecide) {
  auto rules = Read(R"({"max_rejected": {"person": 25}, "max_rejected_percent": {"person": 2.5},
    "accepted_differences": [{"mapping": "payment", "contains": "holds 499 rows",
      "justification": "one test payment removed by the council, ticket 42", "expires": "2026-12-31"}]})");
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  Verdict v = DecideVerdict(TwoMappings(), *rules, Day(2026, 12, 1));
  EXPECT_FALSE(v.go);
  ASSERT_EQ(v.reasons.size(), 2u);
  EXPECT_EQ(v.reasons[0], "person: 30 records rejected, more than the 25 signoff.json allows");
  EXPECT_EQ(v.reasons[1], "person: 30 of 1000 records rejected (3.0%), more than the 2.5% signoff.json allows");
  ASSERT_EQ(v.accepted.size(), 1u);
  EXPECT_NE(v.accepted[0].find("accepted until 2026-12-31: one test payment removed"), std::string::npos);

  // Within its limits, and before the acceptance expires: go.
  Reconciliation fewer = TwoMappings();
  fewer.mappings[0].ledger.rejected = 20;
  EXPECT_TRUE(DecideVerdict(fewer, *rules, Day(2026, 12, 31)).go);
  // The day after it expires the difference counts again, and says so.
  v = DecideVerdict(fewer, *rules, Day(2027, 1, 1));
  EXPECT_FALSE(v.go);
  ASSERT_EQ(v.reasons.size(), 1u);
  EXPECT_NE(v.reasons[0].find("(its acceptance expired on 2026-12-31)"), std::string::npos) << v.reasons[0];
}

TEST_F(SignoffFile, AWrongFileIsOneLineNamingTheField) {
  const auto error = [&](const std::string& text) {
    auto rules = Read(text);
    EXPECT_FALSE(rules.ok());
    return rules.ok() ? std::string() : rules.status().message();
  };
  EXPECT_NE(error("{not json").find("signoff.json: is not a JSON object"), std::string::npos);
  EXPECT_NE(error(R"({"max_rejects": {}})").find("unknown field 'max_rejects'"), std::string::npos);
  EXPECT_NE(error(R"({"max_rejected": {"person": -1}})").find("'max_rejected.person' must be a whole number"),
            std::string::npos);
  EXPECT_NE(error(R"({"max_rejected_percent": {"person": 150}})").find("'max_rejected_percent.person' must be a percentage"),
            std::string::npos);
  EXPECT_NE(error(R"({"accepted_differences": [{"mapping": "p", "contains": "x", "justification": "j",
                      "expires": "31/12/2026"}]})")
                .find("'accepted_differences[0].expires' must be a date, YYYY-MM-DD"),
            std::string::npos);
  EXPECT_NE(error(R"({"accepted_differences": [{"mapping": "p", "contains": "x", "expires": "2026-12-31"}]})")
                .find("'accepted_differences[0].justification' must be given as text"),
            std::string::npos);
  const std::string message = error(R"({"max_rejects": {}})");
  EXPECT_EQ(message.find('\n'), std::string::npos);
  EXPECT_NE(message.find("see docs/signoff.md"), std::string::npos);
}

}  // namespace
}  // namespace handover::reports
