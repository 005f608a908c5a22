// A csv: folder that cannot be read is refused when it is opened, before
// anything runs, with one line naming the file, the line and what to do.
// Also the csv: URL itself.
#include <gtest/gtest.h>

#include <filesystem>

#include "db/introspect.h"
#include "extract/row_source.h"
#include "tests/db/csv_folder_fixture.h"

namespace handover {
namespace {

using testing::CsvFolder;

TEST_F(CsvFolder, ARaggedRowIsRefusedWithTheLineItIsOn) {
  Write("client.csv", "id,name\n1,a\n2,\"b\nc\"\n3,x,y\n");
  EXPECT_EQ(OpenError(), "cannot read " + Url() +
                             ": client.csv line 5 has 3 fields, the header has 2: quote values that hold commas, "
                             "or fix the row");
  Write("client.csv", "id,name\n1\n");
  EXPECT_EQ(OpenError(), "cannot read " + Url() +
                             ": client.csv line 2 has 1 field, the header has 2: quote values that hold commas, "
                             "or fix the row");
}

TEST_F(CsvFolder, AQuoteThatIsNeverClosedIsRefusedWithTheLineItOpensOn) {
  Write("t.csv", "id,name,note\n1,a,b\n2,b,\"never\nclosed\n3,c,d\n");
  EXPECT_EQ(OpenError(), "cannot read " + Url() +
                             ": t.csv line 3 opens a quoted field that is never closed: add the closing quote (\") "
                             "or remove the opening one");
}

TEST_F(CsvFolder, AStrayQuoteIsRefused) {
  const std::string what = " has a stray quote: a quoted field must end at a comma or the line's end, and a quote "
                           "inside a field is written twice (\"say \"\"hi\"\"\")";
  Write("t.csv", "id,name\n1,a\n2,O\"Brien\n");
  EXPECT_EQ(OpenError(), "cannot read " + Url() + ": t.csv line 3" + what);
  Write("t.csv", "id,name\r\n1,\"quoted\" then text\r\n");
  EXPECT_EQ(OpenError(), "cannot read " + Url() + ": t.csv line 2" + what);
}

TEST_F(CsvFolder, EveryColumnOfTheHeaderHasANameOfItsOwn) {
  Write("t.csv", "id,Name,name\n1,a,b\n");
  EXPECT_EQ(OpenError(), "cannot read " + Url() + ": t.csv line 1 names column name twice (columns 2 and 3); rename one");
  Write("t.csv", "id,,x\n1,a,b\n");
  EXPECT_EQ(OpenError(), "cannot read " + Url() +
                             ": t.csv line 1: column 2 of the header has no name; name every column (or remove a "
                             "trailing comma)");
}

TEST_F(CsvFolder, AnEmptyFileHasNoHeader) {
  Write("t.csv", "");
  EXPECT_EQ(OpenError(), "cannot read " + Url() + ": t.csv is empty: its first line must name the columns");
  Write("t.csv", "\xEF\xBB\xBF\r\n\n");
  EXPECT_EQ(OpenError(), "cannot read " + Url() + ": t.csv is empty: its first line must name the columns");
}

TEST_F(CsvFolder, AHeaderAloneIsATableWithoutRows) {
  Write("t.csv", "id,name\n");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(testing::QueryIntOrFail(**db, "SELECT count(*) FROM t"), 0);
}

TEST_F(CsvFolder, AFolderMustExistAndHoldCsvFiles) {
  EXPECT_EQ(OpenError(), "cannot read " + Url() +
                             ": the folder holds no .csv files; export each table into it as <table>.csv");
  Write("readme.txt", "id\n1\n");
  std::filesystem::create_directory(dir_ / "sub.csv");
  EXPECT_EQ(OpenError(), "cannot read " + Url() +
                             ": the folder holds no .csv files; export each table into it as <table>.csv");
  const std::string missing = (dir_ / "missing").string();
  auto url = db::ConnectionUrl::Parse("csv:" + missing);
  ASSERT_TRUE(url.ok());
  auto db = db::Database::Open(*url, db::OpenMode::kMustExist);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), core::ErrorCode::kNotFound);
  EXPECT_EQ(db.status().message(), "cannot read csv:" + missing + ": no such folder; check the path");
  url = db::ConnectionUrl::Parse("csv:" + (dir_ / "readme.txt").string());
  ASSERT_TRUE(url.ok());
  db = db::Database::Open(*url, db::OpenMode::kMustExist);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().message(), "cannot read " + url->Masked() + ": " + (dir_ / "readme.txt").string() +
                                       " is a file, not a folder; give the folder that holds the .csv files (one "
                                       "per table)");
}

TEST_F(CsvFolder, TwoFilesCannotBeOneTable) {
  Write("Client.csv", "id\n1\n");
  Write("client.csv", "id\n2\n");
  EXPECT_EQ(OpenError(), "cannot read " + Url() +
                             ": Client.csv and client.csv would both be table client; keep one of them");
}

TEST_F(CsvFolder, AFileDeclaredUtf8MustBe) {
  Write("t.csv", "id,name\n1,ok\n2,Caf\xE9\n");
  EXPECT_EQ(OpenError("encoding=utf-8"),
            "cannot read " + Url("encoding=utf-8") +
                ": t.csv line 3 is not valid UTF-8: declare the file's encoding with ?encoding=windows-1252, or let "
                "handover tell with ?encoding=auto");
}

TEST_F(CsvFolder, AFileChangedAfterTheCheckFailsTheReadSayingSo) {
  Write("t.csv", "id,name\n1,a\n2,b\n");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  Write("t.csv", "id,name\n1,a\n2,b,c\n");
  auto rows = (*db)->QueryRows("SELECT CAST(name AS TEXT) FROM t", 1, "reading t");
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("t.csv line 3 has 3 fields, the header has 2 (the file changed after "
                                         "handover checked it: do not change the folder during a run)"),
            std::string::npos)
      << rows.status().message();
}

TEST_F(CsvFolder, ATableWithColumnsForEveryNameOfTheRowidCannotBeNumbered) {
  Write("t.csv", "rowid,_rowid_,oid\n1,2,3\n");
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status().message();
  auto catalog = db::ReadCatalog(**db);
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  auto source = extract::OpenTableSource(**db, *catalog->Find("t"), {"oid"});
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().message(), "table t in " + Url() +
                                           " has columns named rowid, _rowid_ and oid, so its rows' line numbers "
                                           "cannot be read; rename one of them");
}

TEST(CsvUrl, OptionsAreQueryParametersAndTheMaskedUrlShowsThoseNotDefault) {
  auto plain = db::ConnectionUrl::Parse("csv:data/extract");
  ASSERT_TRUE(plain.ok()) << plain.status().message();
  EXPECT_EQ(plain->backend(), db::Backend::kCsv);
  EXPECT_EQ(plain->csv_folder(), "data/extract");
  EXPECT_EQ(plain->csv_options().encoding, db::CsvEncoding::kAuto);
  EXPECT_EQ(plain->csv_options().empty, db::CsvEmpty::kNull);
  EXPECT_EQ(plain->csv_options().types, db::CsvTypes::kAuto);
  EXPECT_EQ(plain->Masked(), "csv:data/extract");
  auto full = db::ConnectionUrl::Parse("csv:///data/x?encoding=Windows-1252&empty=text&types=text");
  ASSERT_TRUE(full.ok()) << full.status().message();
  EXPECT_EQ(full->csv_folder(), "/data/x");
  EXPECT_EQ(full->csv_options().encoding, db::CsvEncoding::kWindows1252);
  EXPECT_EQ(full->csv_options().empty, db::CsvEmpty::kText);
  EXPECT_EQ(full->csv_options().types, db::CsvTypes::kText);
  EXPECT_EQ(full->Masked(), "csv:/data/x?encoding=windows-1252&empty=text&types=text");
  auto defaults = db::ConnectionUrl::Parse("csv:/x?encoding=auto&empty=null&types=auto");
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->Masked(), "csv:/x");
  EXPECT_EQ(db::ConnectionUrl::Parse("csv:/x?encoding=utf8")->csv_options().encoding, db::CsvEncoding::kUtf8);
}

TEST(CsvUrl, BadOptionsAreRefusedNamingTheValuesTheyTake) {
  const auto message = [](const std::string& url) {
    auto parsed = db::ConnectionUrl::Parse(url);
    EXPECT_FALSE(parsed.ok()) << url;
    return parsed.ok() ? std::string() : parsed.status().message();
  };
  EXPECT_EQ(message("csv:/x?encoding=latin1").rfind(
                "bad connection URL 'csv:/x?encoding=latin1': encoding='latin1' is not one of auto, utf-8 or "
                "windows-1252; use ", 0),
            0u);
  EXPECT_NE(message("csv:/x?empty=blank").find("empty='blank' is not one of null or text"), std::string::npos);
  EXPECT_NE(message("csv:/x?types=guess").find("types='guess' is not one of auto or text"), std::string::npos);
  EXPECT_NE(message("csv:/x?delimiter=;").find("unknown option 'delimiter' (a csv: folder takes encoding=, empty= "
                                               "and types=)"),
            std::string::npos);
  EXPECT_NE(message("csv:").find("no folder after 'csv:'"), std::string::npos);
  EXPECT_NE(message("cvs:/x").find("or csv:path/to/folder for a folder of CSV files"), std::string::npos);
}

TEST(CsvUrl, AFolderIsNeverATarget) {
  auto target = db::ConnectionUrl::ParseTarget("csv:/data/x?empty=text");
  ASSERT_FALSE(target.ok());
  EXPECT_EQ(target.status().code(), core::ErrorCode::kUsage);
  EXPECT_EQ(target.status().message(), "csv:/data/x?empty=text is a folder of CSV files, which handover only reads; "
                                       "give the council's database (sqlite:, postgresql:// or odbc:)");
  EXPECT_TRUE(db::ConnectionUrl::ParseTarget("sqlite:council.db").ok());
  auto db = db::Database::Open(*db::ConnectionUrl::Parse("csv:/data/x"), db::OpenMode::kCreateIfMissing);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), core::ErrorCode::kUsage);
}

}  // namespace
}  // namespace handover
