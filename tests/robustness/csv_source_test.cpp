// The robustness catalogue (see README.md), csv: folders: the shared
// provider exported as CSV files, then damaged the ways real exports are.
// Each broken folder is refused before anything runs, in one line naming
// the file, the line and what to do, and leaves no target behind.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/text_encoding.h"
#include "tests/robustness/robustness_fixture.h"
#include "tests/support/csv_export.h"

namespace handover {
namespace {

namespace fs = std::filesystem;

class CsvRobustness : public testing::Robustness {
 protected:
  // The shared provider as a csv: folder of this test's own.
  std::string ExportedProvider() {
    EXPECT_EQ(testing::ExportAsCsvFolder(*dir_ / "provider.db", Folder()).size(), 12u);
    return "csv:" + Folder().string();
  }
  fs::path Folder() const { return scratch_ / "csv"; }
  // Replaces line `number` (1-based) of `file` in the folder.
  void ReplaceLine(const std::string& file, int number, const std::string& with) {
    std::istringstream in(testing::ReadFile(Folder() / file));
    std::string text, line;
    for (int n = 1; std::getline(in, line); ++n) text += (n == number ? with : line) + "\n";
    std::ofstream(Folder() / file, std::ios::binary | std::ios::trunc) << text;
  }
  std::string LineOf(const std::string& file, int number) {
    std::istringstream in(testing::ReadFile(Folder() / file));
    std::string line;
    for (int n = 0; n < number && std::getline(in, line);) ++n;
    return line;
  }
};

TEST_F(CsvRobustness, TheExportedProviderRehearsesAndTheLogNamesItsWindows1252Files) {
  const auto r = Rehearse(ExportedProvider(), Target(), ShippedMappings());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("BALANCED"), std::string::npos) << r.out;
  const std::string log = testing::ReadFile(Out() / "handover.log");
  EXPECT_NE(log.find("client.csv read as Windows-1252: it is not UTF-8"), std::string::npos) << log.substr(0, 3000);
  EXPECT_EQ(log.find("payment.csv read as"), std::string::npos) << "payment.csv is plain ASCII";
}

// Resuming finds the last committed record by its number: a line, here.
TEST_F(CsvRobustness, AnInterruptedRunFromAFolderResumesAfterItsLastCommittedLine) {
  const std::string source = ExportedProvider();
  testing::BackgroundHandover run({"run", "--source", source, "--target", Target(), "--mappings",
                                   ShippedMappings().string(), "--out", Out().string(), "--batch-size", "3"},
                                  scratch_.path());
  ASSERT_TRUE(testing::WaitFor(
      [&] { return testing::ReadFile(Out() / "handover.log").find("loading mapping payment from payment") != std::string::npos; },
      60))
      << "the run never reached the payments";
  run.Signal(SIGINT);
  EXPECT_EQ(run.Wait().exit_code, 130);
  const std::string payments = " FROM migration_ledger WHERE mapping = 'payment'";
  const int64_t extracted = (*key_)["tables"]["payment"]["extracted"].get<int64_t>();
  {
    auto db = testing::OpenOrFail(Target(), db::OpenMode::kMustExist);
    ASSERT_NE(db, nullptr);
    const int64_t committed = testing::QueryIntOrFail(*db, "SELECT count(*)" + payments);
    EXPECT_GT(committed, 0);
    EXPECT_LT(committed, extracted) << "the signal should have arrived before the last batch";
    EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT min(source_row)" + payments), 2);
    EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT max(source_row)" + payments), committed + 1);
  }
  const auto resumed = RunCommitted(source, Target(), ShippedMappings());
  EXPECT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
  EXPECT_NE(resumed.out.find("resuming run 1"), std::string::npos) << resumed.out;
  EXPECT_NE(resumed.out.find("BALANCED"), std::string::npos) << resumed.out;
  auto db = testing::OpenOrFail(Target(), db::OpenMode::kMustExist);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*)" + payments), extracted);
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(DISTINCT source_row)" + payments), extracted)
      << "a line with two outcomes";
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT max(source_row)" + payments), extracted + 1);
}

TEST_F(CsvRobustness, ARaggedRowIsRefusedWithItsLineBeforeAnythingRuns) {
  const std::string source = ExportedProvider();
  ReplaceLine("client.csv", 57, LineOf("client.csv", 57) + ",Flat 2, The Close");
  ExpectOneLineError(Rehearse(source, Target(), ShippedMappings()),
                     {"source: cannot read csv:" + Folder().string() +
                      ": client.csv line 57 has 13 fields, the header has 11: quote values that hold commas, or fix the row"});
  ExpectNoTarget();
  ExpectOneLineError(Check(source, Target(), ShippedMappings()), {"client.csv line 57 has 13 fields"});
}

TEST_F(CsvRobustness, AQuoteThatIsNeverClosedIsRefusedWithTheLineItOpensOn) {
  const std::string source = ExportedProvider();
  const std::string text = testing::ReadFile(Folder() / "payment.csv");
  const auto last = std::count(text.begin(), text.end(), '\n') + 1;
  std::ofstream(Folder() / "payment.csv", std::ios::app) << "999999,\"LC0000001,,WEEKLY,10.00\n";
  ExpectOneLineError(Rehearse(source, Target(), ShippedMappings()),
                     {"payment.csv line " + std::to_string(last) +
                      " opens a quoted field that is never closed: add the closing quote (\") or remove the opening "
                      "one"});
  ExpectNoTarget();
}

TEST_F(CsvRobustness, AStrayQuoteIsRefused) {
  const std::string source = ExportedProvider();
  ReplaceLine("worker.csv", 3, LineOf("worker.csv", 3) + "\"");
  ExpectOneLineError(Rehearse(source, Target(), ShippedMappings()),
                     {"worker.csv line 3 has a stray quote: a quoted field must end at a comma or the line's end"});
  ExpectNoTarget();
}

TEST_F(CsvRobustness, AHeaderNamingAColumnTwiceIsRefused) {
  const std::string source = ExportedProvider();
  ReplaceLine("worker.csv", 1, "worker_id,worker_name,job_title,Worker_Name");
  ExpectOneLineError(Rehearse(source, Target(), ShippedMappings()),
                     {"worker.csv line 1 names column Worker_Name twice (columns 2 and 4); rename one"});
  ExpectNoTarget();
}

TEST_F(CsvRobustness, AnEmptyFileIsRefused) {
  const std::string source = ExportedProvider();
  std::ofstream(Folder() / "worker.csv", std::ios::trunc).flush();
  ExpectOneLineError(Rehearse(source, Target(), ShippedMappings()),
                     {"worker.csv is empty: its first line must name the columns"});
  ExpectNoTarget();
}

TEST_F(CsvRobustness, TextThatIsNotTheDeclaredUtf8IsRefusedWithItsLine) {
  const std::string source = ExportedProvider() + "?encoding=utf-8";
  int first = 0;
  std::istringstream in(testing::ReadFile(Folder() / "client.csv"));
  std::string line;
  for (int n = 1; first == 0 && std::getline(in, line); ++n)
    if (!core::IsValidUtf8(line)) first = n;
  ASSERT_GT(first, 1) << "the demo's client.csv holds Windows-1252 names";
  ExpectOneLineError(Rehearse(source, Target(), ShippedMappings()),
                     {"client.csv line " + std::to_string(first) +
                      " is not valid UTF-8: declare the file's encoding with ?encoding=windows-1252, or let handover "
                      "tell with ?encoding=auto"});
  ExpectNoTarget();
  const auto declared = Check(ExportedProvider() + "?encoding=windows-1252", Target(), ShippedMappings());
  EXPECT_EQ(declared.exit_code, 0) << declared.err;
}

TEST_F(CsvRobustness, TwoFilesForOneTableAreRefused) {
  const std::string source = ExportedProvider();
  fs::copy_file(Folder() / "worker.csv", Folder() / "Worker.CSV");
  ExpectOneLineError(Rehearse(source, Target(), ShippedMappings()),
                     {"Worker.CSV and worker.csv would both be table worker; keep one of them"});
  ExpectNoTarget();
}

TEST_F(CsvRobustness, AMissingOrEmptyFolderIsRefused) {
  ExpectOneLineError(Check("csv:" + (scratch_ / "nowhere").string(), Target(), ShippedMappings()),
                     {"source: cannot read csv:" + (scratch_ / "nowhere").string() + ": no such folder; check the path"});
  fs::create_directories(scratch_ / "empty");
  std::ofstream(scratch_ / "empty" / "client.xlsx") << "not csv";
  ExpectOneLineError(Rehearse("csv:" + (scratch_ / "empty").string(), Target(), ShippedMappings()),
                     {"the folder holds no .csv files; export each table into it as <table>.csv"});
  ExpectNoTarget();
  ExpectOneLineError(Check("csv:" + (*dir_ / "provider.db").string(), Target(), ShippedMappings()),
                     {"provider.db is a file, not a folder; give the folder that holds the .csv files"});
}

TEST_F(CsvRobustness, AnUnknownOptionIsRefused) {
  ExpectOneLineError(Check(ExportedProvider() + "?delimiter=;", Target(), ShippedMappings()),
                     {"--source: bad connection URL", "unknown option 'delimiter' (a csv: folder takes encoding=, "
                                                     "empty= and types=)"});
  ExpectOneLineError(Check(ExportedProvider() + "?encoding=latin1", Target(), ShippedMappings()),
                     {"encoding='latin1' is not one of auto, utf-8 or windows-1252"});
}

TEST_F(CsvRobustness, AFolderIsNeverATarget) {
  const std::string folder = "csv:" + (scratch_ / "out-csv").string();
  const std::string refused = folder + " is a folder of CSV files, which handover only reads; give the council's "
                                       "database (sqlite:, postgresql:// or odbc:)";
  ExpectOneLineError(Rehearse(SharedProvider(), folder, ShippedMappings()), {"--target: " + refused});
  ExpectOneLineError(Check(SharedProvider(), folder, ShippedMappings()), {"--target: " + refused});
  ExpectOneLineError(Run({"generate", "--people", "5", "--target", folder}), {"--target: " + refused});
  ExpectOneLineError(Run({"status", "--target", folder}), {"--target: " + refused});
  EXPECT_FALSE(fs::exists(scratch_ / "out-csv"));
}

}  // namespace
}  // namespace handover
