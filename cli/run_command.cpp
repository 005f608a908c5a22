// `handover run`: the whole pipeline, committed batch by batch and recorded
// as a run in the target (see pipeline.h).
#include "cli/command.h"
#include "cli/pipeline.h"

namespace handover::cli {

Runner AddRunCommand(CLI::App& app, const GlobalOptions& global) {
  auto flags = std::make_shared<PipelineFlags>();
  CLI::App* command = app.add_subcommand(
      "run", "Check, migrate into an empty target and commit, reconcile and report; recorded as a run in the target");
  AddPipelineFlags(*command, *flags);
  return [flags, &global] { return RunPipeline(*flags, PipelineMode::kCommittedRun, global); };
}

}  // namespace handover::cli
