// `handover generate`: writes a demo provider database (SQLite file or a
// PostgreSQL database) and the answer key a correct migration must match.
// Refuses to overwrite without --force and never leaves a half-written
// output: SQLite goes to a temporary file renamed into place at the end.
#include <signal.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/command.h"
#include "db/connection_url.h"
#include "db/database.h"
#include "generator/generator.h"

namespace handover::cli {
namespace {

namespace fs = std::filesystem;

struct GenerateFlags {
  int64_t people = 0;
  uint64_t seed = 1;
  std::string cutover = "2018-10-01";
  std::string out;
  std::string target;
  std::string answer_key;
  bool detail = false;
  bool force = false;
};

// Files a run creates before it succeeds, removed if it is interrupted
// (SIGINT, SIGTERM, SIGHUP). Fixed buffers: the handler may only unlink.
std::array<std::array<char, 4096>, 3> g_partial_files{};

extern "C" void RemovePartialFilesAndDie(int signal_number) {
  for (const auto& path : g_partial_files)
    if (path[0] != '\0') ::unlink(path.data());
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

// Registers the files to remove on interruption for as long as it lives.
class PartialFileGuard {
 public:
  explicit PartialFileGuard(const std::vector<fs::path>& paths) {
    for (size_t i = 0; i < paths.size() && i < g_partial_files.size(); ++i)
      std::strncpy(g_partial_files[i].data(), paths[i].c_str(), g_partial_files[i].size() - 1);
    struct sigaction action {};
    action.sa_handler = RemovePartialFilesAndDie;
    for (int s : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(s, &action, nullptr);
  }
  ~PartialFileGuard() {
    for (int s : {SIGINT, SIGTERM, SIGHUP}) ::signal(s, SIG_DFL);
    for (auto& path : g_partial_files) path[0] = '\0';
  }
};

core::Result<core::Date> ParseCutover(const std::string& text) {
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      text.find_first_not_of("0123456789-") == std::string::npos;
  if (!shaped)
    return core::Status::Error(core::ErrorCode::kUsage, "--cutover '" + text +
                                                "' is not a date: write it as YYYY-MM-DD, "
                                                "e.g. --cutover 2018-10-01");
  auto date = core::Date::ParseIso(text);
  if (!date)
    return core::Status::Error(core::ErrorCode::kUsage, "--cutover " + text +
                                                " is not a real calendar date: check the day "
                                                "and month, e.g. --cutover 2018-10-01");
  return *date;
}

void PrintSummary(const generator::GeneratorSummary& summary, const GenerateFlags& flags,
                  const std::string& where, const fs::path& key, double seconds) {
  std::cout << "generated " << where << " in " << std::fixed;
  std::cout.precision(1);
  std::cout << seconds << " s\n  people: " << flags.people << " identities, "
            << summary.people_after_deduplication << " after de-duplication (seed " << flags.seed
            << ", cut-over " << flags.cutover << ")\n  rows:";
  int64_t total = 0;
  for (const auto& [table, rows] : summary.rows_per_table) {
    std::cout << " " << table << " " << rows << ";";
    total += rows;
  }
  std::cout << " total " << total << "\n  answer key: " << key.string() << " (owner-only)\n";
}

int RunGenerate(const GenerateFlags& flags) {
  auto cutover = ParseCutover(flags.cutover);
  if (!cutover.ok()) return ReportError(cutover.status());
  if (flags.people <= 0)
    return ReportError(core::Status::Error(core::ErrorCode::kUsage, "--people must be at least 1 (got " +
                                                            std::to_string(flags.people) + ")"));
  if (!flags.out.empty() && !flags.target.empty())
    return ReportError(core::Status::Error(core::ErrorCode::kUsage,
                                     "give either --out FILE (SQLite) or --target URL, not both"));
  const bool to_file = flags.target.empty();
  const fs::path out =
      to_file ? fs::path(flags.out.empty() ? "provider.db" : flags.out) : fs::path();
  const fs::path key_path = !flags.answer_key.empty() ? fs::path(flags.answer_key)
                            : to_file                 ? out.parent_path() / "answer-key.json"
                                                      : fs::path("answer-key.json");
  std::error_code ec;
  if (to_file && fs::exists(out, ec) && !flags.force)
    return ReportError(
        core::Status::Error(core::ErrorCode::kUsage, "--out " + out.string() +
                                             " already exists: choose another path or add --force "
                                             "to replace it"));
  if (fs::exists(key_path, ec) && !flags.force)
    return ReportError(
        core::Status::Error(core::ErrorCode::kUsage, "answer key " + key_path.string() +
                                             " already exists: pass --answer-key PATH or add "
                                             "--force to replace it"));
  const fs::path folder = to_file ? out.parent_path() : fs::path();
  if (to_file && !folder.empty() && !fs::is_directory(folder, ec))
    return ReportError(core::Status::Error(core::ErrorCode::kNotFound, "--out " + out.string() + ": folder " +
                                                               folder.string() +
                                                               " does not exist; create it first"));

  // SQLite: a temporary file beside the output, renamed into place on success.
  const fs::path temp =
      to_file ? folder / ("." + out.filename().string() + ".tmp" + std::to_string(::getpid()))
              : fs::path();
  if (to_file) fs::remove(temp, ec);
  const auto sibling = [&key_path](const char* suffix) {
    return key_path.parent_path() / (key_path.stem().string() + suffix);
  };
  std::vector<fs::path> partial;
  if (to_file) partial.push_back(temp);
  if (flags.detail) {
    partial.push_back(sibling("-money.csv"));
    partial.push_back(sibling("-cohort.csv"));
  }
  PartialFileGuard guard(partial);
  auto url = db::ConnectionUrl::Parse(to_file ? "sqlite:" + temp.string() : flags.target);
  if (!url.ok()) return ReportError(url.status().WithContext("--target"));
  auto db = db::Database::Open(*url, db::OpenMode::kCreateIfMissing);
  if (!db.ok()) return ReportError(db.status());

  generator::GeneratorOptions options;
  options.people = flags.people;
  options.seed = flags.seed;
  options.cutover = *cutover;
  options.answer_key_path = key_path;
  options.answer_key_detail = flags.detail;
  options.replace_existing = flags.force && !to_file;
  generator::GeneratorSummary summary;
  const auto started = std::chrono::steady_clock::now();
  core::Status status = generator::GenerateProvider(options, **db, &summary);
  if (to_file) {
    if (!status.ok()) (*db)->DiscardCreatedFile();
    db->reset();  // close before the rename
    if (status.ok()) {
      fs::rename(temp, out, ec);
      if (ec) {
        fs::remove(temp, ec);
        fs::remove(key_path, ec);
        status = core::Status::Error(core::ErrorCode::kIo, "cannot move the new database into place at " +
                                                   out.string() + ": " + ec.message());
      }
    }
  }
  if (!status.ok()) {
    if (flags.detail)
      for (const char* suffix : {"-money.csv", "-cohort.csv"}) fs::remove(sibling(suffix), ec);
    return ReportError(status);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  PrintSummary(summary, flags, to_file ? out.string() : url->Masked(), key_path, seconds);
  return kExitBalanced;
}

}  // namespace

Runner AddGenerateCommand(CLI::App& app) {
  auto flags = std::make_shared<GenerateFlags>();
  CLI::App* cmd = app.add_subcommand(
      "generate", "Write a demo provider database full of legacy quirks, and its answer key");
  cmd->add_option("--people", flags->people, "Young people (identities) to generate, at least 1")
      ->required();
  cmd->add_option("--seed", flags->seed, "Seed: the same seed gives the same files")
      ->capture_default_str();
  cmd->add_option("--cutover", flags->cutover, "Cut-over date, YYYY-MM-DD")->capture_default_str();
  cmd->add_option("--out", flags->out, "SQLite file to create (default provider.db)");
  cmd->add_option("--target", flags->target,
                  "Write into this database URL instead (e.g. postgresql://user@host/db)");
  cmd->add_option("--answer-key", flags->answer_key,
                  "Answer key path (default answer-key.json beside the output)");
  cmd->add_flag("--answer-key-detail", flags->detail,
                "Also write per-person money and cohort CSVs beside the answer key");
  cmd->add_flag("--force", flags->force, "Replace an existing output and answer key");
  return [flags] { return RunGenerate(*flags); };
}

}  // namespace handover::cli
