// Robustness of the independent checks and of reconciling again: a broken
// reconcile.json or measure file stops the run before anything moves, with
// one line (or one diagnostic per problem) naming the file; money measured
// for an undeclared mapping is refused rather than left unchecked; and
// `reconcile --run` refuses what it cannot prove.
#include <fstream>

#include "tests/robustness/robustness_fixture.h"

namespace handover::testing {
namespace {

TEST_F(Robustness, AnUnknownFieldInReconcileJsonIsNamedBeforeAnythingMoves) {
  const fs::path maps = CopyOfMappings();
  std::ofstream(maps / "reconcile.json") << R"({"money": [{"mapping": "payment", "person": "person_id",
      "date": "paid_date", "type": "payment_type", "currency": "GBP"}]})";
  const auto r = Rehearse(Provider(), Target(), maps);
  ExpectErrorLast(r, {"reconcile.json: unknown field 'money[0].currency'", "see docs/reconciliation.md"});
  ExpectNoTarget();
}

TEST_F(Robustness, ReconcileJsonNamingAColumnTheMappingDoesNotAssignIsRefused) {
  const fs::path maps = CopyOfMappings();
  std::ofstream(maps / "reconcile.json") << R"({"money": [{"mapping": "payment", "person": "person_id",
      "date": "paid_on", "type": "payment_type"}]})";
  ExpectErrorLast(Rehearse(Provider(), Target(), maps),
                  {"reconcile.json: 'money[0].date': mapping payment assigns no column paid_on of payment"});
  std::ofstream(maps / "reconcile.json") << R"({"money": [{"mapping": "contact", "person": "person_id",
      "date": "contact_date", "type": "in_touch_code"}]})";
  ExpectErrorLast(Rehearse(Provider(), Target(), maps),
                  {"reconcile.json: 'money[0]': mapping contact writes no money (no pence column)"});
  ExpectNoTarget();
}

TEST_F(Robustness, AMeasureThatDoesNotCheckIsReportedLikeAMappingAndNothingMoves) {
  const fs::path maps = CopyOfMappings();
  std::string text = ReadFile(maps / "money.measure");
  const std::string line = "  amount_pence = money(p.amount)";
  ASSERT_NE(text.find(line), std::string::npos);
  text.replace(text.find(line), line.size(), "  amount_pence = money(p.amout)");
  std::ofstream(maps / "money.measure") << text;
  const auto r = Rehearse(Provider(), Target(), maps);
  ExpectErrorLast(r, {"the measures in", "do not check (1 error above); nothing was loaded"});
  EXPECT_NE(r.err.find("money.measure:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("amout"), std::string::npos) << r.err;
  ExpectNoTarget();
  // `check` finds it too, before anyone rehearses.
  const auto checked = Check(Provider(), Target(), maps);
  ExpectErrorLast(checked, {"the measures in", "do not check (1 error above)"});
  EXPECT_NE(checked.err.find("money.measure:"), std::string::npos) << checked.err;
}

TEST_F(Robustness, MoneyMeasuredForAnUndeclaredMappingIsRefusedNotLeftUnchecked) {
  const fs::path maps = CopyOfMappings();
  std::ofstream(maps / "reconcile.json") << R"({"money": [{"mapping": "payment", "person": "person_id",
      "date": "paid_date", "type": "payment_type"}]})";
  const auto r = Rehearse(Provider(), Target(), maps);
  ExpectErrorLast(r, {"the money measures name mappings reconcile.json does not declare (opening_balance, "
                      "payment_arrangement)"});
  ExpectNoTarget();
}

TEST_F(Robustness, ReconcileRefusesWhatItCannotProve) {
  const std::string source = CopyOfProvider();
  const auto reconcile = [&](const std::string& run, const fs::path& maps) {
    return Run({"reconcile", "--source", source, "--target", Target(), "--mappings", maps.string(), "--run", run,
                "--out", (scratch_ / "again").string()});
  };
  ExpectErrorLast(reconcile("1", ShippedMappings()), {"the target sqlite:", "does not exist"});
  ExpectNoTarget();
  ASSERT_EQ(RunCommitted(source, Target(), ShippedMappings()).exit_code, 0);
  ExpectErrorLast(reconcile("2", ShippedMappings()), {"run 2 is not recorded in"});
  // Another mapping set than the run's.
  const fs::path maps = CopyOfMappings();
  std::ofstream(maps / "payment_type.csv", std::ios::app) << "Pocket money,WEEKLY_ALLOWANCE\n";
  ExpectErrorLast(reconcile("1", maps), {"run 1 was made with other mappings", "point --mappings at the mapping set"});
  // The run itself, again: the same figures.
  const auto again = reconcile("1", ShippedMappings());
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("reconciled run 1 again"), std::string::npos) << again.out;
  EXPECT_EQ(ReadFile(scratch_ / "again" / "exceptions.csv"), ReadFile(Out() / "exceptions.csv"));
  // A source that changed since.
  Execute(source, "UPDATE payment SET amount = '1.00' WHERE payment_id = (SELECT min(payment_id) FROM payment)");
  ExpectErrorLast(reconcile("1", ShippedMappings()), {"the source changed since run 1 read it", "--delta"});
  // A rehearsal leaves nothing to reconcile.
  const auto rehearsal = Rehearse(source, Target(), ShippedMappings());
  EXPECT_EQ(rehearsal.exit_code, 0) << rehearsal.err;
  auto target = OpenOrFail(Target(), db::OpenMode::kMustExist);
  ASSERT_NE(target, nullptr);
  ASSERT_TRUE(target->Execute("INSERT INTO migration_run (run_id, kind, started_at, finished_at, mappings_hash, "
                              "source, parameters, outcome) VALUES (9, 'rehearsal', 'x', 'y', 'h', 's', '', "
                              "'balanced')", "test").ok());
  ExpectErrorLast(reconcile("9", ShippedMappings()), {"run 9 was a rehearsal", "nothing to reconcile"});
}

TEST_F(Robustness, ComparingRunsByIdNeedsRecordedRunsAndNumbers) {
  ASSERT_EQ(RunCommitted(Provider(), Target(), ShippedMappings()).exit_code, 0);
  ExpectOneLineError(Run({"compare", "1", "one", "--target", Target(), "--out", (scratch_ / "c").string()}),
                     {"with --target, BEFORE and AFTER are run ids", "not 'one'"});
  ExpectOneLineError(Run({"compare", "1", "1", "--target", Target()}), {"needs --out"});
  ExpectOneLineError(Run({"compare", "1", "5", "--target", Target(), "--out", (scratch_ / "c").string()}),
                     {"run 5 has no recorded reconciliation", "compare rehearsals by their report folders"});
  const auto same = Run({"compare", "1", "1", "--target", Target(), "--out", (scratch_ / "c").string()});
  EXPECT_EQ(same.exit_code, 0) << same.err;
  EXPECT_NE(same.out.find("every figure is the same"), std::string::npos) << same.out;
  EXPECT_EQ(Mode(scratch_ / "c" / "compare.html"), 0600);
}

}  // namespace
}  // namespace handover::testing
