// `handover generate` through the real binary: it writes the database and
// the answer key deterministically, and refuses bad input with exit code 2,
// one clear line naming the flag, and nothing left behind.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <functional>

#include "tests/generator/generator_fixture.h"
#include "tests/support/test_support.h"

namespace handover::generator::testing {
namespace {

namespace fs = std::filesystem;

// Files in `dir`, by name.
std::vector<std::string> Files(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

uint64_t Fnv1a(const std::string& bytes) {
  uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ULL;
  return hash;
}

int CountLines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

void ExpectRefused(const fs::path& dir, const std::string& args, const std::string& needle) {
  const auto before = Files(dir);
  const CliResult r = RunCli(dir, args);
  EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.err;
  EXPECT_EQ(CountLines(r.err), 1) << r.err;
  EXPECT_EQ(r.err.rfind("handover: error: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << "expected '" << needle << "' in: " << r.err;
  EXPECT_EQ(Files(dir), before) << "nothing written or left behind for: " << args;
}

TEST(GenerateCli, WritesTheDatabaseAndAnOwnerOnlyAnswerKey) {
  handover::testing::TempDir dir;
  const CliResult r =
      RunCli(dir.path(), "generate --people 300 --seed 4 --cutover 2019-04-01 --out p.db");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Files(dir.path()), (std::vector<std::string>{"answer-key.json", "p.db"}));
  EXPECT_NE(r.out.find("people: 300 identities"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("payment "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("answer-key.json"), std::string::npos) << r.out;
  struct stat st {};
  ASSERT_EQ(::stat((dir.path() / "answer-key.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const auto key = ReadJson(dir.path() / "answer-key.json");
  EXPECT_EQ(key["generator"]["cutover"], "2019-04-01");
  EXPECT_EQ(key["people"]["identities"], 300);
}

TEST(GenerateCli, SameSeedSameBytesOtherSeedOtherBytes) {
  handover::testing::TempDir a, b, c;
  for (const auto* dir : {&a, &b}) {
    ASSERT_EQ(RunCli(dir->path(), "generate --people 400 --seed 9 --out p.db").exit_code, 0);
  }
  ASSERT_EQ(RunCli(c.path(), "generate --people 400 --seed 10 --out p.db").exit_code, 0);
  for (const char* name : {"p.db", "answer-key.json"}) {
    const uint64_t ha = Fnv1a(ReadFile(a / name)), hb = Fnv1a(ReadFile(b / name)),
                   hc = Fnv1a(ReadFile(c / name));
    EXPECT_EQ(ha, hb) << name;
    EXPECT_NE(ha, hc) << name;
  }
  EXPECT_GT(ReadFile(a / "p.db").size(), 100000u);
}

TEST(GenerateCli, RefusesAnExistingOutputWithoutForce) {
  handover::testing::TempDir dir;
  ASSERT_EQ(RunCli(dir.path(), "generate --people 50 --out p.db").exit_code, 0);
  const uint64_t before = Fnv1a(ReadFile(dir / "p.db"));
  ExpectRefused(dir.path(), "generate --people 60 --out p.db", "--force");
  EXPECT_EQ(Fnv1a(ReadFile(dir / "p.db")), before) << "the existing file is untouched";
  const CliResult forced = RunCli(dir.path(), "generate --people 60 --out p.db --force");
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(ReadJson(dir / "answer-key.json")["people"]["identities"], 60);
  EXPECT_EQ(Files(dir.path()), (std::vector<std::string>{"answer-key.json", "p.db"}));
}

TEST(GenerateCli, RefusesNonPositivePeople) {
  handover::testing::TempDir dir;
  ExpectRefused(dir.path(), "generate --people 0 --out p.db", "--people");
  ExpectRefused(dir.path(), "generate --people -5 --out p.db", "--people");
}

TEST(GenerateCli, RefusesMalformedAndImpossibleDates) {
  handover::testing::TempDir dir;
  ExpectRefused(dir.path(), "generate --people 10 --cutover 2018/10/01 --out p.db", "--cutover");
  ExpectRefused(dir.path(), "generate --people 10 --cutover 01-10-2018 --out p.db", "YYYY-MM-DD");
  ExpectRefused(dir.path(), "generate --people 10 --cutover 2018-02-30 --out p.db",
                "not a real calendar date");
  ExpectRefused(dir.path(), "generate --people 10 --cutover 1900-01-01 --out p.db", "out of range");
}

TEST(GenerateCli, AnInterruptedRunLeavesNothingBehind) {
  handover::testing::TempDir dir;
  // 100,000 people take several seconds; the signal arrives mid-write.
  const std::string command = "cd '" + dir.path().string() + "' && ('" +
                              handover::testing::HandoverBinary().string() +
                              "' generate --people 100000 --out p.db --answer-key-detail "
                              "> /dev/null 2>&1 & pid=$!; sleep 1; kill -TERM $pid; wait $pid)";
  const int status = std::system(command.c_str());
  EXPECT_NE(status, 0) << "the run was cut short";
  EXPECT_TRUE(Files(dir.path()).empty())
      << "left: " << (Files(dir.path()).empty() ? "" : Files(dir.path())[0]);
}

TEST(GenerateCli, RefusesAMissingFolder) {
  handover::testing::TempDir dir;
  ExpectRefused(dir.path(), "generate --people 10 --out no/such/p.db", "does not exist");
}

}  // namespace
}  // namespace handover::generator::testing
