// `handover generate`: writes a demo provider database (SQLite file or a
// database URL) and the answer key a correct migration must match.
#include <chrono>
#include <iostream>

#include "cli/command.h"
#include "generator/provider_file.h"

namespace handover::cli {
namespace {

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

core::Result<core::Date> ParseCutover(const std::string& text) {
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      text.find_first_not_of("0123456789-") == std::string::npos;
  if (!shaped)
    return core::Status::Error(core::ErrorCode::kUsage,
                               "--cutover '" + text +
                                   "' is not a date: write it as YYYY-MM-DD, e.g. --cutover 2018-10-01");
  auto date = core::Date::ParseIso(text);
  if (!date)
    return core::Status::Error(core::ErrorCode::kUsage,
                               "--cutover " + text +
                                   " is not a real calendar date: check the day and month, e.g. "
                                   "--cutover 2018-10-01");
  return *date;
}

int RunGenerate(const GenerateFlags& flags) {
  auto cutover = ParseCutover(flags.cutover);
  if (!cutover.ok()) return ReportError(cutover.status());
  if (flags.people <= 0)
    return ReportError(core::Status::Error(
        core::ErrorCode::kUsage, "--people must be at least 1 (got " + std::to_string(flags.people) + ")"));
  if (!flags.out.empty() && !flags.target.empty())
    return ReportError(core::Status::Error(core::ErrorCode::kUsage,
                                           "give either --out FILE (SQLite) or --target URL, not both"));
  generator::ProviderOutput output;
  output.url = flags.target;
  if (flags.target.empty()) output.file = flags.out.empty() ? "provider.db" : flags.out;
  output.answer_key = flags.answer_key;
  output.force = flags.force;

  generator::GeneratorOptions options;
  options.people = flags.people;
  options.seed = flags.seed;
  options.cutover = *cutover;
  options.answer_key_detail = flags.detail;
  options.answer_key_path = generator::AnswerKeyPath(output);
  generator::GeneratorSummary summary;
  const auto started = std::chrono::steady_clock::now();
  auto where = generator::GenerateProviderTo(output, options, &summary);
  if (!where.ok()) return ReportError(where.status());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << generator::DescribeGeneration(options, summary, *where, seconds);
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
      ->check(CLI::Validator(
          [](std::string& text) {
            return !text.empty() && text.size() <= 19 && text.find_first_not_of("0123456789") == std::string::npos
                       ? std::string()
                       : "'" + text + "' is not a seed: give a whole number, 0 or more";
          },
          "SEED"))
      ->capture_default_str();
  cmd->add_option("--cutover", flags->cutover, "Cut-over date, YYYY-MM-DD")->capture_default_str();
  cmd->add_option("--out", flags->out, "SQLite file to create (default provider.db)");
  cmd->add_option("--target", flags->target,
                  "Write into this database URL instead (e.g. postgresql://user@host/db or mysql://user@host/db)");
  cmd->add_option("--answer-key", flags->answer_key,
                  "Answer key path (default answer-key.json beside the output)");
  cmd->add_flag("--answer-key-detail", flags->detail,
                "Also write per-person money and cohort CSVs beside the answer key");
  cmd->add_flag("--force", flags->force, "Replace an existing output and answer key");
  return [flags] { return RunGenerate(*flags); };
}

}  // namespace handover::cli
