// Golden tests of the checker's error output: every golden/<name>.map is
// checked alone and FormatDiagnostics must equal golden/<name>.err exactly
// (positions, carets, wording). Regenerate after a deliberate change with
// HANDOVER_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/transform/test_catalogs.h"
#include "transform/check_mappings.h"

namespace handover::transform {
namespace {

namespace fs = std::filesystem;

class LangGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(LangGolden, ErrorsMatchExactly) {
  const std::string name = GetParam();
  const std::string map_path = "golden/" + name + ".map";
  const std::string text = testing::ReadTestFile(map_path);
  ASSERT_FALSE(text.empty());
  // Source queries are described by a fake over the same source catalog.
  CheckOptions options;
  options.describe_query = testing::FakeDescribeQuery;
  const CheckResult result = CheckMappingSources({{map_path, text}}, testing::SourceCatalog(),
                                                 testing::TargetCatalog(),
                                                 {{"cutover", "2018-10-01"}}, options);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.program, nullptr);
  const std::string actual = FormatDiagnostics(result.diagnostics);
  const fs::path expected_path =
      fs::path(HANDOVER_TRANSFORM_TEST_DIR) / "golden" / (name + ".err");
  if (std::getenv("HANDOVER_UPDATE_GOLDEN")) {
    std::ofstream(expected_path, std::ios::binary) << actual;
    GTEST_SKIP() << "updated " << expected_path;
  }
  EXPECT_EQ(actual, testing::ReadTestFile("golden/" + name + ".err"));
}

std::vector<std::string> GoldenNames() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(fs::path(HANDOVER_TRANSFORM_TEST_DIR) / "golden"))
    if (e.path().extension() == ".map") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(LangFiles, LangGolden, ::testing::ValuesIn(GoldenNames()),
                         [](const auto& info) { return info.param; });

TEST(LangGoldenSet, EveryGoldenFileHasExpectedOutput) {
  const auto names = GoldenNames();
  EXPECT_GE(names.size(), 6u);
  for (const std::string& n : names)
    EXPECT_TRUE(fs::exists(fs::path(HANDOVER_TRANSFORM_TEST_DIR) / "golden" / (n + ".err"))) << n;
}

}  // namespace
}  // namespace handover::transform
