// The council schema in SQLite: loads, types dates and money as the mapping
// checker expects, and rejects what it should.
#include <gtest/gtest.h>

#include "tests/generator/council_schema_checks.h"
#include "tests/generator/generator_fixture.h"

namespace handover::generator::testing {
namespace {

TEST(CouncilSchemaSqlite, LoadsAndEnforcesItsConstraints) {
  handover::testing::TempDir dir;
  auto db = OpenOrDie("sqlite:" + (dir / "council.db").string(), db::OpenMode::kCreateIfMissing);
  ASSERT_NE(db, nullptr);
  CheckCouncilSchema(*db);
}

TEST(CouncilSchemaSqlite, DeclaresDatesAsDateAndMoneyAsIntegerPence) {
  handover::testing::TempDir dir;
  auto db = OpenOrDie("sqlite:" + (dir / "council.db").string(), db::OpenMode::kCreateIfMissing);
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->ExecuteScript(CouncilSchemaSql(), "schema").ok());
  auto columns = db->QueryRows(
      "SELECT m.name, p.name, p.type FROM sqlite_master m, pragma_table_info(m.name) p "
      "WHERE m.type = 'table'",
      3, "columns");
  ASSERT_TRUE(columns.ok()) << columns.status().message();
  int pence = 0, dates = 0;
  for (const auto& c : *columns) {
    const std::string& name = c[1];
    if (name.size() > 6 && name.compare(name.size() - 6, 6, "_pence") == 0) {
      EXPECT_EQ(c[2], "INTEGER") << c[0] << "." << name;
      ++pence;
    }
    if (name.find("date") != std::string::npos || name == "as_at") {
      EXPECT_EQ(c[2], "DATE") << c[0] << "." << name;
      ++dates;
    }
  }
  EXPECT_EQ(pence, 3);  // arrangement, payment, opening balance
  EXPECT_GT(dates, 15);
}

}  // namespace
}  // namespace handover::generator::testing
