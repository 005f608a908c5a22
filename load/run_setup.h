// RunSetup: what every command that reads a source and a target does before
// any data moves: parse the URLs and --param values, open both databases,
// make sure the target has its council schema, introspect both, and check the
// mapping set against them.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/schema.h"
#include "core/status.h"
#include "db/database.h"
#include "load/target_schema.h"
#include "transform/diagnostic.h"
#include "transform/check_mappings.h"
#include "transform/mapping_program.h"

namespace handover::load {

// What the user named: URLs, the mapping set folder, "name=value" params.
struct RunInputs {
  std::string source_url;
  std::string target_url;
  std::string mappings_dir;
  std::vector<std::string> params;
  // A rehearsal: everything PrepareRun and the load do to the target happens
  // inside one transaction (opened here) that the caller rolls back.
  bool rehearsal = false;
  // Source columns no mapping reads and no `ignore column` names stop the
  // run instead of being warned about.
  bool unread_columns_are_errors = false;
};

// The opened databases and the checked program.
struct PreparedRun {
  std::unique_ptr<db::Database> source;
  std::unique_ptr<db::Database> target;
  // The source's tables, plus one pseudo-table per source query of the
  // mappings ("query:<mapping>.<alias>", TableSchema::query set).
  core::Catalog source_catalog;
  core::Catalog target_catalog;
  transform::Params params;
  std::unique_ptr<transform::MappingProgram> program;
  // What the check found that does not stop the run (unread source columns).
  std::vector<transform::Diagnostic> warnings;
  // Removes the target file if this run created it (call on failure).
  void DiscardCreatedTarget();
};

// "name=value" items as parameters; fails (kUsage) on an item without a
// name or '=', or a name given twice.
core::Result<transform::Params> ParseParams(const std::vector<std::string>& items);

// Opens and checks everything. When the mappings do not check, returns a
// kConfig Status saying how many problems there are and fills `diagnostics`
// with every one of them for the caller to print. Any target file created
// here is removed again on failure. With kCheckInMemory nothing is written:
// a target SQLite file that does not exist yet is checked against the
// mapping set's schema in memory.
core::Result<PreparedRun> PrepareRun(const RunInputs& inputs, SchemaPolicy policy,
                                     std::vector<transform::Diagnostic>& diagnostics);

}  // namespace handover::load
