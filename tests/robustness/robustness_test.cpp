// The robustness catalogue (see README.md): bad or awkward inputs through
// the real CLI. Each case asserts the exit code, the message, and that
// nothing was lost, leaked or half-written.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/robustness/robustness_fixture.h"

namespace handover {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::Robustness;
using testing::Mode;
using testing::Lines;
using testing::LastLine;

TEST_F(Robustness, AHundredThousandTermSumIsRefusedAtCheckTime) {
  const fs::path maps = CopyOfMappings();
  std::string text = testing::ReadFile(maps / "payment.map");
  std::string sum = "p.payment_id";
  for (int i = 1; i < 100000; ++i) sum += " + p.payment_id";
  const std::string line = "legacy_payment_id = p.payment_id";
  ASSERT_NE(text.find(line), std::string::npos);
  text.replace(text.find(line), line.size(), "legacy_payment_id = " + sum);
  const std::string at_line =
      "payment.map:" + std::to_string(1 + std::count(text.begin(), text.begin() + text.find(line), '\n')) + ":";
  std::ofstream(maps / "payment.map") << text;
  const auto checked = Check(SharedProvider(), Target(), maps);
  EXPECT_EQ(checked.exit_code, 2) << checked.err.substr(0, 2000);
  EXPECT_NE(checked.err.find(at_line), std::string::npos) << checked.err.substr(0, 2000);
  EXPECT_NE(checked.err.find("more than 1000 operators"), std::string::npos) << checked.err.substr(0, 2000);
  EXPECT_LT(checked.err.size(), 4000u) << "the 1.6 MB line must be clipped";
  const auto rehearsed = Rehearse(SharedProvider(), Target(), maps);
  EXPECT_EQ(rehearsed.exit_code, 2) << rehearsed.err.substr(0, 2000);
  EXPECT_NE(rehearsed.err.find("nothing was loaded"), std::string::npos);
  ExpectNoTarget();
}

TEST_F(Robustness, ATwoHundredThousandTermRejectRuleIsRefusedAtCheckTime) {
  const fs::path maps = CopyOfMappings();
  std::string rule = "  reject when p.payment_id = 0";
  for (int i = 1; i < 200000; ++i) rule += " or p.payment_id = " + std::to_string(i);
  std::ofstream(maps / "payment.map", std::ios::app) << "";
  std::string text = testing::ReadFile(maps / "payment.map");
  const std::string anchor = "  exclude when p.deleted = 1";
  ASSERT_NE(text.find(anchor), std::string::npos);
  text.insert(text.find(anchor), rule + " because \"generated\" as generated\n");
  std::ofstream(maps / "payment.map") << text;
  const auto r = Rehearse(SharedProvider(), Target(), maps);
  EXPECT_EQ(r.exit_code, 2) << r.err.substr(0, 2000);
  EXPECT_NE(r.err.find("more than 1000 operators"), std::string::npos) << r.err.substr(0, 2000);
  ExpectNoTarget();
}

TEST_F(Robustness, AHundredKilobyteSurnameLoadsAndBalances) {
  const std::string source = CopyOfProvider();
  Execute(source, "UPDATE client SET surname = '" + std::string(100 * 1024, 'q') +
                      "' WHERE rowid = (SELECT min(rowid) FROM client WHERE deleted = 0)");
  const auto r = RunCommitted(source, Target(), ShippedMappings());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("BALANCED"), std::string::npos) << r.out;
  auto db = testing::OpenOrFail(Target(), db::OpenMode::kMustExist);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM person WHERE length(surname) = 102400"), 1);
}

TEST_F(Robustness, PasswordsNeverReachTheScreenOrTheLog) {
  for (const std::string password : {"a/bSecretPw8", "x?SecretPw8", "SecretPw8:with@at"}) {
    const std::string url = "postgresql://alice:" + password + "@127.0.0.1:1/db";
    for (const auto& r : {Rehearse(SharedProvider(), url, ShippedMappings()),
                          Check(SharedProvider(), url, ShippedMappings()),
                          Run({"generate", "--people", "5", "--target", url})}) {
      EXPECT_EQ(r.exit_code, 2) << r.err;
      EXPECT_EQ(r.err.find("SecretPw8"), std::string::npos) << r.err;
      EXPECT_EQ(r.out.find("SecretPw8"), std::string::npos) << r.out;
      EXPECT_NE(r.err.find("postgresql://alice:***@127.0.0.1:1/db"), std::string::npos) << r.err;
    }
    EXPECT_EQ(testing::ReadFile(Out() / "handover.log").find("SecretPw8"), std::string::npos);
  }
  // A URL that cannot be parsed at all still never echoes its password.
  const auto r = Rehearse(SharedProvider(), "postgresql://alice:Secret%zzPw8@127.0.0.1/db", ShippedMappings());
  ExpectOneLineError(r, {"--target", "bad %-escape in the password", "alice:***@"});
  EXPECT_EQ(r.err.find("Secret"), std::string::npos) << r.err;
}

TEST_F(Robustness, TheLogNeverFollowsASymlink) {
  fs::create_directories(Out());
  std::ofstream(scratch_ / "victim.txt") << "precious";
  ::chmod((scratch_ / "victim.txt").c_str(), 0644);
  fs::create_symlink(scratch_ / "victim.txt", Out() / "handover.log");
  fs::create_symlink(scratch_ / "victim.txt", Out() / "exceptions.csv.partial");
  fs::create_symlink(scratch_ / "victim.txt", Out() / "workbook.xlsx.partial");
  const auto r = Rehearse(SharedProvider(), Target(), ShippedMappings());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(testing::ReadFile(scratch_ / "victim.txt"), "precious");
  EXPECT_EQ(Mode(scratch_ / "victim.txt"), 0644);
  EXPECT_FALSE(fs::is_symlink(Out() / "handover.log"));
  EXPECT_EQ(Mode(Out() / "handover.log"), 0600);
  EXPECT_NE(testing::ReadFile(Out() / "handover.log").find("loading mapping person"), std::string::npos);
}

class Interruption : public Robustness, public ::testing::WithParamInterface<int> {};

TEST_P(Interruption, StopsAtABatchBoundaryAndRecordsTheRunAsInterrupted) {
  const int signal_number = GetParam();
  const std::string name = signal_number == SIGINT ? "SIGINT" : "SIGTERM";
  testing::BackgroundHandover run({"run", "--source", SharedProvider(), "--target", Target(), "--mappings",
                                   ShippedMappings().string(), "--out", Out().string(), "--batch-size", "3"},
                                  scratch_.path());
  ASSERT_TRUE(testing::WaitFor(
      [&] { return testing::ReadFile(Out() / "handover.log").find("loading mapping payment from payment") != std::string::npos; },
      60))
      << "the run never reached the payments";
  run.Signal(signal_number);
  const CommandResult r = run.Wait();
  EXPECT_EQ(r.exit_code, 130) << r.out << r.err;
  // Progress lines come first; the verdict is the one last line.
  const std::string last = LastLine(r.err);
  EXPECT_EQ(last.rfind("handover: interrupted: stopped by " + name + " at a batch boundary", 0), 0u) << r.err;
  EXPECT_EQ(r.err.find("handover: interrupted"), r.err.size() - last.size() - 1) << r.err;
  EXPECT_NE(r.err.find("run 1 is recorded as interrupted"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("run again with the same mappings, source and parameters: it resumes"), std::string::npos)
      << r.err;
  auto db = testing::OpenOrFail(Target(), db::OpenMode::kMustExist);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_run WHERE outcome = 'interrupted'"), 1);
  // Nothing half-written: every committed payment row has its ledger line,
  // and the ledger covers whole batches of 3.
  const int64_t loaded = testing::QueryIntOrFail(*db, "SELECT count(*) FROM payment");
  const int64_t ledger_loaded = testing::QueryIntOrFail(
      *db, "SELECT count(*) FROM migration_ledger WHERE mapping = 'payment' AND outcome = 'loaded'");
  const int64_t ledger_all =
      testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_ledger WHERE mapping = 'payment'");
  const int64_t source_rows = [&] {
    auto source = testing::OpenOrFail(SharedProvider(), db::OpenMode::kMustExist);
    return source ? testing::QueryIntOrFail(*source, "SELECT count(*) FROM payment") : -1;
  }();
  EXPECT_EQ(loaded, ledger_loaded);
  EXPECT_GT(ledger_all, 0);
  EXPECT_LT(ledger_all, source_rows) << "the signal should have arrived before the last batch";
  EXPECT_EQ(ledger_all % 3, 0);
  EXPECT_NE(r.err.find(std::to_string(ledger_all) + " payment rows of mapping payment committed"),
            std::string::npos)
      << r.err;
}

INSTANTIATE_TEST_SUITE_P(Signals, Interruption, ::testing::Values(SIGINT, SIGTERM),
                         [](const ::testing::TestParamInfo<int>& info) {
                           return std::string(info.param == SIGINT ? "Sigint" : "Sigterm");
                         });

TEST_F(Robustness, AFolderWithoutMappingsIsRefused) {
  const fs::path maps = scratch_ / "maps";
  fs::create_directories(maps / "council");
  fs::copy_file(ShippedMappings() / "council" / "schema.sql", maps / "council" / "schema.sql");
  ExpectOneLineError(Rehearse(SharedProvider(), Target(), maps), {"holds no mapping files (*.map)", maps.string()});
  ExpectNoTarget();
}

TEST_F(Robustness, ALinkOutOfTheMappingsFolderIsRefused) {
  const fs::path maps = CopyOfMappings();
  fs::create_symlink("/etc/passwd", maps / "pw.csv");
  const auto r = Rehearse(SharedProvider(), Target(), maps);
  ExpectOneLineError(r, {"pw.csv is a link to a file outside the mappings folder", "copy the file into the folder"});
  EXPECT_EQ(r.err.find("root:"), std::string::npos) << r.err;
  ExpectNoTarget();
}

// ---- Unclear or wrong ---------------------------------------------------

TEST_F(Robustness, AnUnknownSubcommandIsNamedWithTheNearestOne) {
  ExpectOneLineError(Run({"reherse"}), {"unknown command 'reherse'", "did you mean 'rehearse'?"});
  ExpectOneLineError(Run({"frobnicate", "--x"}),
                     {"unknown command 'frobnicate'", "generate, profile, scaffold, check, rehearse, run, reconcile, status, dayone, compare or version"});
  ExpectOneLineError(Run({}), {"give a command: generate, profile, scaffold, check, rehearse, run, reconcile, status, dayone, compare or version"});
}

TEST_F(Robustness, ANegativeSeedIsRefused) {
  const auto r = Run({"generate", "--people", "5", "--seed", "-1", "--out", (scratch_ / "x.db").string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("--seed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("a whole number, 0 or more"), std::string::npos) << r.err;
  EXPECT_EQ(Lines(r.err), 1u) << r.err;
  EXPECT_FALSE(fs::exists(scratch_ / "x.db"));
}

TEST_F(Robustness, AParameterGivenTwiceIsRefused) {
  ExpectOneLineError(Rehearse(SharedProvider(), Target(), ShippedMappings(),
                              {"--param", "cutover=2030-01-01", "--param", "cutover=2015-01-01"}),
                     {"--param cutover is given twice (2030-01-01 and 2015-01-01)"});
  ExpectNoTarget();
}

TEST_F(Robustness, AnExistingOutFolderIsMadeOwnerOnly) {
  fs::create_directories(Out());
  ::chmod(Out().c_str(), 0755);
  const auto r = Rehearse(SharedProvider(), Target(), ShippedMappings());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Mode(Out()), 0700);
}

TEST_F(Robustness, AnOutFolderInsideTheMappingsIsRefused) {
  const fs::path maps = CopyOfMappings();
  const auto r = Run({"rehearse", "--source", SharedProvider(), "--target", Target(), "--mappings", maps.string(),
                      "--out", (maps / "reports").string()});
  ExpectOneLineError(r, {"is inside the mappings folder", "choose a folder outside it"});
  EXPECT_FALSE(fs::exists(maps / "reports"));
  ExpectNoTarget();
}

TEST_F(Robustness, GenerateIntoAFolderPathIsNamedAsAFolder) {
  fs::create_directories(scratch_ / "afolder");
  ExpectOneLineError(Run({"generate", "--people", "5", "--out", (scratch_ / "afolder").string(), "--force"}),
                     {"--out " + (scratch_ / "afolder").string() + " is a folder", "afolder/provider.db"});
  EXPECT_TRUE(fs::is_directory(scratch_ / "afolder"));
}

// A folder this process cannot create files in: /sys refuses even root.
fs::path UnwritableFolder(const fs::path& scratch) {
  if (::geteuid() == 0) return "/sys";
  fs::create_directories(scratch / "readonly");
  ::chmod((scratch / "readonly").c_str(), 0555);
  return scratch / "readonly";
}

TEST_F(Robustness, GenerateIntoAnUnwritableFolderSaysSo) {
  const fs::path folder = UnwritableFolder(scratch_.path());
  const auto r = Run({"generate", "--people", "5", "--out", (folder / "p.db").string(), "--answer-key",
                      (scratch_ / "key.json").string()});
  ExpectOneLineError(r, {"cannot write --out " + (folder / "p.db").string(), "the folder " + folder.string() +
                                                                                 " is not writable"});
  EXPECT_EQ(r.err.find(".tmp"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("readable"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(scratch_ / "key.json"));
}

TEST_F(Robustness, ABareSchemeIsNotAnUnknownBackend) {
  ExpectOneLineError(Rehearse(SharedProvider(), "postgresql://", ShippedMappings()),
                     {"--target", "nothing after 'postgresql://'"});
}

TEST_F(Robustness, AnOdbcSqliteSourceWithAMissingFileCreatesNothing) {
  const fs::path missing = scratch_ / "missing.db";
  const auto r = Rehearse(testing::SqliteOdbcUrl(missing), Target(), ShippedMappings());
  ExpectOneLineError(r, {"source", "no such file", missing.string()});
  EXPECT_FALSE(fs::exists(missing)) << "the driver must not be left to create an empty source";
  ExpectNoTarget();
}

TEST_F(Robustness, AFolderGivenAsAnSqliteFileIsNamedAsAFolder) {
  fs::create_directories(scratch_ / "adir");
  ExpectOneLineError(Rehearse(SharedProvider(), "sqlite:" + (scratch_ / "adir").string(), ShippedMappings()),
                     {"target", "is a folder, not an SQLite database file"});
  ExpectOneLineError(Rehearse("sqlite:" + (scratch_ / "adir").string(), Target(), ShippedMappings()),
                     {"source", "is a folder, not an SQLite database file"});
}

TEST_F(Robustness, ATargetInAnUnwritableFolderSaysWhichAndWhy) {
  const fs::path folder = UnwritableFolder(scratch_.path());
  ExpectOneLineError(Rehearse(SharedProvider(), "sqlite:" + (folder / "council.db").string(), ShippedMappings()),
                     {"target", "the folder " + folder.string() + " is not writable"});
}

TEST_F(Robustness, TheSameDatabaseAsSourceAndTargetIsRefused) {
  const std::string source = CopyOfProvider();
  const std::string before = testing::ReadFile(scratch_ / "p.db");
  ExpectOneLineError(Rehearse(source, "sqlite:" + (scratch_ / "." / "p.db").string(), ShippedMappings()),
                     {"--source and --target both name", "a database of its own"});
  EXPECT_EQ(testing::ReadFile(scratch_ / "p.db"), before) << "the provider's database must not be touched";
}

TEST_F(Robustness, ATargetHoldingUnrelatedTablesIsNamedInOneLine) {
  Execute(Target(), "CREATE TABLE stock (sku TEXT)");
  Execute(Target(), "CREATE TABLE orders (id INTEGER)");
  const auto r = Rehearse(SharedProvider(), Target(), ShippedMappings());
  ExpectOneLineError(r, {"holds other tables (orders, stock)", "none of the council schema's (", "18 in all",
                         "point --target at an empty database"});
}

TEST_F(Robustness, AnEmptyMappingsFolderNeverNamesAnInternalDatabase) {
  fs::create_directories(scratch_ / "empty");
  const auto r = Check(SharedProvider(), Target(), scratch_ / "empty");
  ExpectOneLineError(r, {"holds no mapping files"});
  EXPECT_EQ(r.err.find("memory"), std::string::npos) << r.err;
}

TEST_F(Robustness, MappingsGivenAsAFileSaysItIsAFile) {
  ExpectOneLineError(Rehearse(SharedProvider(), Target(), ShippedMappings() / "person.map"),
                     {"is a file, not a folder"});
  ExpectNoTarget();
}

TEST_F(Robustness, StrayQuotesInACodeSetCsvAreRefusedWithLineAndColumn) {
  for (const std::string bad : {"WA,WEEKLY\"_ALLOWANCE", "\"RENT\"junk,RENT"}) {
    SCOPED_TRACE(bad);
    fs::remove_all(scratch_ / "maps");
    const fs::path maps = CopyOfMappings();
    const int line = int(Lines(testing::ReadFile(maps / "payment_type.csv"))) + 1;
    std::ofstream(maps / "payment_type.csv", std::ios::app) << bad << "\n";
    const auto r = Check(SharedProvider(), Target(), maps);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    const std::string column = bad[0] == '"' ? "7" : "10";
    EXPECT_NE(r.err.find("payment_type.csv:" + std::to_string(line) + ":" + column + ": error: "), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("quote"), std::string::npos) << r.err;
  }
}

TEST_F(Robustness, ASyntaxErrorOnAHugeLineIsClippedAndControlBytesEscaped) {
  const fs::path maps = CopyOfMappings();
  std::ofstream(maps / "huge.map") << "mapping huge from client c\n  into person\n  surname = concat("
                                   << std::string(2 << 20, 'x') << " ~\n";
  std::ofstream(maps / "escape.map") << "mapping esc from client c\n  into person\n  surname = \x1b[31m \x07\n";
  const auto r = Check(SharedProvider(), Target(), maps);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_LT(r.err.size(), 8000u) << "a 2 MB line must not be echoed whole";
  EXPECT_NE(r.err.find("huge.map:3:"), std::string::npos) << r.err.substr(0, 3000);
  EXPECT_NE(r.err.find("escape.map:3:"), std::string::npos) << r.err.substr(0, 3000);
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << "a raw escape byte reached the terminal";
  EXPECT_EQ(r.err.find('\x07'), std::string::npos);
  EXPECT_NE(r.err.find("\\x1b[31m"), std::string::npos) << r.err.substr(0, 3000);
}

TEST_F(Robustness, ACodeSetFileOutsideTheFolderIsSaidToBeOutside) {
  const fs::path maps = CopyOfMappings();
  std::ofstream(maps / "extra.map") << "codeset leak from \"../../etc/passwd\"\n";
  const auto r = Check(SharedProvider(), Target(), maps);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("extra.map:1:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("is outside the mappings folder"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("not found"), std::string::npos) << r.err;
}

TEST_F(Robustness, ABlankLegacyKeyIsNoKey) {
  const std::string source = CopyOfProvider();
  Execute(source, "UPDATE client SET client_ref = '   ' WHERE rowid = (SELECT min(rowid) FROM client WHERE deleted = 0 "
                  "AND upper(surname) NOT LIKE 'TEST%')");
  const auto r = RunCommitted(source, Target(), ShippedMappings());
  EXPECT_LE(r.exit_code, 1) << r.err;
  auto db = testing::OpenOrFail(Target(), db::OpenMode::kMustExist);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_crosswalk WHERE trim(legacy_key) = ''"), 0);
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM person WHERE trim(legacy_ref) = ''"), 0);
  EXPECT_GE(testing::QueryIntOrFail(*db, "SELECT count(*) FROM migration_exception WHERE mapping = 'person' AND "
                                         "reason_code = 'missing_key' AND legacy_key IS NULL"),
            1);
}

TEST_F(Robustness, AWorklistCellIsBoundedAndPrintable) {
  const std::string source = CopyOfProvider();
  // Unmapped payment types are shown in the worklist (in the reason and the
  // value cell): one of 5 MB, one holding NUL and ESC bytes.
  Execute(source, "UPDATE payment SET pay_type = '" + std::string(5 << 20, 'z') +
                      "' WHERE rowid = (SELECT min(rowid) FROM payment WHERE deleted = 0)");
  Execute(source, "UPDATE payment SET pay_type = 'ab' || char(0) || char(27) || 'cd' WHERE rowid = (SELECT max(rowid) "
                  "FROM payment WHERE deleted = 0)");
  const auto r = Rehearse(source, Target(), ShippedMappings());
  EXPECT_LE(r.exit_code, 1) << r.err;
  const std::string worklist = testing::ReadFile(Out() / "exceptions.csv");
  ASSERT_FALSE(worklist.empty());
  EXPECT_LT(worklist.size(), 1u << 20) << "a 5 MB value must not be copied into the worklist";
  EXPECT_NE(worklist.find(std::string(200, 'z') + "... (5242880 bytes in all)"), std::string::npos);
  EXPECT_EQ(worklist.find('\0'), std::string::npos) << "a NUL byte was written raw";
  EXPECT_EQ(worklist.find('\x1b'), std::string::npos) << "an escape byte was written raw";
}

TEST_F(Robustness, AnEmptySourceIsAFailedRunUnlessAllowed) {
  const std::string source = CopyOfProvider();
  // Every table the shipped set reads, emptied (code_lookup, left out, keeps its rows).
  const std::vector<std::string> read = {"accom_history", "allocation",   "balance_held", "client",
                                         "contact_log",   "eet_history",  "pathway_plan", "pay_schedule",
                                         "payment",       "plan_review",  "worker"};
  for (const std::string& table : read) Execute(source, "DELETE FROM " + table);
  const auto empty = RunCommitted(source, Target(), ShippedMappings());
  EXPECT_EQ(empty.exit_code, 2) << empty.err;
  // Progress lines come first; the error is the one last line. Tables left
  // out on purpose do not count: they move nothing.
  const std::string last = LastLine(empty.err);
  EXPECT_EQ(last.rfind("handover: error: the source tables the mappings read (", 0), 0u) << empty.err;
  for (const std::string& table : read) EXPECT_NE(last.find(table), std::string::npos) << table;
  EXPECT_NE(last.find(") hold no rows"), std::string::npos)
      << empty.err;
  EXPECT_NE(last.find("--allow-empty"), std::string::npos) << last;
  const auto status = Run({"status", "--target", Target()});
  EXPECT_EQ(status.exit_code, 1) << status.out;
  EXPECT_NE(status.out.find("failed"), std::string::npos) << status.out;
  fs::remove(scratch_ / "council.db");
  const auto allowed = Rehearse(source, Target(), ShippedMappings(), {"--allow-empty"});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
}

TEST_F(Robustness, TheTargetFileIsCreatedOwnerOnly) {
  const auto r = RunCommitted(SharedProvider(), Target(), ShippedMappings());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Mode(scratch_ / "council.db"), 0600);
}

// A provider table the mapping set neither reads nor leaves out on purpose
// would vanish unaccounted: check and rehearse refuse, naming it.
TEST_F(Robustness, ASourceTableNeitherMappedNorLeftOutIsRefused) {
  const fs::path maps = CopyOfMappings();
  std::string scope = testing::ReadFile(maps / "scope.map");
  const size_t line = scope.find("ignore table code_lookup");
  ASSERT_NE(line, std::string::npos);
  scope.erase(line, scope.find('\n', line) - line + 1);
  std::ofstream(maps / "scope.map") << scope;
  for (const auto& r : {Check(SharedProvider(), Target(), maps), Rehearse(SharedProvider(), Target(), maps)}) {
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_NE(r.err.find("error: source table 'code_lookup' is neither read by a mapping nor left out: map it, or say why "
                         "it is not migrated with: ignore table code_lookup because \"...\""),
              std::string::npos)
        << r.err;
  }
  EXPECT_FALSE(fs::exists(scratch_ / "council.db")) << "nothing may be created";
}

// A source column no mapping reads would vanish without a word: rehearse
// warns, naming it, and refuses it with --unread-columns error.
TEST_F(Robustness, ASourceColumnNeitherReadNorLeftOutIsNamed) {
  const fs::path maps = CopyOfMappings();
  std::string scope = testing::ReadFile(maps / "scope.map");
  const size_t line = scope.find("ignore column payment.method");
  ASSERT_NE(line, std::string::npos);
  scope.erase(line, scope.find('\n', line) - line + 1);
  std::ofstream(maps / "scope.map") << scope;
  const std::string named = "source column 'payment.method' is read by no mapping: map it, or say why not with: "
                            "ignore column payment.method because \"...\"";
  const auto warned = Rehearse(SharedProvider(), Target(), maps);
  EXPECT_EQ(warned.exit_code, 0) << warned.err;
  EXPECT_NE(warned.err.find("warning: " + named), std::string::npos) << warned.err;
  const auto refused = Rehearse(SharedProvider(), Target(), maps, {"--unread-columns", "error"});
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_NE(refused.err.find("error: " + named), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(scratch_ / "council.db")) << "nothing may be created";
  // The shipped set accounts for every column: no warning at all.
  const auto shipped = Rehearse(SharedProvider(), Target(), ShippedMappings(), {"--unread-columns", "error"});
  EXPECT_EQ(shipped.exit_code, 0) << shipped.err;
  EXPECT_EQ(shipped.err.find("warning:"), std::string::npos) << shipped.err;
}

// A sign-off file the board got wrong stops the command before anything is
// read, naming the field.
TEST_F(Robustness, AWrongSignoffFileIsOneLineAndNothingRuns) {
  const fs::path maps = CopyOfMappings();
  std::ofstream(maps / "signoff.json") << R"({"max_rejected_percent": {"payment": 5},
    "accepted_differences": [{"mapping": "payment", "contains": "x", "justification": "j", "expires": "31/12/2026"}]})";
  ExpectOneLineError(Rehearse(SharedProvider(), Target(), maps),
                     {"signoff.json: 'accepted_differences[0].expires' must be a date, YYYY-MM-DD",
                      "see docs/signoff.md"});
  EXPECT_FALSE(fs::exists(scratch_ / "council.db")) << "nothing may be created";
}

// A code set that lost its weekly allowance spellings rejects far more
// payments and schedules than the board allows: the verdict is NO-GO, naming
// both mappings that use it.
TEST_F(Robustness, ADroppedCodeSetLineIsNoGo) {
  const fs::path maps = CopyOfMappings();
  std::string codes = testing::ReadFile(maps / "payment_type.csv");
  size_t dropped = 0;
  for (size_t at; (at = codes.find(",WEEKLY_ALLOWANCE\n")) != std::string::npos; ++dropped)
    codes.erase(codes.rfind('\n', at) + 1, at + std::string(",WEEKLY_ALLOWANCE\n").size() - codes.rfind('\n', at) - 1);
  ASSERT_EQ(dropped, 4u);
  std::ofstream(maps / "payment_type.csv") << codes;
  const auto r = Rehearse(SharedProvider(), Target(), maps);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("  Verdict: NO-GO\n    - payment_arrangement: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n    - payment: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("more than the 5% signoff.json allows"), std::string::npos) << r.out;
  const auto report = nlohmann::json::parse(testing::ReadFile(Out() / "reconciliation.json"));
  EXPECT_EQ(report["signoff"]["decision"], "no-go");
  ASSERT_EQ(report["signoff"]["reasons"].size(), 2u) << report["signoff"].dump();
  // The shipped set, on the same provider: go.
  const auto shipped = Rehearse(SharedProvider(), Target(), ShippedMappings());
  EXPECT_EQ(shipped.exit_code, 0) << shipped.out;
  EXPECT_NE(shipped.out.find("  Verdict: GO\n"), std::string::npos) << shipped.out;
}

// A record with several problems is one rejected outcome but one worklist
// line per problem, so the officer corrects it in one pass. The problem
// written first in the mapping decides (payment.map: the date before the type).
TEST_F(Robustness, EveryProblemOfARecordIsListed) {
  const std::string source = CopyOfProvider();
  // A payment and an accommodation episode that load as they are, then given
  // a bad type and a bad date, and two unmapped codes.
  const std::string first = "sqlite:" + (scratch_ / "first.db").string();
  ASSERT_EQ(RunCommitted(source, first, ShippedMappings()).exit_code, 0);
  auto loaded = testing::OpenOrFail(first, db::OpenMode::kMustExist);
  ASSERT_NE(loaded, nullptr);
  const int64_t id = testing::QueryIntOrFail(*loaded, "SELECT min(legacy_payment_id) FROM payment");
  ASSERT_GT(id, 0);
  const int64_t episode = testing::QueryIntOrFail(
      *loaded, "SELECT min(CAST(legacy_key AS INTEGER)) FROM migration_ledger WHERE mapping = 'accommodation' AND outcome = 'loaded'");
  ASSERT_GT(episode, 0);
  Execute(source, "UPDATE payment SET pay_type = 'NOT-A-TYPE', paid_date = 'sometime' WHERE payment_id = " +
                      std::to_string(id));
  Execute(source, "UPDATE accom_history SET accom_type = 'Caravan', suitable = 'maybe' WHERE accom_id = " +
                      std::to_string(episode));
  const auto r = RunCommitted(source, Target(), ShippedMappings());
  ASSERT_LE(r.exit_code, 1) << r.err;
  auto target = testing::OpenOrFail(Target(), db::OpenMode::kMustExist);
  ASSERT_NE(target, nullptr);
  const auto count = [&](const std::string& sql) { return testing::QueryIntOrFail(*target, "SELECT count(*) FROM " + sql); };
  const std::string of_it = " WHERE mapping = 'payment' AND legacy_key = '" + std::to_string(id) + "'";
  EXPECT_EQ(count("migration_ledger" + of_it), 1);
  EXPECT_EQ(count("migration_ledger" + of_it + " AND outcome = 'rejected' AND reason_code = 'unreadable_date'"), 1);
  EXPECT_EQ(count("migration_exception" + of_it), 2);
  EXPECT_EQ(count("migration_exception" + of_it + " AND reason_code = 'unmapped_code'"), 1);
  const std::string of_episode = " WHERE mapping = 'accommodation' AND legacy_key = '" + std::to_string(episode) + "'";
  EXPECT_EQ(count("migration_ledger" + of_episode), 1);
  EXPECT_EQ(count("migration_ledger" + of_episode + " AND outcome = 'rejected' AND reason_code = 'unmapped_code'"), 1);
  EXPECT_EQ(count("migration_exception" + of_episode + " AND reason_code = 'unmapped_code'"), 2);
  EXPECT_EQ(count("migration_exception" + of_episode), 2);
  const std::string worklist = testing::ReadFile(Out() / "exceptions.csv");
  EXPECT_NE(worklist.find(",NOT-A-TYPE,"), std::string::npos) << "the unmapped value is shown";
  EXPECT_NE(worklist.find(",Caravan,"), std::string::npos) << "each unmapped value is shown";
  EXPECT_NE(worklist.find(",maybe,"), std::string::npos) << "each unmapped value is shown";
}

}  // namespace
}  // namespace handover
