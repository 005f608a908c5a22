#include "generator/provider_file.h"

#include <signal.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <vector>

#include "core/private_file.h"
#include "db/connection_url.h"
#include "db/database.h"
#include "db/writable_target.h"

namespace handover::generator {
namespace {

namespace fs = std::filesystem;

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

fs::path DetailFile(const fs::path& key, const char* suffix) {
  return key.parent_path() / (key.stem().string() + suffix);
}

constexpr std::array<const char*, 2> kDetailSuffixes = {"-money.csv", "-cohort.csv"};

}  // namespace

fs::path AnswerKeyPath(const ProviderOutput& output) {
  if (!output.answer_key.empty()) return output.answer_key;
  if (output.url.empty()) return output.file.parent_path() / "answer-key.json";
  return "answer-key.json";
}

core::Result<std::string> GenerateProviderTo(const ProviderOutput& output, GeneratorOptions options,
                                             GeneratorSummary* summary) {
  const bool to_file = output.url.empty();
  const fs::path key_path = AnswerKeyPath(output);
  std::error_code ec;
  if (to_file && fs::is_directory(output.file, ec))
    return core::Status::Error(core::ErrorCode::kUsage, "--out " + output.file.string() +
                                                            " is a folder; give a file path such as " +
                                                            (output.file / "provider.db").string());
  if (to_file && fs::exists(output.file, ec) && !output.force)
    return core::Status::Error(core::ErrorCode::kUsage,
                               "--out " + output.file.string() +
                                   " already exists: choose another path or add --force to replace it");
  if (fs::exists(key_path, ec) && !output.force)
    return core::Status::Error(core::ErrorCode::kUsage,
                               "answer key " + key_path.string() +
                                   " already exists: pass --answer-key PATH or add --force to replace it");
  const fs::path folder = to_file ? output.file.parent_path() : fs::path();
  if (to_file && !folder.empty() && !fs::is_directory(folder, ec))
    return core::Status::Error(core::ErrorCode::kNotFound,
                               "--out " + output.file.string() + ": folder " + folder.string() +
                                   " does not exist; create it first");

  const fs::path temp =
      to_file ? folder / ("." + output.file.filename().string() + ".tmp" + std::to_string(::getpid()))
              : fs::path();
  if (to_file) {
    // Made here, owner-only, so that an unwritable folder is reported as
    // such and not through the temporary file's name.
    auto fd = core::CreatePrivateFile(temp);
    if (!fd.ok())
      return core::Status::Error(core::ErrorCode::kIo, "cannot write --out " + output.file.string() + ": the folder " +
                                                           (folder.empty() ? fs::path(".") : folder).string() +
                                                           " is not writable; choose a folder you may write");
    ::close(*fd);
  }
  std::vector<fs::path> partial;
  if (to_file) partial.push_back(temp);
  if (options.answer_key_detail)
    for (const char* suffix : kDetailSuffixes) partial.push_back(DetailFile(key_path, suffix));
  PartialFileGuard guard(partial);
  auto url = db::ConnectionUrl::ParseTarget(to_file ? "sqlite:" + temp.string() : output.url);
  if (!url.ok()) return url.status().WithContext("--target");
  auto db = db::Database::Open(*url, db::OpenMode::kCreateIfMissing);
  if (!db.ok()) {
    if (to_file) fs::remove(temp, ec);
    return db.status();
  }
  HANDOVER_RETURN_IF_ERROR(db::CheckWritableTarget(**db, db::TargetUse::kProvider));

  options.answer_key_path = key_path;
  options.replace_existing = output.force && !to_file;
  core::Status status = GenerateProvider(options, **db, summary);
  if (to_file) {
    db->reset();  // close before the rename (or the removal)
    if (!status.ok()) fs::remove(temp, ec);
    if (status.ok()) {
      fs::rename(temp, output.file, ec);
      if (ec) {
        fs::remove(temp, ec);
        fs::remove(key_path, ec);
        status = core::Status::Error(core::ErrorCode::kIo, "cannot move the new database into place at " +
                                                               output.file.string() + ": " + ec.message());
      }
    }
  }
  if (!status.ok()) {
    if (options.answer_key_detail)
      for (const char* suffix : kDetailSuffixes) fs::remove(DetailFile(key_path, suffix), ec);
    return status;
  }
  return to_file ? output.file.string() : url->Masked();
}

std::string DescribeGeneration(const GeneratorOptions& options, const GeneratorSummary& summary,
                               const std::string& where, double seconds) {
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.1f", seconds);
  std::string text = "generated " + where + " in " + elapsed + " s\n  people: " +
                     std::to_string(options.people) + " identities, " +
                     std::to_string(summary.people_after_deduplication) +
                     " after de-duplication (seed " + std::to_string(options.seed) + ", cut-over " +
                     options.cutover.ToIso() + ")\n  rows:";
  int64_t total = 0;
  for (const auto& [table, rows] : summary.rows_per_table) {
    text += " " + table + " " + std::to_string(rows) + ";";
    total += rows;
  }
  text += " total " + std::to_string(total) + "\n  answer key: " +
          options.answer_key_path.string() + " (owner-only)\n";
  return text;
}

}  // namespace handover::generator
