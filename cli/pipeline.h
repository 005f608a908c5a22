// The pipeline `rehearse` and `run` share: check the mappings, load the
// source into the target, reconcile from both databases, write the reports,
// print the verdict. A rehearsal does it all inside one transaction that is
// rolled back, so the target is left exactly as it was; a run commits batch
// by batch and is recorded in the target.
#pragma once

#include <string>

#include "cli/command.h"
#include "load/run_setup.h"

namespace handover::cli {

enum class PipelineMode { kRehearsal, kCommittedRun };

struct PipelineFlags {
  load::RunInputs run;
  std::string out_dir;
  size_t batch_size = 5000;
  bool show_personal_data = false;
  std::string legacy_system = "provider";
  bool allow_empty = false;
  bool delta = false;
  bool keep_existing_rows = false;  // --existing-rows keep  // load (or rehearse) only what changed since the latest run
  int64_t max_target_rejects = -1;  // -1: 0 for mappings with money, no limit otherwise
};

// Declares the flags both subcommands take.
void AddPipelineFlags(CLI::App& command, PipelineFlags& flags);

// Runs the pipeline; returns the process exit code.
int RunPipeline(const PipelineFlags& flags, PipelineMode mode, const GlobalOptions& global);

}  // namespace handover::cli
