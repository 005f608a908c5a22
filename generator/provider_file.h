// Where a generated provider database goes: a new SQLite file (written to a
// temporary file beside it and renamed into place only when complete, removed
// if the run fails or is interrupted) or an existing database named by URL.
// Refuses to overwrite an output or an answer key unless told to.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"
#include "generator/generator.h"

namespace handover::generator {

struct ProviderOutput {
  std::filesystem::path file;  // the SQLite file to create; empty when `url` is set
  std::string url;             // a database URL to write into instead
  // Answer key path; empty: answer-key.json beside `file` (or in the
  // current folder for a URL).
  std::filesystem::path answer_key;
  bool force = false;  // replace an existing file, answer key or provider tables
};

// The answer key path `output` resolves to.
std::filesystem::path AnswerKeyPath(const ProviderOutput& output);

// Runs GenerateProvider into `output` (options.answer_key_path and
// replace_existing are set from it) and returns where it wrote, fit to print
// (a path, or a masked URL). On failure nothing is left behind: no partial
// file, no answer key, no detail files; kUsage when an output exists and
// `force` is not set, kNotFound when the output's folder is missing.
core::Result<std::string> GenerateProviderTo(const ProviderOutput& output, GeneratorOptions options,
                                             GeneratorSummary* summary);

// The lines `handover generate` prints after a successful run.
std::string DescribeGeneration(const GeneratorOptions& options, const GeneratorSummary& summary,
                               const std::string& where, double seconds);

}  // namespace handover::generator
