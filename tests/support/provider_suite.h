// A GoogleTest fixture base for suites that share one generated provider
// database (People young people, seed Seed) and its answer key, made once
// per suite in a scratch folder: `dir_` holds provider.db and answer-key.json.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/test_support.h"

namespace handover::testing {

template <int People, int Seed>
class ProviderSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const auto r = RunHandover({"generate", "--people", std::to_string(People), "--seed", std::to_string(Seed),
                                "--out", (*dir_ / "provider.db").string()},
                               dir_->path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    key_ = new nlohmann::json(nlohmann::json::parse(ReadFile(*dir_ / "answer-key.json")));
  }
  static void TearDownTestSuite() {
    delete key_;
    delete dir_;
    key_ = nullptr;
    dir_ = nullptr;
  }
  static std::string Provider() { return "sqlite:" + (*dir_ / "provider.db").string(); }
  static std::string Mappings() { return (SourceDir() / "mappings" / "leaving-care").string(); }

  inline static TempDir* dir_ = nullptr;
  inline static nlohmann::json* key_ = nullptr;
};

}  // namespace handover::testing
