// `handover rehearse`: check the mappings, load the source into an empty
// target, reconcile from both databases, write the reports, print the verdict.
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "core/interrupt.h"
#include "core/within_folder.h"
#include "cli/logging.h"
#include "cli/run_flags.h"
#include "load/load_engine.h"
#include "load/run_record.h"
#include "load/target_schema.h"
#include "reports/reconciliation.h"
#include "reports/renderers.h"
#include "reports/report_files.h"

namespace handover::cli {
namespace {

struct RehearseFlags {
  load::RunInputs run;
  std::string out_dir;
  size_t batch_size = 5000;
  bool show_personal_data = false;
  std::string legacy_system = "provider";
};

std::string Parameters(const transform::Params& params) {
  std::string out;
  for (const auto& [name, value] : params) out += (out.empty() ? "" : " ") + name + "=" + value;
  return out;
}

int Rehearse(const RehearseFlags& flags, const GlobalOptions& global) {
  core::InstallInterruptHandler();
  const std::filesystem::path out(flags.out_dir);
  if (core::IsWithinFolder(flags.run.mappings_dir, out) ||
      core::IsWithinFolder(flags.run.mappings_dir, out / "x"))
    return ReportError(core::Status::Error(
        core::ErrorCode::kUsage, "--out " + flags.out_dir + " is inside the mappings folder " +
                                     flags.run.mappings_dir +
                                     ": the next run would read its reports as code sets; choose a folder outside it"));
  if (core::Status s = reports::EnsurePrivateDirectory(out); !s.ok()) return ReportError(s);
  if (core::Status s = StartRunLog(out, global.log_level); !s.ok()) return ReportError(s);

  auto prepared = PrepareRunOrPrintDiagnostics(flags.run, load::SchemaPolicy::kCreateInTarget);
  if (!prepared.ok()) return ReportError(prepared.status());
  load::PreparedRun& run = *prepared;
  const auto fail = [&run](const core::Status& status) {
    run.DiscardCreatedTarget();
    return ReportError(status);
  };
  if (core::Status s = load::RequireEmptyTargets(*run.target, *run.program); !s.ok()) return fail(s);
  if (core::InterruptRequested())
    return fail(core::Status::Error(core::ErrorCode::kInterrupted, std::string("stopped by ") +
                                                                       core::InterruptSignalName() +
                                                                       " before any data moved; no record was loaded"));

  load::LoadOptions options;
  options.batch_size = flags.batch_size;
  options.legacy_system = flags.legacy_system;
  options.run.kind = "rehearsal";
  options.run.source = run.source->url().Masked();
  options.run.parameters = Parameters(run.params);
  auto summary = load::RunLoad(*run.program, *run.source, run.source_catalog, *run.target, options);
  if (!summary.ok() && summary.status().code() == core::ErrorCode::kInterrupted)
    return ReportError(core::Status::Error(
        core::ErrorCode::kInterrupted, summary.status().message() + " " + run.target->url().Masked() +
                                           "; to start again, rehearse into an empty target"));
  if (!summary.ok()) return fail(summary.status());

  reports::PrivacyOptions privacy;
  privacy.show_personal_data = flags.show_personal_data;
  auto reconciliation = reports::Reconcile(*run.source, *run.target, *run.program, *summary, privacy);
  if (!reconciliation.ok()) return ReportError(reconciliation.status().WithContext("reconciling"));
  const auto& r = *reconciliation;
  if (core::Status s = reports::WriteRunReports(r, out); !s.ok()) return ReportError(s);
  const std::string verdict = r.balanced() ? "balanced" : "unbalanced";
  if (core::Status s = load::CloseRun(*run.target, r.run_id, verdict); !s.ok()) return ReportError(s);
  spdlog::info("run {} {}: {} source rows, {} pence loaded, {} exceptions", r.run_id, verdict,
               r.total_source_rows(), r.total_pence_loaded(), r.exceptions.size());
  std::cout << reports::RenderConsoleSummary(r, out, summary->seconds);
  return r.balanced() ? kExitBalanced : kExitUnbalanced;
}

}  // namespace

Runner AddRehearseCommand(CLI::App& app, const GlobalOptions& global) {
  auto flags = std::make_shared<RehearseFlags>();
  CLI::App* command = app.add_subcommand(
      "rehearse", "Check the mappings, migrate the source into an empty target, reconcile and write the reports");
  AddRunFlags(*command, flags->run);
  command->add_option("--out", flags->out_dir, "Folder for the reports and the log (created, owner-only)")
      ->required();
  command->add_option("--batch-size", flags->batch_size, "Source rows per batch and per transaction")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  command->add_option("--legacy-system", flags->legacy_system, "Name of the provider system in the crosswalk")
      ->capture_default_str();
  command->add_flag("--show-personal-data", flags->show_personal_data,
                    "Include names and dates of birth in the exception values (withheld by default)");
  return [flags, &global] { return Rehearse(*flags, global); };
}

}  // namespace handover::cli
