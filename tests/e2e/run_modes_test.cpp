// Every run mode on every target access path, through the real CLI: run,
// run again on an unchanged source (nothing changes), a changed source
// refused without --delta, a rehearsal of the delta that leaves the target
// exactly as it was, the delta itself, and the delta again (nothing to do).
// The delta's figures are checked against the edits the test made to the
// source, and the council's data after it against a fresh run of the edited
// source into an empty database.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/e2e/run_lifecycle_fixture.h"
#include "tests/support/report_json.h"

namespace handover {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using testing::AccessPath;

// Legacy keys of `count` records of `mapping` that run 1 loaded (and merged
// nothing into), from the `skip`th on.
std::vector<std::string> LoadedKeys(db::Database& target, const std::string& mapping, int count, int skip) {
  auto rows = target.QueryRows("SELECT CAST(legacy_key AS VARCHAR(100)) FROM migration_ledger WHERE run_id = 1 AND "
                               "outcome = 'loaded' AND mapping = '" + mapping +
                                   "' AND target_key NOT IN (SELECT target_key FROM migration_ledger WHERE outcome = "
                                   "'merged') ORDER BY source_row",
                               1, "choosing records to edit");
  EXPECT_TRUE(rows.ok()) << rows.status().message();
  std::vector<std::string> keys;
  for (int i = skip; rows.ok() && i < skip + count && i < static_cast<int>(rows->size()); ++i)
    keys.push_back((*rows)[i][0]);
  return keys;
}

std::string List(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "'" : ", '") + k + "'";
  return out;
}

// The council's business data by legacy identity (never by council id, which
// a fresh run allocates afresh), sorted, without the payments in `leave_out`.
std::vector<std::vector<std::string>> BusinessData(const std::string& url, const std::vector<std::string>& leave_out) {
  auto db = testing::OpenOrFail(url, db::OpenMode::kMustExist);
  if (!db) return {};
  // Every column CAST to a declared width: ODBC drivers fill a buffer as wide
  // as the declared size (64 KiB for SQLite TEXT) on every fetch.
  const auto text = [](const std::string& column) {
    return "CAST(COALESCE(CAST(" + column + " AS VARCHAR(200)), '') AS VARCHAR(200))";
  };
  auto people = db->QueryRows("SELECT 'person', " + text("legacy_ref") + ", " + text("forename") + ", " +
                                  text("surname") + ", " + text("date_of_birth") + ", " + text("gender") + ", " +
                                  text("case_status") + ", " + text("referral_date") + " FROM person",
                              8, "reading people");
  auto payments = db->QueryRows(
      "SELECT 'payment', " + text("p.legacy_payment_id") + ", " + text("r.legacy_ref") + ", " + text("p.payment_type") +
          ", " + text("p.amount_pence") + ", " + text("p.paid_date") + ", " + text("p.period_start") +
          ", '' FROM payment p JOIN person r ON r.person_id = p.person_id" +
          (leave_out.empty() ? "" : " WHERE CAST(p.legacy_payment_id AS VARCHAR(20)) NOT IN (" + List(leave_out) + ")"),
      8, "reading payments");
  EXPECT_TRUE(people.ok()) << people.status().message();
  EXPECT_TRUE(payments.ok()) << payments.status().message();
  if (!people.ok() || !payments.ok()) return {};
  std::vector<std::vector<std::string>> all = std::move(*people);
  all.insert(all.end(), payments->begin(), payments->end());
  std::sort(all.begin(), all.end());
  return all;
}

class RunModes : public testing::RunLifecycle, public ::testing::WithParamInterface<AccessPath> {
 protected:
  // The pipeline on the test's own copy of the provider database.
  std::vector<std::string> On(const std::string& verb, const std::string& target, const std::string& out,
                              const std::vector<std::string>& more = {}) {
    std::vector<std::string> args = {verb, "--source", source_, "--target", target, "--mappings", Mappings(),
                                     "--out", (scratch_ / out).string()};
    args.insert(args.end(), more.begin(), more.end());
    return args;
  }
  void SetUp() override {
    fs::copy_file(*dir_ / "provider.db", scratch_ / "provider.db");
    source_ = "sqlite:" + (scratch_ / "provider.db").string();
  }
  std::string source_;
};

TEST_P(RunModes, RunRerunDeltaAndRehearsal) {
  testing::ScratchDatabase target(GetParam(), scratch_, "council.db");
  const auto first = Run(On("run", target.url(), "run1"));
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  {
    auto db = testing::OpenOrFail(target.url(), db::OpenMode::kMustExist);
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM person"),
              (*key_)["people"]["after_deduplication"].get<int64_t>());
  }

  // Idempotent: the same source again changes nothing, and says so.
  const auto loaded = Checksums(target.url());
  const auto again = Run(On("run", target.url(), "run1-again"));
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("nothing to do: run 1 already migrated this source"), std::string::npos) << again.out;
  EXPECT_EQ(Checksums(target.url()), loaded);

  // Late changes at the provider: edited, new, deleted and soft-deleted records.
  std::vector<std::string> changed_payments, deleted, soft_deleted, changed_person;
  {
    auto db = testing::OpenOrFail(target.url(), db::OpenMode::kMustExist);
    ASSERT_NE(db, nullptr);
    const auto keys = LoadedKeys(*db, "payment", 6, 10);
    ASSERT_EQ(keys.size(), 6u);
    changed_payments = {keys[0], keys[1], keys[2]};
    deleted = {keys[3], keys[4]};
    soft_deleted = {keys[5]};
    changed_person = LoadedKeys(*db, "person", 1, 5);
    ASSERT_EQ(changed_person.size(), 1u);
  }
  {
    auto source = testing::OpenOrFail(source_, db::OpenMode::kMustExist);
    ASSERT_NE(source, nullptr);
    const char* edits[] = {
        "UPDATE payment SET amount = '1234.56' WHERE CAST(payment_id AS TEXT) IN (%changed%)",
        "DELETE FROM payment WHERE CAST(payment_id AS TEXT) IN (%deleted%)",
        "UPDATE payment SET deleted = 1 WHERE CAST(payment_id AS TEXT) IN (%soft%)",
        "UPDATE client SET gender = CASE WHEN gender = 'F' THEN 'M' ELSE 'F' END WHERE upper(trim(client_ref)) IN (%person%)",
        // Not a change: a column no mapping reads.
        "UPDATE client SET notes = 'seen again' WHERE client_id < 20",
        "INSERT INTO client (client_id, client_ref, forename, surname, dob, gender, status, deleted) VALUES "
        "(900001, 'LC0900001', 'Amy', 'Qwertyuiop', '2001-02-03', 'F', 'open', 0), "
        "(900002, 'LC0900002', 'Ben', 'Zxcvbnm', '2002-03-04', 'M', 'open', 0)",
        "INSERT INTO payment SELECT 900000 + n, ref, NULL, pay_type, '100.00', paid_date, period_start, method, 0 "
        "FROM (SELECT 1 AS n, 'LC0900001' AS ref UNION ALL SELECT 2, 'LC0900001' UNION ALL SELECT 3, 'LC0900002' "
        "UNION ALL SELECT 4, client_ref FROM payment WHERE CAST(payment_id AS TEXT) = %first%) "
        "JOIN payment ON CAST(payment_id AS TEXT) = %first%",
    };
    for (std::string sql : edits) {
      for (const auto& [marker, keys] : {std::pair{"%changed%", changed_payments}, std::pair{"%deleted%", deleted},
                                         std::pair{"%soft%", soft_deleted}, std::pair{"%person%", changed_person},
                                         std::pair{"%first%", changed_payments}})
        for (size_t at; (at = sql.find(marker)) != std::string::npos;)
          sql.replace(at, std::string(marker).size(),
                      std::string(marker) == "%first%" ? "'" + keys[0] + "'" : List(keys));
      ASSERT_TRUE(source->Execute(sql, "editing the source").ok()) << sql;
    }
  }
  const int64_t payments_before = (*key_)["tables"]["payment"]["extracted"].get<int64_t>();
  const int64_t clients_before = (*key_)["tables"]["client"]["extracted"].get<int64_t>();
  const json expected_payment = {{"new", 4}, {"changed", 4}, {"unchanged", payments_before - 6}, {"gone", 2},
                                 {"gone_kept_in_council", 2}};
  const json expected_person = {{"new", 2}, {"changed", 1}, {"unchanged", clients_before - 1}, {"gone", 0},
                                {"gone_kept_in_council", 0}};
  const auto delta_of = [&](const std::string& out, const std::string& mapping) {
    const json report = json::parse(testing::ReadFile(scratch_ / out / "reconciliation.json"));
    json delta = testing::MappingFigures(report, mapping)["delta"];
    delta.erase("gone_kept_pence");
    return delta;
  };

  // A changed source is not loaded on top without being asked.
  const auto refused = Run(On("run", target.url(), "refused"));
  EXPECT_EQ(refused.exit_code, 2) << refused.out << refused.err;
  EXPECT_NE(refused.err.find("add --delta to load only what changed"), std::string::npos) << refused.err;
  EXPECT_EQ(Checksums(target.url()), loaded);

  // A rehearsal against the loaded target rehearses the delta, then leaves
  // every table exactly as it was.
  const auto rehearsal = Run(On("rehearse", target.url(), "rehearsal"));
  EXPECT_EQ(rehearsal.exit_code, 0) << rehearsal.out << rehearsal.err;
  EXPECT_NE(rehearsal.out.find("rehearsing what changed in the source since run 1"), std::string::npos)
      << rehearsal.out;
  EXPECT_EQ(delta_of("rehearsal", "payment"), expected_payment);
  EXPECT_EQ(Checksums(target.url()), loaded);

  // The delta itself.
  const auto delta = Run(On("run", target.url(), "delta", {"--delta"}));
  EXPECT_EQ(delta.exit_code, 0) << delta.out << delta.err;
  EXPECT_NE(delta.out.find("Run 2 (delta on run 1): BALANCED"), std::string::npos) << delta.out;
  EXPECT_EQ(delta_of("delta", "person"), expected_person);
  EXPECT_EQ(testing::SchemaProblems(scratch_ / "delta" / "reconciliation.json"), "") << "the published schema, on a delta";
  EXPECT_EQ(delta_of("delta", "payment"), expected_payment);
  // The worklist names what was not applied: the two gone payments and the
  // soft-deleted one, all kept.
  const std::string worklist = testing::ReadFile(scratch_ / "delta" / "exceptions.csv");
  // (legacy_reference, outcome, column, value_seen, reason_code, explanation)
  for (const auto& key : deleted)
    EXPECT_NE(worklist.find("," + key + ",gone,,,gone,\"It was in the run before but is no longer in the source; "
                            "the council keeps it. Here: no longer in the source (run 1 found it loaded); the "
                            "council's record was kept, not deleted\""),
              std::string::npos)
        << key << "\n" << worklist;
  EXPECT_NE(worklist.find("," + soft_deleted[0] + ",loaded,,,change_not_applied,"), std::string::npos) << worklist;

  // The council's data is what a fresh run of the edited source gives, apart
  // from the records kept rather than deleted.
  const std::string fresh = "sqlite:" + (scratch_ / "fresh.db").string();
  ASSERT_EQ(Run(On("run", fresh, "fresh")).exit_code, 0);
  std::vector<std::string> kept = deleted;
  kept.insert(kept.end(), soft_deleted.begin(), soft_deleted.end());
  const auto after_delta = BusinessData(target.url(), kept);
  EXPECT_GT(after_delta.size(), 2000u);
  EXPECT_EQ(after_delta, BusinessData(fresh, {}));
  EXPECT_EQ(BusinessData(target.url(), {}).size(), after_delta.size() + kept.size()) << "kept rows must stay";

  // The delta again: nothing to do.
  const auto after = Checksums(target.url());
  const auto repeat = Run(On("run", target.url(), "delta-again", {"--delta"}));
  EXPECT_EQ(repeat.exit_code, 0) << repeat.out << repeat.err;
  EXPECT_NE(repeat.out.find("nothing to do: run 2 already migrated this source"), std::string::npos) << repeat.out;
  EXPECT_EQ(Checksums(target.url()), after);
  const auto status = Run({"status", "--target", target.url()});
  EXPECT_EQ(status.exit_code, 0) << status.out;
  EXPECT_NE(status.out.find("  2    delta "), std::string::npos) << status.out;
}

INSTANTIATE_TEST_SUITE_P(Targets, RunModes,
                         ::testing::Values(AccessPath::kSqlite, AccessPath::kSqliteOdbc, AccessPath::kPostgres,
                                           AccessPath::kPostgresOdbc),
                         testing::AccessPathName);

}  // namespace
}  // namespace handover
