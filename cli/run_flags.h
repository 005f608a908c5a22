// The flags every command that reads a source and a target shares, and the
// one call that prepares such a run and prints mapping diagnostics.
#pragma once

#include <CLI/CLI.hpp>

#include "core/status.h"
#include "load/run_setup.h"

namespace handover::cli {

// Declares --source, --target, --mappings and --param on `command`.
void AddRunFlags(CLI::App& command, load::RunInputs& inputs);

// load::PrepareRun, with any mapping diagnostics printed compiler-style to
// stderr before the error is returned.
core::Result<load::PreparedRun> PrepareRunOrPrintDiagnostics(const load::RunInputs& inputs,
                                                             load::SchemaPolicy policy);

}  // namespace handover::cli
