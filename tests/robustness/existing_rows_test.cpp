// Robustness cases: a target whose council tables hold rows no handover run
// wrote (the council's own, or another tool's): refused unless the user says
// to keep them, kept untouched and counted apart when they do, and refused
// again when such rows appear between runs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/robustness/robustness_fixture.h"

namespace handover {
namespace {

using testing::Robustness;

// One person the council recorded itself, with id 5000.
constexpr const char* kCouncilsOwnPerson =
    "INSERT INTO person (person_id, forename, surname, date_of_birth, gender, case_status, legacy_ref) VALUES "
    "(5000, 'Council', 'Own', '2000-01-01', 'U', 'OPEN', 'COUNCIL-1')";

TEST_F(Robustness, RowsNoRunWroteAreRefusedUnlessKept) {
  const std::string schema = testing::ReadFile(ShippedMappings() / "council" / "schema.sql");
  {
    auto db = testing::OpenOrFail(Target());
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(db->ExecuteScriptAtomically(schema, "schema").ok());
  }
  Execute(Target(), kCouncilsOwnPerson);
  for (const std::string verb : {"rehearse", "run"}) {
    const auto refused = Rehearse(SharedProvider(), Target(), ShippedMappings(), {}, verb);
    ExpectOneLineError(refused, {"target table person already holds 1 rows, 1 of them written by no handover run",
                                 "or pass --existing-rows keep"});
  }
  auto db = testing::OpenOrFail(Target(), db::OpenMode::kMustExist);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM person"), 1);

  const auto kept = Rehearse(SharedProvider(), Target(), ShippedMappings(), {"--existing-rows", "keep"}, "run");
  EXPECT_EQ(kept.exit_code, 0) << kept.out << kept.err;
  EXPECT_NE(kept.out.find("keeping the 1 rows person already holds"), std::string::npos) << kept.out;
  EXPECT_NE(kept.out.find("BALANCED"), std::string::npos) << kept.out;
  const int64_t people = (*key_)["people"]["after_deduplication"].get<int64_t>();
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM person"), people + 1);
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM person WHERE person_id = 5000 AND surname = 'Own'"), 1)
      << "the council's own row must be left as it was";
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT min(person_id) FROM person WHERE legacy_ref <> 'COUNCIL-1'"), 5001)
      << "council ids go above the ids the table already held";
  const auto report = nlohmann::json::parse(testing::ReadFile(Out() / "reconciliation.json"));
  EXPECT_EQ(report["mappings"][0]["targets"][0]["rows_there_before"], 1);
  EXPECT_EQ(report["mappings"][0]["loaded"], people);
}

TEST_F(Robustness, RowsAddedBetweenRunsAreRefused) {
  const std::string source = CopyOfProvider();
  ASSERT_EQ(RunCommitted(source, Target(), ShippedMappings()).exit_code, 0);
  Execute(Target(), kCouncilsOwnPerson);
  Execute(source, "UPDATE payment SET amount = '1.23' WHERE payment_id = 1");
  auto db = testing::OpenOrFail(Target(), db::OpenMode::kMustExist);
  ASSERT_NE(db, nullptr);
  const int64_t runs = testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_run");
  const auto refused = Rehearse(source, Target(), ShippedMappings(), {"--delta"}, "run");
  ExpectErrorLast(refused, {"1 of them beyond the ", " that run 1 wrote written by no handover run"});
  const auto still = Rehearse(source, Target(), ShippedMappings(), {"--delta", "--existing-rows", "keep"}, "run");
  ExpectErrorLast(still, {"target table person holds 1 rows written since run 1 by something other than handover",
                             "remove them from person and run again"});
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_run"), runs) << "nothing may be recorded";
}

}  // namespace
}  // namespace handover
