// `handover check`: being built (see the open issues); reports so and exits 2.
#include "cli/command.h"

namespace handover::cli {

Runner AddCheckCommand(CLI::App& app, const GlobalOptions&) {
  app.add_subcommand("check", "(not available in this build)");
  return [] {
    return ReportError(Status::Error(ErrorCode::kUsage, "'check' is not available in this build"));
  };
}

}  // namespace handover::cli
