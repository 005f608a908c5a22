// End to end: the real `handover` binary generates a provider database,
// rehearses the leaving-care mappings into each kind of target, and the
// reconciled figures are checked against the generator's answer key (written
// from what the generator did, not by running the pipeline).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <memory>

#include "tests/support/provider_suite.h"
#include "tests/support/report_json.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

using nlohmann::json;
using testing::AccessPath;

class Rehearsal : public testing::ProviderSuite<300, 7> {
 protected:
  // Rehearses into `target` and returns the parsed reconciliation.json.
  json Rehearse(const std::string& source, const std::string& target, const std::string& out_name,
                testing::CommandResult* result_out = nullptr) {
    const auto out = scratch_ / out_name;
    auto result = testing::RunHandover({"rehearse", "--source", source, "--target", target, "--mappings", Mappings(),
                                        "--param", "cutover=2018-10-01", "--out", out.string()},
                                       scratch_.path());
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    if (result_out) *result_out = result;
    return json::parse(testing::ReadFile(out / "reconciliation.json"));
  }

  static const json& Mapping(const json& reconciliation, const std::string& name) {
    return testing::MappingFigures(reconciliation, name);
  }

  static int64_t Sum(const json& object) {
    int64_t total = 0;
    for (const auto& [name, value] : object.items()) total += value.get<int64_t>();
    return total;
  }

  testing::TempDir scratch_;
};

TEST_F(Rehearsal, SqliteTargetBalancesAndMatchesTheAnswerKey) {
  testing::CommandResult result;
  const json r = Rehearse(Provider(), "sqlite:" + (scratch_ / "council.db").string(), "out", &result);
  EXPECT_EQ(r["verdict"], "balanced");
  EXPECT_NE(result.out.find("BALANCED"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("reconciliation.json"), std::string::npos) << result.out;

  // People: every exclusion and rejection is the one the generator planted.
  const json& person = Mapping(r, "person");
  const json& people = (*key_)["people"];
  EXPECT_EQ(person["source_rows"], (*key_)["tables"]["client"]["extracted"]);
  EXPECT_EQ(person["source_rows"].get<int64_t>(), 305);
  for (const auto& [reason, count] : people["excluded"].items())
    EXPECT_EQ(person["by_reason"]["excluded:" + reason], count) << reason;
  for (const auto& [reason, count] : people["rejected"].items())
    EXPECT_EQ(person["by_reason"]["rejected:" + reason], count) << reason;
  // Duplicate registrations fold into the first one: the council gets
  // exactly the people the generator made.
  EXPECT_EQ(person["loaded"], people["after_deduplication"]);
  EXPECT_EQ(person["merged"], people["duplicate_rows_merged"]);
  EXPECT_EQ(person["merged"].get<int64_t>(), 5);
  EXPECT_EQ(person["by_reason"]["merged:duplicate"], people["duplicate_rows_merged"]);
  EXPECT_EQ(person["targets"][0]["rows_in_target"], people["after_deduplication"]);

  // Payments: rows and pence loaded are exactly the answer key's historic lines.
  const json& payment = Mapping(r, "payment");
  const json& expected = (*key_)["tables"]["payment"];
  const json& money = (*key_)["money"]["historic_payments"];
  EXPECT_EQ(payment["source_rows"], expected["extracted"]);
  EXPECT_EQ(payment["loaded"], expected["loaded"]);
  EXPECT_EQ(payment["loaded"].get<int64_t>(), 2784);
  EXPECT_EQ(payment["ledger_loaded_pence"], money["loaded_pence"]);
  EXPECT_EQ(payment["targets"][0]["pence_in_target"], money["loaded_pence"]);
  EXPECT_EQ(payment["targets"][0]["pence_in_target"].get<int64_t>(), 100585665);
  // Rows not loaded, reason by reason, as the answer key says: a payment of a
  // client that does not exist is an orphan, of one that was rejected or
  // excluded is parent_rejected or parent_excluded.
  EXPECT_EQ(payment["rejected"].get<int64_t>(), Sum(expected["rejected"]));
  EXPECT_EQ(payment["excluded"].get<int64_t>(), Sum(expected["excluded"]));
  for (const auto& [reason, count] : expected["rejected"].items())
    EXPECT_EQ(payment["by_reason"]["rejected:" + reason], count) << reason;
  for (const auto& [reason, count] : expected["excluded"].items())
    EXPECT_EQ(payment["by_reason"]["excluded:" + reason], count) << reason;
  EXPECT_GT(expected["rejected"]["parent_rejected"].get<int64_t>(), 0);
  EXPECT_GT(expected["excluded"]["parent_excluded"].get<int64_t>(), 0);

  // Money on the source side: every penny the provider recorded is loaded,
  // rejected or excluded, reason by reason, as the answer key says.
  const json& pence = payment["money"];
  EXPECT_EQ(pence["source_pence"], money["source_pence"]);
  EXPECT_EQ(pence["source_pence"].get<int64_t>(), 107271660);
  EXPECT_EQ(pence["by_outcome"]["loaded"], money["loaded_pence"]);
  EXPECT_EQ(pence["by_outcome"]["rejected"].get<int64_t>(), Sum(money["rejected_pence"]));
  EXPECT_EQ(pence["by_outcome"]["excluded"].get<int64_t>(), Sum(money["excluded_pence"]));
  for (const auto& [reason, amount] : money["rejected_pence"].items())
    EXPECT_EQ(pence["by_reason"]["rejected:" + reason], amount) << reason;
  for (const auto& [reason, amount] : money["excluded_pence"].items())
    EXPECT_EQ(pence["by_reason"]["excluded:" + reason], amount) << reason;
  EXPECT_EQ(pence["records_without_amount"], money["unreadable_amount_rows"]);
}

TEST_F(Rehearsal, ReportsAreOwnerOnlyAndCarryNoNamesOrDatesOfBirth) {
  Rehearse(Provider(), "sqlite:" + (scratch_ / "council.db").string(), "out");
  for (const char* name :
       {"reconciliation.json", "reconciliation.csv", "exceptions.csv", "report.html", "workbook.xlsx",
        "handover.log", ".pseudonym-key"}) {
    struct stat st {};
    ASSERT_EQ(::stat((scratch_ / "out" / name).c_str(), &st), 0) << name;
    EXPECT_EQ(st.st_mode & 0777, 0600u) << name;
  }
  struct stat dir_stat {};
  ASSERT_EQ(::stat((scratch_ / "out").c_str(), &dir_stat), 0);
  EXPECT_EQ(dir_stat.st_mode & 0777, 0700u);
  const std::string exceptions = testing::ReadFile(scratch_ / "out" / "exceptions.csv");
  const std::string log = testing::ReadFile(scratch_ / "out" / "handover.log");
  const std::string page = testing::ReadFile(scratch_ / "out" / "report.html");
  EXPECT_GT(exceptions.size(), 1000u);
  EXPECT_GT(page.size(), 5000u);
  // The unreadable dates of birth are in the worklist, but never shown.
  EXPECT_NE(exceptions.find("unreadable_dob"), std::string::npos);
  auto surnames = testing::RunHandover({"version"}, scratch_.path());  // keep the binary warm
  (void)surnames;
  const std::string provider = (*dir_ / "provider.db").string();
  // Every surname and date of birth in the provider must be absent from both.
  const std::string dump = scratch_.path().string() + "/people.txt";
  ASSERT_EQ(std::system(("sqlite3 '" + provider + "' \"SELECT DISTINCT trim(surname) FROM client WHERE length(trim(surname)) > 3 "
                         "UNION SELECT DISTINCT trim(dob) FROM client WHERE length(trim(dob)) >= 8\" > '" + dump + "'")
                            .c_str()),
            0);
  std::istringstream values(testing::ReadFile(dump));
  std::string value;
  int checked = 0;
  while (std::getline(values, value)) {
    ++checked;
    EXPECT_EQ(exceptions.find(value), std::string::npos) << "exceptions.csv shows personal data: " << value;
    EXPECT_EQ(log.find(value), std::string::npos) << "the log shows personal data: " << value;
    EXPECT_EQ(page.find(value), std::string::npos) << "report.html shows personal data: " << value;
  }
  EXPECT_GT(checked, 100);
}

TEST_F(Rehearsal, CheckWritesNothingAndShowsTheLoadOrder) {
  const auto target = scratch_ / "not-yet.db";
  const auto result = testing::RunHandover(
      {"check", "--source", Provider(), "--target", "sqlite:" + target.string(), "--mappings", Mappings()},
      scratch_.path());
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("12 mappings"), std::string::npos) << result.out;
  // People come first: every other mapping cites them.
  EXPECT_NE(result.out.find("load order: person "), std::string::npos) << result.out;
  EXPECT_LT(result.out.find(" pathway_plan "), result.out.find(" pathway_review ")) << result.out;
  EXPECT_FALSE(std::filesystem::exists(target)) << "check must not create the target";
}

// Reconciliation recounts the target itself: a target that quietly loses
// rows (here a trigger deleting every 100th payment) must not balance.
TEST_F(Rehearsal, TargetThatLosesRowsDoesNotBalanceAndExitsOne) {
  const auto target = scratch_ / "leaky.db";
  const std::string schema = (testing::SourceDir() / "mappings/leaving-care/council/schema.sql").string();
  ASSERT_EQ(std::system(("sqlite3 '" + target.string() + "' < '" + schema + "'").c_str()), 0);
  ASSERT_EQ(std::system(("sqlite3 '" + target.string() +
                         "' \"CREATE TRIGGER leak AFTER INSERT ON payment WHEN NEW.payment_id % 100 = 0 "
                         "BEGIN DELETE FROM payment WHERE payment_id = NEW.payment_id; END;\"")
                            .c_str()),
            0);
  const auto out = scratch_ / "out";
  const auto result = testing::RunHandover({"rehearse", "--source", Provider(), "--target", "sqlite:" + target.string(),
                                            "--mappings", Mappings(), "--out", out.string()},
                                           scratch_.path());
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("DOES NOT BALANCE"), std::string::npos) << result.out;
  const json r = json::parse(testing::ReadFile(out / "reconciliation.json"));
  EXPECT_EQ(r["verdict"], "unbalanced");
  const json& payment = Mapping(r, "payment");
  EXPECT_FALSE(payment["balanced"].get<bool>());
  const int64_t written = payment["targets"][0]["rows_written"].get<int64_t>();
  const int64_t held = payment["targets"][0]["rows_in_target"].get<int64_t>();
  EXPECT_EQ(written, 2784);
  EXPECT_EQ(written - held, 27);  // council ids 100, 200, ... 2700 of the 2784 loaded
  EXPECT_LT(payment["targets"][0]["pence_in_target"].get<int64_t>(), payment["ledger_loaded_pence"].get<int64_t>());
  // Rows, pence, and the people whose money the target lost (money.measure).
  ASSERT_EQ(payment["differences"].size(), 3u);
  EXPECT_NE(payment["differences"][0].get<std::string>().find("holds 2757 rows but 2784 were written"),
            std::string::npos)
      << payment["differences"];
  EXPECT_NE(payment["differences"][2].get<std::string>().find("money per person, month and type: "),
            std::string::npos)
      << payment["differences"];
  for (const json& m : r["money_by_person"])
    if (m["mapping"] == "payment") {
      EXPECT_GE(m["differing_groups"].get<int64_t>(), 1);
      EXPECT_LE(m["differing_groups"].get<int64_t>(), 27) << "at most one group per lost row";
      int64_t lost = 0;
      for (const json& d : m["differences"]) lost += d["loaded_pence"].get<int64_t>() - d["target_pence"].get<int64_t>();
      EXPECT_EQ(lost, payment["ledger_loaded_pence"].get<int64_t>() - payment["targets"][0]["pence_in_target"].get<int64_t>());
    }
  EXPECT_TRUE(Mapping(r, "person")["balanced"].get<bool>());
}

// The same rehearsal into every kind of target gives the same figures.
class RehearsalTargets : public Rehearsal, public ::testing::WithParamInterface<AccessPath> {};

TEST_P(RehearsalTargets, SameFiguresOnEveryTarget) {
  const json baseline = Rehearse(Provider(), "sqlite:" + (scratch_ / "baseline.db").string(), "baseline");
  testing::ScratchDatabase target(GetParam(), scratch_, "council.db");
  const json r = Rehearse(Provider(), target.url(), "out");
  EXPECT_EQ(r["verdict"], "balanced");
  ASSERT_EQ(r["mappings"].size(), baseline["mappings"].size());
  for (size_t i = 0; i < r["mappings"].size(); ++i) {
    json got = r["mappings"][i], want = baseline["mappings"][i];
    EXPECT_EQ(got, want) << "mapping " << want["mapping"];
  }
  EXPECT_EQ(Mapping(r, "payment")["targets"][0]["pence_in_target"].get<int64_t>(), 100585665);
}

INSTANTIATE_TEST_SUITE_P(AllTargets, RehearsalTargets,
                         ::testing::Values(AccessPath::kSqliteOdbc, AccessPath::kPostgres, AccessPath::kPostgresOdbc),
                         testing::AccessPathName);

TEST_F(Rehearsal, SourceThroughOdbcGivesTheSameFigures) {
  const json baseline = Rehearse(Provider(), "sqlite:" + (scratch_ / "baseline.db").string(), "baseline");
  const json r = Rehearse(testing::SqliteOdbcUrl(*dir_ / "provider.db"), "sqlite:" + (scratch_ / "c.db").string(), "out");
  for (size_t i = 0; i < r["mappings"].size(); ++i) EXPECT_EQ(r["mappings"][i], baseline["mappings"][i]);
}

TEST_F(Rehearsal, SourceOnPostgresGivesTheSameFigures) {
  testing::ScratchPostgres provider;
  const auto generated = testing::RunHandover({"generate", "--people", "300", "--seed", "7", "--cutover", "2018-10-01",
                                               "--target", provider.url(), "--answer-key",
                                               (scratch_ / "key.json").string()},
                                              scratch_.path());
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  EXPECT_EQ(testing::ReadFile(scratch_ / "key.json"), testing::ReadFile(*dir_ / "answer-key.json"))
      << "the same seed must give the same answer key on PostgreSQL";
  const json baseline = Rehearse(Provider(), "sqlite:" + (scratch_ / "baseline.db").string(), "baseline");
  const json r = Rehearse(provider.url(), "sqlite:" + (scratch_ / "c.db").string(), "out");
  ASSERT_EQ(r["mappings"].size(), baseline["mappings"].size());
  for (size_t i = 0; i < r["mappings"].size(); ++i) EXPECT_EQ(r["mappings"][i], baseline["mappings"][i]);
}

}  // namespace
}  // namespace handover
