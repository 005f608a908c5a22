// The robustness catalogue, a native SQLite source read with sqlite3_step
// (db/sqlite_row_stream.h): rows that fail while they are being read, after
// whole batches of the same table have loaded.
#include <gtest/gtest.h>

#include <fstream>

#include "tests/robustness/robustness_fixture.h"

namespace handover {
namespace {

namespace fs = std::filesystem;
using testing::Robustness;

TEST_F(Robustness, ARowOfANativeSqliteSourceThatFailsMidReadIsNamedAndNothingIsKept) {
  // 'contact_log' becomes a view whose last row fails at run time
  // (malformed JSON), so its read fails after three mappings finished and
  // its own first batches were read and loaded.
  const std::string copy = CopyOfProvider();
  Execute(copy, "ALTER TABLE contact_log RENAME TO contact_rows");
  Execute(copy, "CREATE VIEW contact_log AS SELECT * FROM contact_rows "
                "WHERE rowid < (SELECT max(rowid) FROM contact_rows) OR json_extract('not json', '$') IS NULL");
  const fs::path maps = CopyOfMappings();
  std::ofstream(maps / "scope.map", std::ios::app)
      << "ignore table contact_rows because \"the rows behind the contact_log view\" as provider_code_table\n";
  const auto r = Rehearse(copy, Target(), maps, {"--batch-size", "50"});
  ExpectErrorLast(r, {"loading contact: ", "\"contact_log\"", "reading a row failed", "malformed JSON"});
  EXPECT_NE(r.err.find("allocation: extracted"), std::string::npos) << "earlier mappings must have loaded: " << r.err;
  EXPECT_FALSE(fs::exists(Out() / "reconciliation.json")) << "a failed read is not a reconciliation";
  ExpectNoTarget();
}

}  // namespace
}  // namespace handover
