#include "tests/generator/generator_fixture.h"

#include <sys/wait.h>

#include <cstdlib>

#include "generator/generator.h"

namespace handover::generator::testing {

std::unique_ptr<handover::testing::TempDir> GeneratedProvider::dir_;
std::unique_ptr<db::Database> GeneratedProvider::db_;
std::unique_ptr<nlohmann::json> GeneratedProvider::key_;

namespace {
uint64_t FromEnvironment(const char* name, uint64_t fallback) {
  const char* text = std::getenv(name);
  return text && *text ? std::stoull(text) : fallback;
}
}  // namespace

int64_t FixturePeople() {
  return static_cast<int64_t>(FromEnvironment("HANDOVER_GENERATOR_TEST_PEOPLE", 2000));
}
uint64_t FixtureSeed() { return FromEnvironment("HANDOVER_GENERATOR_TEST_SEED", 11); }

core::Date GeneratedProvider::cutover() {
  const char* text = std::getenv("HANDOVER_GENERATOR_TEST_CUTOVER");
  return *core::Date::ParseIso(text && *text ? text : "2018-10-01");
}

nlohmann::json ReadJson(const std::filesystem::path& path) {
  return nlohmann::json::parse(ReadFile(path));
}

CliResult RunCli(const std::filesystem::path& dir, const std::string& args) {
  const std::string command = "cd '" + dir.string() + "' && '" +
                              handover::testing::HandoverBinary().string() + "' " + args +
                              " > stdout.txt 2> stderr.txt";
  const int status = std::system(command.c_str());
  CliResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFile(dir / "stdout.txt");
  result.err = ReadFile(dir / "stderr.txt");
  std::filesystem::remove(dir / "stdout.txt");
  std::filesystem::remove(dir / "stderr.txt");
  return result;
}

std::unique_ptr<db::Database> OpenOrDie(const std::string& text, db::OpenMode mode) {
  auto url = db::ConnectionUrl::Parse(text);
  EXPECT_TRUE(url.ok()) << url.status().message();
  if (!url.ok()) return nullptr;
  auto db = db::Database::Open(*url, mode);
  EXPECT_TRUE(db.ok()) << db.status().message();
  return db.ok() ? std::move(db.value()) : nullptr;
}

void GeneratedProvider::SetUpTestSuite() {
  dir_ = std::make_unique<handover::testing::TempDir>();
  db_ = OpenOrDie("sqlite:" + (dir_->path() / "provider.db").string(), db::OpenMode::kCreateIfMissing);
  ASSERT_NE(db_, nullptr);
  GeneratorOptions options;
  options.people = FixturePeople();
  options.seed = FixtureSeed();
  options.cutover = cutover();
  options.answer_key_path = dir_->path() / "answer-key.json";
  options.answer_key_detail = true;
  options.batch_rows = 777;  // odd, so batches end part-full
  const core::Status status = GenerateProvider(options, *db_);
  ASSERT_TRUE(status.ok()) << status.message();
  key_ = std::make_unique<nlohmann::json>(ReadJson(options.answer_key_path));
}

void GeneratedProvider::TearDownTestSuite() {
  db_.reset();
  key_.reset();
  dir_.reset();
}

int64_t GeneratedProvider::Count(const std::string& sql) {
  auto value = db_->QueryInt(sql, sql);
  EXPECT_TRUE(value.ok()) << value.status().message();
  return value.ok() ? *value : -1;
}

}  // namespace handover::generator::testing
