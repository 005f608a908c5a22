#include "cli/run_flags.h"

#include <iostream>

namespace handover::cli {

void AddRunFlags(CLI::App& command, load::RunInputs& inputs) {
  command.add_option("--source", inputs.source_url,
                     "The provider's database: sqlite:FILE, postgresql://..., odbc:...")
      ->required();
  command.add_option("--target", inputs.target_url,
                     "The council's database (created if an SQLite file is missing)")
      ->required();
  command.add_option("--mappings", inputs.mappings_dir,
                     "The mapping set folder (*.map files and code sets)")
      ->required();
  command.add_option("--param", inputs.params,
                     "A run parameter used by the mappings, name=value (repeatable)");
  command.add_option_function<std::string>(
             "--unread-columns",
             [&inputs](const std::string& what) { inputs.unread_columns_are_errors = what == "error"; },
             "A source column no mapping reads and no 'ignore column' names: warn (the default) or error")
      ->check(CLI::IsMember({"warn", "error"}));
}

core::Result<load::PreparedRun> PrepareRunOrPrintDiagnostics(const load::RunInputs& inputs,
                                                             load::SchemaPolicy policy) {
  std::vector<transform::Diagnostic> diagnostics;
  auto prepared = load::PrepareRun(inputs, policy, diagnostics);
  if (!diagnostics.empty()) std::cerr << transform::FormatDiagnostics(diagnostics);
  if (prepared.ok() && !prepared->warnings.empty())
    std::cerr << transform::FormatDiagnostics(prepared->warnings, "warning");
  return prepared;
}

}  // namespace handover::cli
