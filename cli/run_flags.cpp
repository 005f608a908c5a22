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
}

core::Result<load::PreparedRun> PrepareRunOrPrintDiagnostics(const load::RunInputs& inputs,
                                                             load::SchemaPolicy policy) {
  std::vector<transform::Diagnostic> diagnostics;
  auto prepared = load::PrepareRun(inputs, policy, diagnostics);
  if (!diagnostics.empty()) std::cerr << transform::FormatDiagnostics(diagnostics);
  return prepared;
}

}  // namespace handover::cli
