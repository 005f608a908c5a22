// A scratch folder of CSV files written byte for byte by a test, opened as
// a csv: source, and read back through SQL.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "db/database.h"
#include "tests/support/test_support.h"

namespace handover::testing {

class CsvFolder : public ::testing::Test {
 protected:
  // Writes `bytes` exactly as given (no newline added) to <folder>/<name>.
  void Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  std::string Url(const std::string& options = "") const {
    return "csv:" + dir_.path().string() + (options.empty() ? "" : "?" + options);
  }
  // Opens the folder as a source.
  core::Result<std::unique_ptr<db::Database>> Open(const std::string& options = "") {
    auto url = db::ConnectionUrl::Parse(Url(options));
    if (!url.ok()) return url.status();
    return db::Database::Open(*url, db::OpenMode::kMustExist);
  }
  // The message Open fails with ("" and a test failure when it opens).
  std::string OpenError(const std::string& options = "") {
    auto db = Open(options);
    EXPECT_FALSE(db.ok()) << "the folder opened";
    return db.ok() ? std::string() : db.status().message();
  }
  // Every row of `sql` (its columns cast to text), cells joined with '|',
  // NULL shown as "<null>".
  static std::vector<std::string> Rows(db::Database& db, const std::string& sql, size_t columns) {
    std::string names, cells;
    for (size_t c = 0; c < columns; ++c) {
      const std::string name = "c" + std::to_string(c);
      names += (c ? ", " : "") + name;
      cells += (c ? ", " : "") + ("COALESCE(CAST(" + name + " AS TEXT), '<null>')");
    }
    auto result = db.QueryRows("WITH q(" + names + ") AS (" + sql + ") SELECT " + cells + " FROM q", columns,
                               "test query");
    EXPECT_TRUE(result.ok()) << result.status().message();
    std::vector<std::string> rows;
    if (!result.ok()) return rows;
    for (const auto& row : *result) {
      std::string line;
      for (size_t c = 0; c < row.size(); ++c) line += (c ? "|" : "") + row[c];
      rows.push_back(line);
    }
    return rows;
  }

  TempDir dir_;
};

}  // namespace handover::testing
