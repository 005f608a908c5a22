// The run lifecycle through the real CLI: a rehearsal leaves the target
// exactly as it was (every table's checksum compared), a run commits and is
// recorded, and a run killed with SIGKILL is shown as unfinished by status,
// check and rehearse, never mistaken for a good one.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <set>
#include <filesystem>
#include <thread>
#include <nlohmann/json.hpp>

#include "load/run_record.h"
#include "tests/e2e/run_lifecycle_fixture.h"

namespace handover {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using testing::AccessPath;
using testing::RunLifecycle;

TEST_F(RunLifecycle, ARehearsalIntoAMissingFileLeavesNoFile) {
  const auto r = Run(Pipeline("rehearse", "sqlite:" + (scratch_ / "council.db").string(), "out"));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Rehearsal 1: BALANCED"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("rehearsal rolled back"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(scratch_ / "council.db"));
  // The reports hold the rehearsal's figures all the same.
  const json report = json::parse(testing::ReadFile(scratch_ / "out" / "reconciliation.json"));
  EXPECT_EQ(report["run_kind"], "rehearsal");
  EXPECT_EQ(report["mappings"][0]["loaded"], (*key_)["people"]["after_deduplication"]);
  // The scope is stated: every provider table is read by a mapping or left
  // out on purpose, and each row of a table left out is excluded with the
  // declared reason, as many as the answer key says the table holds.
  const auto read = report["scope"]["source_tables_read"].get<std::set<std::string>>();
  const auto ignored = report["scope"]["source_tables_ignored"].get<std::set<std::string>>();
  EXPECT_EQ(report["scope"]["source_tables_not_read"], json::array());
  for (const auto& [table, figures] : (*key_)["tables"].items())
    EXPECT_TRUE(read.count(table) + ignored.count(table) == 1) << table << " is neither read nor left out";
  EXPECT_EQ(read.size() + ignored.size(), 12u);
  EXPECT_GE(read.size(), 11u);
  for (const auto& m : report["mappings"]) {
    const std::string table = m["source_table"];
    SCOPED_TRACE(table);
    EXPECT_EQ(m["source_rows"], (*key_)["tables"][table]["extracted"]);
    EXPECT_EQ(m["loaded"], (*key_)["tables"][table]["loaded"]);
    EXPECT_TRUE(m["balanced"].get<bool>());
    if (!ignored.count(table)) continue;
    EXPECT_EQ(m["excluded"], m["source_rows"]);
    if (table == "code_lookup") {  // the one table the answer key leaves out for good
      EXPECT_EQ(m["by_reason"]["excluded:provider_code_table"],
                (*key_)["tables"]["code_lookup"]["excluded"]["provider_code_table"]);
    }
  }
  EXPECT_EQ(report["mappings"].size(), 12u);
  EXPECT_NE(r.out.find("scope: " + std::to_string(read.size()) + " of 12 source tables migrated ("), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("left out on purpose, every row excluded with its reason: "), std::string::npos) << r.out;
}

class CommittedRun : public RunLifecycle, public ::testing::WithParamInterface<AccessPath> {};

TEST_P(CommittedRun, ARunCommitsAndStatusSaysItFinished) {
  testing::ScratchDatabase target_db(GetParam(), scratch_, "council.db");
  const std::string target = target_db.url();
  const auto r = Run(Pipeline("run", target, "out"));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Run 1: BALANCED"), std::string::npos) << r.out;
  // The log says where the time went, stage by stage.
  const std::string log = testing::ReadFile(scratch_ / "out" / "handover.log");
  for (const char* stage : {"stages: extract ", " s, transform ", " s, load ", " s, reconcile ", " s, reports "})
    EXPECT_NE(log.find(stage), std::string::npos) << stage << "\n" << log;
  auto db = testing::OpenOrFail(target, db::OpenMode::kMustExist);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM person"),
            (*key_)["people"]["after_deduplication"].get<int64_t>());
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_run WHERE kind = 'run' AND outcome = 'balanced'"),
            1);
  // An empty target holds nothing to keep apart.
  EXPECT_EQ(r.out.find("keeping the"), std::string::npos) << r.out;
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_existing"), 0);
  // Every extracted record has exactly one outcome: for each mapping,
  // loaded + rejected + excluded + merged is the answer key's extracted count.
  for (const auto& [mapping, table] : {std::pair{"person", "client"}, std::pair{"payment", "payment"}}) {
    SCOPED_TRACE(mapping);
    const std::string where = std::string(" FROM migration_ledger WHERE mapping = '") + mapping + "'";
    int64_t by_outcome = 0;
    for (const char* outcome : {"loaded", "rejected", "excluded", "merged"})
      by_outcome += testing::QueryIntOrFail(*db, "SELECT count(*)" + where + " AND outcome = '" + outcome + "'");
    EXPECT_EQ(by_outcome, (*key_)["tables"][table]["extracted"].get<int64_t>());
    EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(DISTINCT source_row)" + where), by_outcome)
        << "a source record with two outcomes";
  }
  const auto status = Run({"status", "--target", target});
  EXPECT_EQ(status.exit_code, 0) << status.out << status.err;
  EXPECT_NE(status.out.find("balanced"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("state: the latest run, 1, finished balanced."), std::string::npos) << status.out;
}

INSTANTIATE_TEST_SUITE_P(Targets, CommittedRun, ::testing::Values(AccessPath::kSqlite, AccessPath::kPostgres),
                         testing::AccessPathName);

// A committed run's reconciliation is kept in migration_report in parts of
// kReportPart bytes and read back whole on every target path, ODBC included.
// (The parts stay small: targets made before hold them in VARCHAR(255),
// which PostgreSQL enforces.)
class RecordedRun : public RunLifecycle, public ::testing::WithParamInterface<AccessPath> {};

TEST_P(RecordedRun, AComparisonByIdReadsTheWholeReconciliationBack) {
  testing::ScratchDatabase target_db(GetParam(), scratch_, "council.db");
  const std::string target = target_db.url();
  ASSERT_EQ(Run(Pipeline("run", target, "out")).exit_code, 0);
  const auto same = Run({"compare", "1", "1", "--target", target, "--out", (scratch_ / "c").string()});
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  EXPECT_NE(same.out.find("every figure is the same"), std::string::npos) << same.out;
  auto db = testing::OpenOrFail(target, db::OpenMode::kMustExist);
  ASSERT_NE(db, nullptr);
  const int64_t bytes = testing::QueryIntOrFail(*db, "SELECT sum(length(text)) FROM migration_report WHERE run_id = 1");
  const int64_t parts = testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_report WHERE run_id = 1");
  EXPECT_GT(bytes, 5000) << "a real reconciliation";
  EXPECT_EQ(parts, (bytes + int64_t(load::kReportPart) - 1) / int64_t(load::kReportPart));
}

INSTANTIATE_TEST_SUITE_P(Targets, RecordedRun,
                         ::testing::Values(AccessPath::kSqlite, AccessPath::kSqliteOdbc, AccessPath::kPostgresOdbc),
                         testing::AccessPathName);

TEST_F(RunLifecycle, RunningAgainOnAnUnchangedSourceChangesNothingAndSaysSo) {
  const std::string target = "sqlite:" + (scratch_ / "council.db").string();
  ASSERT_EQ(Run(Pipeline("run", target, "first")).exit_code, 0);
  const auto before = Checksums(target);
  const auto again = Run(Pipeline("run", target, "second"));
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("nothing to do: run 1 already migrated this source, unchanged since"), std::string::npos)
      << again.out;
  EXPECT_EQ(Checksums(target), before) << "an unchanged source must change nothing, the run table included";

  // A changed source is not silently loaded on top.
  fs::copy_file(*dir_ / "provider.db", scratch_ / "copy.db");
  const std::string source = "sqlite:" + (scratch_ / "copy.db").string();
  const std::string target2 = "sqlite:" + (scratch_ / "council2.db").string();
  const auto run_on = [&](const std::string& out) {
    return Run({"run", "--source", source, "--target", target2, "--mappings", Mappings(), "--out", (scratch_ / out).string()});
  };
  ASSERT_EQ(run_on("third").exit_code, 0);
  {
    auto db = testing::OpenOrFail(source, db::OpenMode::kMustExist);
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(db->Execute("UPDATE payment SET amount = '1.00' WHERE rowid = 1", "changing the source").ok());
  }
  const auto before_refusal = Checksums(target2);
  const auto changed = run_on("fourth");
  EXPECT_EQ(changed.exit_code, 2) << changed.out << changed.err;
  EXPECT_NE(changed.err.find("the source has changed since run 1 migrated it"), std::string::npos) << changed.err;
  EXPECT_EQ(Checksums(target2), before_refusal);
}

// The target holds the council schema already (as a council's copy would).
class RehearsalUntouched : public RunLifecycle, public ::testing::WithParamInterface<AccessPath> {};

TEST_P(RehearsalUntouched, EveryTableIsExactlyAsItWas) {
  testing::ScratchDatabase target(GetParam(), scratch_, "council.db");
  {
    auto db = testing::OpenOrFail(target.url());
    ASSERT_NE(db, nullptr);
    const std::string schema = testing::ReadFile(testing::SourceDir() / "mappings/leaving-care/council/schema.sql");
    ASSERT_TRUE(db->ExecuteScriptAtomically(schema, "creating the council schema").ok());
  }
  const auto before = Checksums(target.url());
  ASSERT_GT(before.size(), 10u);
  const auto r = Run(Pipeline("rehearse", target.url(), "out"));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("BALANCED"), std::string::npos) << r.out;
  EXPECT_EQ(Checksums(target.url()), before);
  // And a second rehearsal finds it empty again and gives the same figures.
  const auto again = Run(Pipeline("rehearse", target.url(), "again"));
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(json::parse(testing::ReadFile(scratch_ / "again" / "reconciliation.json"))["mappings"],
            json::parse(testing::ReadFile(scratch_ / "out" / "reconciliation.json"))["mappings"]);
}

INSTANTIATE_TEST_SUITE_P(Targets, RehearsalUntouched,
                         ::testing::Values(AccessPath::kSqlite, AccessPath::kSqliteOdbc, AccessPath::kPostgres,
                                           AccessPath::kPostgresOdbc),
                         testing::AccessPathName);

TEST_F(RunLifecycle, ProgressIsShownOnATerminalAndNotInALog) {
  // script(1) gives the run a terminal; RunHandover's captured stderr is a file.
  std::string command = "script -qec \"'" + testing::HandoverBinary().string() + "'";
  for (const auto& a : Pipeline("rehearse", "sqlite:" + (scratch_ / "c1.db").string(), "tty")) command += " '" + a + "'";
  command += " --batch-size 50\" /dev/null > '" + (scratch_ / "tty.txt").string() + "' 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << testing::ReadFile(scratch_ / "tty.txt");
  const std::string shown = testing::ReadFile(scratch_ / "tty.txt");
  const std::string payments = std::to_string((*key_)["tables"]["payment"]["extracted"].get<int64_t>());
  EXPECT_NE(shown.find("payment: "), std::string::npos) << shown;
  EXPECT_NE(shown.find(" of " + payments + " rows ("), std::string::npos) << shown;
  EXPECT_NE(shown.find("rows/s, about"), std::string::npos) << shown;
  const auto quiet = Run(Pipeline("rehearse", "sqlite:" + (scratch_ / "c2.db").string(), "file"));
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err.find("rows/s"), std::string::npos) << quiet.err;
}

TEST_F(RunLifecycle, AKilledRunIsShownAsUnfinishedEverywhere) {
  const std::string target = "sqlite:" + (scratch_ / "council.db").string();
  auto run = StartInBackground("run", target, "out", "2");
  ASSERT_TRUE(WaitForLogLine("out", "loading mapping payment from payment"));
  run->Signal(SIGKILL);
  EXPECT_EQ(run->Wait().exit_code, 128 + SIGKILL);

  const auto status = Run({"status", "--target", target});
  EXPECT_EQ(status.exit_code, 1) << status.out << status.err;
  EXPECT_NE(status.out.find("did not finish (killed or crashed)"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("do not use this database as a finished migration"), std::string::npos) << status.out;

  const auto check = Run({"check", "--source", Provider(), "--target", target, "--mappings", Mappings()});
  EXPECT_EQ(check.exit_code, 1) << check.out << check.err;
  EXPECT_NE(check.err.find("run 1 did not finish (killed or crashed)"), std::string::npos) << check.err;

  const auto rehearse = Run(Pipeline("rehearse", target, "again"));
  EXPECT_EQ(rehearse.exit_code, 2) << rehearse.err;
  EXPECT_NE(rehearse.err.find("run 1 did not finish (killed or crashed)"), std::string::npos) << rehearse.err;
}

// kill -9 at several points, then `run` again: the resumed run leaves the
// target identical, table by table, to a run that was never interrupted.
class KilledRun : public RunLifecycle, public ::testing::WithParamInterface<AccessPath> {};

TEST_P(KilledRun, KilledAnywhereTheNextRunResumesToTheSameTarget) {
  testing::ScratchDatabase baseline_db(GetParam(), scratch_, "baseline.db");
  const std::string baseline = baseline_db.url();
  std::vector<std::string> args = Pipeline("run", baseline, "baseline");
  args.insert(args.end(), {"--batch-size", "3"});
  ASSERT_EQ(Run(args).exit_code, 0);
  auto expected = Checksums(baseline);
  expected.erase("migration_run");  // its timestamps differ by design
  ASSERT_EQ(expected.size(), 25u);  // 18 council tables, 7 migration tables
  expected.erase("migration_report");  // names its target, which differs by design

  struct KillPoint {
    const char* after_log_line;
    int delay_ms;
  };
  int interrupted = 0;
  int point_number = 0;
  for (const KillPoint point : {KillPoint{"loading mapping person", 0}, KillPoint{"duplicate records to merge", 5},
                                KillPoint{"loading mapping payment from payment", 0}, KillPoint{"loading mapping payment from payment", 40},
                                KillPoint{"reconciling run", 0}}) {
    SCOPED_TRACE(std::string(point.after_log_line) + " + " + std::to_string(point.delay_ms) + " ms");
    testing::ScratchDatabase target_db(GetParam(), scratch_, "k" + std::to_string(++point_number) + ".db");
    const std::string target = target_db.url();
    const std::string out = "kill" + std::to_string(point_number);
    auto run = StartInBackground("run", target, out, "3");
    ASSERT_TRUE(WaitForLogLine(out, point.after_log_line));
    std::this_thread::sleep_for(std::chrono::milliseconds(point.delay_ms));
    run->Signal(SIGKILL);
    run->Wait();
    const auto status = Run({"status", "--target", target});
    if (status.exit_code == 1) {  // the kill landed before the run finished
      ++interrupted;
      // Resumed with another batch size: batches need not line up.
      std::vector<std::string> again = Pipeline("run", target, out + "-again");
      again.insert(again.end(), {"--batch-size", "5"});
      const auto resumed = Run(again);
      EXPECT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
      EXPECT_NE(resumed.out.find("resuming run 1"), std::string::npos) << resumed.out;
    }
    auto got = Checksums(target);
    got.erase("migration_run");
    ASSERT_EQ(got.count("migration_report"), 1u);
    EXPECT_NE(got["migration_report"].rfind("0 rows", 0), 0u) << "the resumed run recorded its reconciliation";
    got.erase("migration_report");
    EXPECT_EQ(got, expected);
    EXPECT_EQ(Run({"status", "--target", target}).exit_code, 0);
  }
  EXPECT_GE(interrupted, 4) << "too few kills landed mid-run to prove resuming";
}

INSTANTIATE_TEST_SUITE_P(Targets, KilledRun, ::testing::Values(AccessPath::kSqlite, AccessPath::kPostgres),
                         testing::AccessPathName);

TEST_F(RunLifecycle, AnInterruptedRehearsalIsRolledBack) {
  const std::string target = "sqlite:" + (scratch_ / "council.db").string();
  auto run = StartInBackground("rehearse", target, "out", "2");
  ASSERT_TRUE(WaitForLogLine("out", "loading mapping payment from payment"));
  run->Signal(SIGINT);
  const auto r = run->Wait();
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_NE(r.err.find("the rehearsal was rolled back, so the target is as it was"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(scratch_ / "council.db"));
}

}  // namespace
}  // namespace handover
