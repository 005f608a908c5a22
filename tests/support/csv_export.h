// Exports an SQLite database as a csv: folder the way a provider would:
// `sqlite3 -header -csv` per table, one <table>.csv file each.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace handover::testing {

// Writes every table of the SQLite file `database` into `folder` (created)
// and returns the table names; a test failure when sqlite3 fails.
inline std::vector<std::string> ExportAsCsvFolder(const std::filesystem::path& database,
                                                  const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  std::vector<std::string> tables;
  auto db = OpenOrFail("sqlite:" + database.string(), db::OpenMode::kMustExist);
  if (!db) return tables;
  auto rows = db->QueryRows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", 1, "listing tables");
  EXPECT_TRUE(rows.ok()) << rows.status().message();
  if (!rows.ok()) return tables;
  for (const auto& row : *rows) {
    const std::string& table = row[0];
    const std::string command = "sqlite3 -header -csv '" + database.string() + "' 'SELECT * FROM \"" + table +
                                "\"' > '" + (folder / (table + ".csv")).string() + "'";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    tables.push_back(table);
  }
  return tables;
}

}  // namespace handover::testing
