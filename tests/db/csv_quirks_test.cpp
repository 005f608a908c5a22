// A csv: folder read through SQL and through the table source: each quirk
// of real CSV files, byte for byte, and the line numbers rows carry.
#include <gtest/gtest.h>
#include <chrono>

#include "db/csv_folder.h"
#include "db/introspect.h"
#include "db/source_query.h"
#include "extract/row_source.h"
#include "tests/db/csv_folder_fixture.h"

namespace handover {
namespace {

using testing::CsvFolder;
using Lines = std::vector<std::string>;

TEST_F(CsvFolder, QuotedFieldsHoldCommasAndDoubledQuotes) {
  Write("client.csv", "id,name,note\n1,\"Smith, Jo\",\"say \"\"hi\"\", then go\"\n2,plain,\"\"\"\"\n");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(Rows(**db, "SELECT id, name, note FROM client", 3),
            (Lines{"1|Smith, Jo|say \"hi\", then go", "2|plain|\""}));
}

TEST_F(CsvFolder, ARowsRowidIsTheLineItsRecordStartsOn) {
  Write("note.csv", "id,text\n1,\"two\nlines\"\n2,after\n3,\"three\r\nlines\nhere\"\n4,last\n");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(Rows(**db, "SELECT rowid, id, text FROM note", 3),
            (Lines{"2|1|two\nlines", "4|2|after", "5|3|three\r\nlines\nhere", "8|4|last"}));
}

TEST_F(CsvFolder, TheTableSourceNumbersATablesRowsByLineAndAQuerysRowsInOrder) {
  Write("note.csv", "id,text\n1,\"two\nlines\"\n2,after\n3,\"three\nlines\nhere\"\n4,last\n");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  auto catalog = db::ReadCatalog(**db);
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  ASSERT_NE(catalog->Find("note"), nullptr);
  const auto read = [&](const core::TableSchema& table) {
    std::vector<std::pair<int64_t, std::string>> rows;
    auto source = extract::OpenTableSource(**db, table, {"id", "text"}, 2);
    EXPECT_TRUE(source.ok()) << source.status().message();
    if (!source.ok()) return rows;
    core::RowBatch batch;
    while (true) {
      auto more = (*source)->Next(batch);
      EXPECT_TRUE(more.ok()) << more.status().message();
      if (!more.ok() || !*more) break;
      for (size_t r = 0; r < batch.size(); ++r) {
        EXPECT_TRUE(std::holds_alternative<int64_t>(batch.Row(r)[0])) << "id should arrive as an integer";
        rows.emplace_back(batch.Ordinal(r), core::ToText(batch.Row(r)[0]) + " " + core::ToText(batch.Row(r)[1]));
      }
    }
    return rows;
  };
  using Numbered = std::vector<std::pair<int64_t, std::string>>;
  EXPECT_EQ(read(*catalog->Find("note")), (Numbered{{2, "1 two\nlines"}, {4, "2 after"}, {5, "3 three\nlines\nhere"},
                                                    {8, "4 last"}}));
  auto query = db::DescribeQuery(**db, "later", "SELECT id, text FROM note WHERE id > 1");
  ASSERT_TRUE(query.ok()) << query.status().message();
  EXPECT_EQ(read(*query), (Numbered{{1, "2 after"}, {2, "3 three\nlines\nhere"}, {3, "4 last"}}));
}

TEST_F(CsvFolder, AColumnNamedRowidDoesNotHideTheLineNumbers) {
  Write("t.csv", "rowid,name\n7,a\n\n8,b\n");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  auto catalog = db::ReadCatalog(**db);
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  auto source = extract::OpenTableSource(**db, *catalog->Find("t"), {"rowid", "name"});
  ASSERT_TRUE(source.ok()) << source.status().message();
  core::RowBatch batch;
  auto more = (*source)->Next(batch);
  ASSERT_TRUE(more.ok() && *more) << more.status().message();
  ASSERT_EQ(batch.size(), 2u);
  EXPECT_EQ(batch.Ordinal(0), 2);
  EXPECT_EQ(core::ToText(batch.Row(0)[0]), "7");
  EXPECT_EQ(batch.Ordinal(1), 4);
  EXPECT_EQ(core::ToText(batch.Row(1)[0]), "8");
}

TEST_F(CsvFolder, AUtf8ByteOrderMarkIsDropped) {
  Write("t.csv", "\xEF\xBB\xBFid,name\n1,a\n");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(Rows(**db, "SELECT name FROM pragma_table_info('t')", 1), (Lines{"id", "name"}));
  EXPECT_EQ(Rows(**db, "SELECT rowid, id, name FROM t", 3), (Lines{"2|1|a"}));
}

TEST_F(CsvFolder, CrlfLineEndsAreNotPartOfAnyValue) {
  Write("t.csv", "id,name,quoted\r\n1,a,\"x\"\r\n2,b,\"y\r\nz\"\r\n3,,\r\n");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(Rows(**db, "SELECT rowid, id, name, quoted, length(name) FROM t", 5),
            (Lines{"2|1|a|x|1", "3|2|b|y\r\nz|1", "5|3|<null>|<null>|<null>"}));
  EXPECT_EQ(Rows(**db, "SELECT name FROM pragma_table_info('t')", 1), (Lines{"id", "name", "quoted"}));
}

TEST_F(CsvFolder, TheLastRecordNeedsNoLineEnd) {
  Write("a.csv", "id,name\n1,a\n2,b");
  Write("b.csv", "id,name\r\n1,\"q\"");
  Write("c.csv", "id,name\n1,");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(Rows(**db, "SELECT rowid, id, name FROM a", 3), (Lines{"2|1|a", "3|2|b"}));
  EXPECT_EQ(Rows(**db, "SELECT rowid, id, name FROM b", 3), (Lines{"2|1|q"}));
  EXPECT_EQ(Rows(**db, "SELECT rowid, id, name FROM c", 3), (Lines{"2|1|<null>"}));
}

TEST_F(CsvFolder, BlankLinesAreSkippedAndStillCounted) {
  Write("t.csv", "id,name\n\n1,a\n\r\n2,b\n\n");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(Rows(**db, "SELECT rowid, id, name FROM t", 3), (Lines{"3|1|a", "5|2|b"}));
}

TEST_F(CsvFolder, SpacesAndTabsArePartOfTheValue) {
  Write("t.csv", "id,name\n1, a \n2,\" b\t\"\n");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(Rows(**db, "SELECT id, '[' || name || ']' FROM t", 2), (Lines{"1|[ a ]", "2|[ b\t]"}));
}

TEST_F(CsvFolder, AFileThatIsNotUtf8IsReadAsWindows1252) {
  Write("money.csv", "id,amount,name\n1,\xA3" "5,Caf\xE9\n2,\x80" "10,Zo\xEB\n");
  Write("plain.csv", "id,name\n1,Caf\xC3\xA9\n");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(Rows(**db, "SELECT amount, name FROM money", 2),
            (Lines{"\xC2\xA3" "5|Caf\xC3\xA9", "\xE2\x82\xAC" "10|Zo\xC3\xAB"}));
  EXPECT_EQ(Rows(**db, "SELECT name FROM plain", 1), (Lines{"Caf\xC3\xA9"}));
  auto tables = db::ScanCsvFolder(dir_.path(), {}, Url());
  ASSERT_TRUE(tables.ok()) << tables.status().message();
  ASSERT_EQ(tables->size(), 2u);
  EXPECT_EQ((*tables)[0].encoding, db::CsvFileEncoding::kWindows1252);
  EXPECT_EQ((*tables)[0].first_non_utf8_line, 2);
  EXPECT_EQ((*tables)[1].encoding, db::CsvFileEncoding::kUtf8);
}

TEST_F(CsvFolder, Windows1252CanBeDeclaredForAFileThatLooksLikeUtf8) {
  Write("t.csv", "id,name\n1,\xC3\xA9\n");
  auto declared = Open("encoding=windows-1252");
  ASSERT_TRUE(declared.ok()) << declared.status().message();
  EXPECT_EQ(Rows(**declared, "SELECT name FROM t", 1), (Lines{"\xC3\x83\xC2\xA9"}));  // two characters
  auto detected = Open();
  ASSERT_TRUE(detected.ok()) << detected.status().message();
  EXPECT_EQ(Rows(**detected, "SELECT name FROM t", 1), (Lines{"\xC3\xA9"}));
}

TEST_F(CsvFolder, Utf8AndWindows1252SideBySideArePassedOnAsGiven) {
  Write("t.csv", "id,name\n1,Caf\xC3\xA9\n2,Caf\xE9\n");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(Rows(**db, "SELECT hex(name) FROM t", 1), (Lines{"436166C3A9", "436166E9"}));
  auto tables = db::ScanCsvFolder(dir_.path(), {}, Url());
  ASSERT_TRUE(tables.ok()) << tables.status().message();
  EXPECT_EQ((*tables)[0].encoding, db::CsvFileEncoding::kAsGiven);
  EXPECT_EQ((*tables)[0].first_non_utf8_line, 3);
}

TEST_F(CsvFolder, AnEmptyFieldIsNullAndQuotedEmptyIsTextUnlessEmptyIsText) {
  Write("t.csv", "id,a,b\n1,,\"\"\n");
  auto nulls = Open();
  ASSERT_TRUE(nulls.ok()) << nulls.status().message();
  EXPECT_EQ(Rows(**nulls, "SELECT id, a, typeof(a), b, typeof(b) FROM t", 5), (Lines{"1|<null>|null||text"}));
  auto text = Open("empty=text");
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(Rows(**text, "SELECT id, a, typeof(a), b, typeof(b) FROM t", 5), (Lines{"1||text||text"}));
}

TEST_F(CsvFolder, ColumnsOfWholeNumbersAreIntegersUnlessTypesIsText) {
  Write("t.csv", "id,deleted,code,amount,empty\n1,0,007,1.50,\n12,,12,2,\n-3,1,5,3,\n");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(Rows(**db, "SELECT name, type FROM pragma_table_info('t')", 2),
            (Lines{"id|INTEGER", "deleted|INTEGER", "code|TEXT", "amount|TEXT", "empty|TEXT"}));
  // Typed as in a database: numbers compare and sort as numbers.
  EXPECT_EQ(Rows(**db, "SELECT min(id), max(id), count(*) FROM t WHERE deleted = 1 OR deleted IS NULL", 3),
            (Lines{"-3|12|2"}));
  EXPECT_EQ(Rows(**db, "SELECT typeof(id), typeof(deleted), typeof(code) FROM t WHERE id = 12", 3),
            (Lines{"integer|null|text"}));
  auto catalog = db::ReadCatalog(**db);
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  EXPECT_EQ(catalog->Find("t")->Find("deleted")->type, core::ColumnType::kInteger);
  auto text = Open("types=text");
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(Rows(**text, "SELECT DISTINCT type FROM pragma_table_info('t')", 1), (Lines{"TEXT"}));
  EXPECT_EQ(Rows(**text, "SELECT max(id) FROM t", 1), (Lines{"12"}));
  EXPECT_EQ(Rows(**text, "SELECT typeof(id) FROM t WHERE id = '12'", 1), (Lines{"text"}));
}

TEST_F(CsvFolder, TablesAreNamedAfterTheirFilesAndOtherFilesAreIgnored) {
  Write("Client.CSV", "id\n1\n");
  Write("pay_schedule.csv", "id\n1\n2\n");
  Write("readme.txt", "not a table");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(Rows(**db, "SELECT name FROM sqlite_master ORDER BY name", 1), (Lines{"client", "pay_schedule"}));
  EXPECT_EQ(testing::QueryIntOrFail(**db, "SELECT count(*) FROM pay_schedule"), 2);
}

// Virtual tables have no indexes, so SQLite joins two files by reading the
// inner one again for every outer row; docs/csv-folders.md says to make
// the inner table a MATERIALIZED common table expression, which SQLite
// copies once and indexes itself. This keeps that advice true.
TEST_F(CsvFolder, AJoinThroughAMaterializedTableExpressionReadsEachFileOnce) {
  std::string people = "id,name\n", payments = "id,person_id,amount\n";
  for (int i = 1; i <= 3000; ++i) people += std::to_string(i) + ",n" + std::to_string(i) + "\n";
  for (int i = 1; i <= 3000; ++i) payments += std::to_string(i) + "," + std::to_string(i % 1500 + 1) + ",1.00\n";
  Write("person.csv", people);
  Write("payment.csv", payments);
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(testing::QueryIntOrFail(**db, "WITH p AS MATERIALIZED (SELECT id, name FROM person) SELECT count(*) "
                                          "FROM payment y JOIN p ON p.id = y.person_id WHERE p.name <> ''"),
            3000);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), 5.0)
      << "without the MATERIALIZED table expression this join takes about 20 s";
}

}  // namespace
}  // namespace handover
