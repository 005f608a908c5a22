// The leaving care migration read from a folder of CSV files: the demo
// provider, exported with `sqlite3 -header -csv` per table, rehearses to the
// very figures of the SQLite original of the same seed, and they equal the
// answer key; a committed run from the folder holds the key's money; and
// the worklist and the ledger name every record by the line of the file
// it starts on. Some files are given a spreadsheet's habits on the way (a
// byte order mark, CRLF, no final line end, a note over two lines).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/csv_record.h"
#include "tests/support/answer_key.h"
#include "tests/support/csv_export.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using testing::GeneratedProvider;

// The demo provider of `seed` and the same data as a csv: folder, in `dir`.
struct TwoSources {
  TwoSources(const testing::TempDir& dir, int seed) : provider(dir, seed) {
    // A note over two lines before any other contact: every later contact
    // record starts one line further down than its position says.
    auto db = testing::OpenOrFail(provider.url(), db::OpenMode::kMustExist);
    if (db) {
      EXPECT_TRUE(db->Execute("UPDATE contact_log SET notes = 'first line' || char(10) || 'second line' "
                              "WHERE rowid = (SELECT min(rowid) FROM contact_log)",
                              "a two-line note")
                      .ok());
    }
    db.reset();
    folder = dir / "csv";
    EXPECT_EQ(testing::ExportAsCsvFolder(dir / "provider.db", folder).size(), 12u);
    // client.csv as a spreadsheet saves it: a byte order mark and CRLF.
    std::string client = testing::ReadFile(folder / "client.csv"), crlf = "\xEF\xBB\xBF";
    for (char c : client) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    std::ofstream(folder / "client.csv", std::ios::binary | std::ios::trunc) << crlf;
    // payment.csv without its final line end.
    std::string payment = testing::ReadFile(folder / "payment.csv");
    payment.pop_back();
    std::ofstream(folder / "payment.csv", std::ios::binary | std::ios::trunc) << payment;
  }
  std::string csv_url() const { return "csv:" + folder.string(); }

  GeneratedProvider provider;
  fs::path folder;
};

testing::CommandResult Pipeline(const std::string& verb, const std::string& source, const std::string& cutover,
                                const fs::path& target, const fs::path& out) {
  return testing::RunHandover({verb, "--source", source, "--target", "sqlite:" + target.string(), "--mappings",
                               (testing::SourceDir() / "mappings" / "leaving-care").string(), "--param",
                               "cutover=" + cutover, "--out", out.string()},
                              out.parent_path());
}

// exceptions.csv as (mapping, legacy reference) -> source row.
std::map<std::pair<std::string, std::string>, int64_t> WorklistRows(const fs::path& csv) {
  std::map<std::pair<std::string, std::string>, int64_t> rows;
  const std::string text = testing::ReadFile(csv);
  size_t pos = 0;
  int line = 1;
  std::vector<std::string> fields;
  std::string error;
  for (bool header = true; pos < text.size(); header = false) {
    EXPECT_TRUE(core::ReadCsvRecord(text, pos, line, fields, error)) << error;
    if (!header && fields.size() > 3) rows[{fields[0], fields[3]}] = std::stoll(fields[2]);
  }
  return rows;
}

// The lines of `file`, their line ends dropped: lines[n - 1] is line n.
std::vector<std::string> LinesOf(const fs::path& file) {
  std::vector<std::string> lines;
  std::istringstream in(testing::ReadFile(file));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

// True when line `number` of `lines` starts with `prefix`.
bool LineStartsWith(const std::vector<std::string>& lines, int64_t number, const std::string& prefix) {
  return number >= 1 && number <= int64_t(lines.size()) && lines[size_t(number - 1)].rfind(prefix, 0) == 0;
}

class CsvSource : public ::testing::TestWithParam<int> {};

TEST_P(CsvSource, ARehearsalOfTheExportedFolderEqualsTheSqliteOriginalAndTheKey) {
  testing::TempDir dir;
  const TwoSources sources(dir, GetParam());
  const std::string cutover = sources.provider.cutover();
  std::map<std::string, json> figures;
  for (const auto& [name, url] : {std::pair<std::string, std::string>{"sqlite", sources.provider.url()},
                                  {"csv", sources.csv_url()}}) {
    SCOPED_TRACE(name);
    const auto r = Pipeline("rehearse", url, cutover, dir / (name + ".db"), dir / name);
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    const json report = json::parse(testing::ReadFile(dir / name / "reconciliation.json"));
    EXPECT_EQ(report["verdict"], "balanced");
    figures[name] = testing::SourceIndependentFigures(report);
  }
  EXPECT_EQ(figures["csv"], figures["sqlite"]);
  const json& key = sources.provider.key();
  ASSERT_EQ(key["tables"].size(), 12u);
  for (const auto& [table, want] : key["tables"].items()) EXPECT_EQ(figures["csv"]["tables"][table], want) << table;
  EXPECT_GT(figures["csv"]["exceptions"].get<int>(), 500);

  // The worklist names each record by its line: the position plus one for
  // the header, plus one for the two-line note before every contact.
  const auto csv_rows = WorklistRows(dir / "csv" / "exceptions.csv");
  const auto sqlite_rows = WorklistRows(dir / "sqlite" / "exceptions.csv");
  ASSERT_EQ(csv_rows.size(), sqlite_rows.size());
  std::map<std::string, int> checked;
  for (const auto& [record, row] : sqlite_rows) {
    const auto& [mapping, legacy] = record;
    ASSERT_TRUE(csv_rows.count(record)) << mapping << " " << legacy;
    EXPECT_EQ(csv_rows.at(record), row + (mapping == "contact" ? 2 : 1)) << mapping << " " << legacy;
    ++checked[mapping];
  }
  EXPECT_GT(checked["contact"], 50);
  EXPECT_GT(checked["payment"], 100);
  // And that line of the file is the record's: payments are keyed by payment_id.
  const auto payment_lines = LinesOf(sources.folder / "payment.csv");
  for (const auto& [record, row] : csv_rows) {
    if (record.first != "payment") continue;
    EXPECT_TRUE(LineStartsWith(payment_lines, row, record.second + ","))
        << "payment " << record.second << " is not on line " << row;
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, CsvSource, ::testing::Values(2, 5));

TEST(CsvSourceRun, ACommittedRunFromTheFolderHoldsTheKeysMoneyAndItsLedgerSpeaksOfLines) {
  testing::TempDir dir;
  const TwoSources sources(dir, 3);
  const auto r = Pipeline("run", sources.csv_url(), sources.provider.cutover(), dir / "council.db", dir / "run");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  auto council = testing::OpenOrFail("sqlite:" + (dir / "council.db").string(), db::OpenMode::kMustExist);
  ASSERT_NE(council, nullptr);
  testing::ExpectCouncilMoneyEqualsTheKey(*council, sources.provider.key(), dir / "answer-key-money.csv",
                                          sources.provider.cutover());
  // Each mapping's first record is on line 2 and its last on the file's
  // last line; the two-line note moves every later contact down one more.
  const auto ledger = [&](const std::string& what) {
    return testing::QueryIntOrFail(*council, "SELECT " + what + " FROM migration_ledger WHERE mapping = 'contact'");
  };
  const int64_t contacts = sources.provider.key()["tables"]["contact_log"]["extracted"].get<int64_t>();
  EXPECT_EQ(ledger("min(source_row)"), 2);
  EXPECT_EQ(ledger("max(source_row)"), contacts + 2);
  EXPECT_EQ(ledger("count(DISTINCT source_row)"), contacts);
  EXPECT_EQ(ledger("count(*) FILTER (WHERE source_row = 3)"), 0) << "line 3 is the second line of the note";
  const int64_t payments = sources.provider.key()["tables"]["payment"]["extracted"].get<int64_t>();
  EXPECT_EQ(testing::QueryIntOrFail(*council, "SELECT max(source_row) FROM migration_ledger WHERE mapping = 'payment'"),
            payments + 1);
  // A rejected payment in the ledger is the record on that line of the file.
  auto rejected = council->QueryRows("SELECT CAST(source_row AS VARCHAR(20)), legacy_key FROM migration_ledger "
                                     "WHERE mapping = 'payment' AND outcome = 'rejected' ORDER BY source_row",
                                     2, "rejected payments");
  ASSERT_TRUE(rejected.ok()) << rejected.status().message();
  ASSERT_GT(rejected->size(), 100u);
  const auto payment_lines = LinesOf(sources.folder / "payment.csv");
  for (const auto& row : *rejected)
    EXPECT_TRUE(LineStartsWith(payment_lines, std::stoll(row[0]), row[1] + ",")) << "line " << row[0];
}

}  // namespace
}  // namespace handover
