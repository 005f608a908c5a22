// A provider database generated once per test suite (2,000 people, seed 11,
// with the per-person answer key files), shared read-only by its tests. For
// soak runs, HANDOVER_GENERATOR_TEST_PEOPLE, HANDOVER_GENERATOR_TEST_SEED and
// HANDOVER_GENERATOR_TEST_CUTOVER change the size, seed and cut-over (every
// assertion is relative to them).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "db/database.h"
#include "core/value.h"
#include "tests/support/test_support.h"

namespace handover::generator::testing {

int64_t FixturePeople();
uint64_t FixtureSeed();

class GeneratedProvider : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite();

  // Runs a query returning one integer; fails the test on error.
  static int64_t Count(const std::string& sql);
  static db::Database& db() { return *db_; }
  static const nlohmann::json& key() { return *key_; }
  static core::Date cutover();
  static const std::filesystem::path& dir() { return dir_->path(); }

 private:
  static std::unique_ptr<handover::testing::TempDir> dir_;
  static std::unique_ptr<db::Database> db_;
  static std::unique_ptr<nlohmann::json> key_;
};

using handover::testing::ReadFile;
// Parses a JSON file.
nlohmann::json ReadJson(const std::filesystem::path& path);
// The outcome of running the real `handover` binary.
struct CliResult {
  int exit_code = -1;
  std::string out, err;
};
// Runs `handover <args>` with `dir` as the working folder (args pass through
// the shell, so relative paths land in `dir`) and leaves no capture files
// there, so a test can assert on exactly what the command created.
CliResult RunCli(const std::filesystem::path& dir, const std::string& args);

// Opens a database URL or fails the test.
std::unique_ptr<db::Database> OpenOrDie(const std::string& url, db::OpenMode mode);

}  // namespace handover::generator::testing
