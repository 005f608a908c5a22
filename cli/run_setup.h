// RunSetup: what `check` and `rehearse` share before any data moves: parse
// the URLs, open source and target, make sure the target has its schema,
// introspect both, and check the mapping set against them.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "db/database.h"
#include "core/schema.h"
#include "core/status.h"
#include "transform/mapping_program.h"

namespace handover::cli {

// Flags common to the subcommands that read a source and a target.
struct RunFlags {
  std::string source_url;
  std::string target_url;
  std::string mappings_dir;
  std::vector<std::string> params;  // "name=value"
};

// The opened databases and the checked program.
struct PreparedRun {
  std::unique_ptr<db::Database> source;
  std::unique_ptr<db::Database> target;
  core::Catalog source_catalog;
  core::Catalog target_catalog;
  transform::Params params;
  std::unique_ptr<transform::MappingProgram> program;
  // Removes the target file if this run created it (call on failure).
  void DiscardCreatedTarget();
};

// Declares --source, --target, --mappings and --param on `command`.
void AddRunFlags(CLI::App& command, RunFlags& flags);

// What PrepareRun may do to an empty target.
enum class SchemaPolicy {
  kCreateInTarget,  // rehearse: create the mapping set's council schema in it
  kCheckInMemory,   // check: never write; check against the schema file loaded into memory
};

// Opens and checks everything. On mapping errors, prints the diagnostics
// compiler-style to stderr and returns a kConfig Status saying how many.
// Any target file created here is removed again on failure.
core::Result<PreparedRun> PrepareRun(const RunFlags& flags, SchemaPolicy policy);

}  // namespace handover::cli
