// `handover rehearse`: being built (see the open issues); reports so and exits 2.
#include "cli/command.h"

namespace handover::cli {

Runner AddRehearseCommand(CLI::App& app, const GlobalOptions&) {
  app.add_subcommand("rehearse", "(not available in this build)");
  return [] {
    return ReportError(Status::Error(ErrorCode::kUsage, "'rehearse' is not available in this build"));
  };
}

}  // namespace handover::cli
