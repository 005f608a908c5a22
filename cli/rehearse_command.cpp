// `handover rehearse`: the whole pipeline against the real target, then the
// target is left exactly as it was (see pipeline.h).
#include "cli/command.h"
#include "cli/pipeline.h"

namespace handover::cli {

Runner AddRehearseCommand(CLI::App& app, const GlobalOptions& global) {
  auto flags = std::make_shared<PipelineFlags>();
  CLI::App* command = app.add_subcommand(
      "rehearse",
      "Check, migrate, reconcile and report against the target, then roll it all back: the target is left as it was");
  AddPipelineFlags(*command, *flags);
  return [flags, &global] { return RunPipeline(*flags, PipelineMode::kRehearsal, global); };
}

}  // namespace handover::cli
