// `handover check`: parse the mapping set and check it against the real source
// and target schemas, reporting every problem at once. Writes nothing.
#include <iostream>

#include "cli/command.h"
#include "cli/run_flags.h"
#include "cli/run_reconciliation.h"
#include "load/run_record.h"

namespace handover::cli {

Runner AddCheckCommand(CLI::App& app, const GlobalOptions&) {
  auto flags = std::make_shared<load::RunInputs>();
  CLI::App* command = app.add_subcommand(
      "check", "Check the mappings against the source and target schemas without moving any data");
  AddRunFlags(*command, *flags);
  return [flags] {
    auto prepared = PrepareRunOrPrintDiagnostics(*flags, load::SchemaPolicy::kCheckInMemory);
    if (!prepared.ok()) return ReportError(prepared.status());
    // The measures and sign-off rules a rehearsal would read, checked too.
    auto measures = LoadMeasuresOrPrintDiagnostics(*prepared, flags->mappings_dir);
    if (!measures.ok()) return ReportError(measures.status());
    if (auto rules = reports::ReadVerdictRules(flags->mappings_dir); !rules.ok()) return ReportError(rules.status());
    size_t targets = 0;
    for (const auto& mapping : prepared->program->mappings) targets += mapping->targets().size();
    std::cout << "mappings in " << flags->mappings_dir << " check: " << prepared->program->mappings.size()
              << " mappings, " << targets << " targets, load order:";
    for (const auto& mapping : prepared->program->mappings) std::cout << " " << mapping->name();
    std::cout << "\n";
    if (measures->program)
      std::cout << "measures check: " << measures->money.size() << " of money, for " << measures->money_targets.size()
                << " mappings in reconcile.json; "
                << (measures->has_oc3() ? "the OC3 inputs" : "no statutory figures") << "\n";
    // A half-finished run must never pass for a usable target.
    if (const std::string note = load::UnfinishedRunNote(*prepared->target); !note.empty()) {
      std::cerr << "handover: warning: the mappings check, but " << note << "; this target is not a finished migration\n";
      return int{kExitUnbalanced};
    }
    return int{kExitBalanced};
  };
}

}  // namespace handover::cli
