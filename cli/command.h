// The subcommand table. Each subcommand lives in its own <name>_command.cpp
// and provides one Add<Name>Command function that declares its flags on the
// CLI11 app and returns the function that runs it once flags are parsed.
// Runners return the process exit code (see ExitCode) and report errors
// themselves, once, through ReportError.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "core/status.h"

namespace handover::cli {

// Exit codes shared by every subcommand.
enum ExitCode : int {
  kExitBalanced = 0,    // ran, and everything reconciles
  kExitUnbalanced = 1,  // ran, but the figures do not balance (or a check found problems in data)
  kExitError = 2,       // usage, connection or configuration error: nothing was written
  kExitInterrupted = 130,  // stopped by SIGINT or SIGTERM at a safe point (128 + SIGINT, as shells do)
};

using Runner = std::function<int()>;

// Options every subcommand shares, filled before the runner is called.
struct GlobalOptions {
  std::string log_level = "info";
};

// Prints "handover: error: <message>" on stderr (and to the log) and returns
// kExitError; for an interruption prints "handover: interrupted: <message>"
// and returns kExitInterrupted.
int ReportError(const core::Status& status);

Runner AddVersionCommand(CLI::App& app);
Runner AddGenerateCommand(CLI::App& app);
Runner AddRehearseCommand(CLI::App& app, const GlobalOptions& global);
Runner AddRunCommand(CLI::App& app, const GlobalOptions& global);
Runner AddStatusCommand(CLI::App& app);
Runner AddCheckCommand(CLI::App& app, const GlobalOptions& global);
Runner AddCompareCommand(CLI::App& app);
Runner AddReconcileCommand(CLI::App& app, const GlobalOptions& global);
Runner AddProfileCommand(CLI::App& app);
Runner AddScaffoldCommand(CLI::App& app);
Runner AddDayOneCommand(CLI::App& app);

}  // namespace handover::cli
