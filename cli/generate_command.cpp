// `handover generate`: being built (see the open issues); reports so and exits 2.
#include "cli/command.h"

namespace handover::cli {

Runner AddGenerateCommand(CLI::App& app) {
  app.add_subcommand("generate", "(not available in this build)");
  return [] {
    return ReportError(Status::Error(ErrorCode::kUsage, "'generate' is not available in this build"));
  };
}

}  // namespace handover::cli
