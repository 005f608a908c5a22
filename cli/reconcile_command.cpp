// `handover reconcile --run ID`: reconciles a committed run again, from the
// source, the target and the run's ledger, and writes its reports afresh
// (after a sign-off rule or a measure changed, or for another folder).
// Writes nothing to either database: the run's record is left as it is.
#include <iostream>

#include "cli/command.h"
#include "cli/logging.h"
#include "cli/run_flags.h"
#include "cli/run_reconciliation.h"
#include "load/run_progress.h"
#include "load/run_record.h"
#include "load/source_fingerprint.h"
#include "reports/pseudonym_key.h"
#include "reports/renderers.h"
#include "reports/report_files.h"

namespace handover::cli {
namespace {

struct ReconcileFlags {
  load::RunInputs run;
  int64_t run_id = 0;
  std::string out_dir;
  size_t batch_size = 5000;
  std::string legacy_system = "provider";
  bool show_personal_data = false;
};

core::Status Refuse(const std::string& why) { return core::Status::Error(core::ErrorCode::kConfig, why); }

// The recorded run, if it is one reconcile can prove: committed, finished,
// made with these mappings from this very source.
core::Result<load::RunRow> FindRun(load::PreparedRun& run, const ReconcileFlags& flags) {
  const std::string target = run.target->url().Masked();
  auto runs = load::ListRuns(*run.target);
  if (!runs.ok()) return runs.status();
  const load::RunRow* found = nullptr;
  for (const load::RunRow& row : *runs)
    if (row.run_id == flags.run_id) found = &row;
  const std::string id = std::to_string(flags.run_id);
  if (!found)
    return Refuse("run " + id + " is not recorded in " + target + "; 'handover status --target ...' lists the runs");
  if (found->kind != "run")
    return Refuse("run " + id + " was a rehearsal: everything it did was rolled back, so there is nothing to "
                  "reconcile; rehearse again, or reconcile a committed run");
  if (found->unfinished())
    return Refuse("run " + id + " " + found->State() + "; finish it first with 'handover run' (same mappings, "
                  "source and parameters), then reconcile it");
  if (found->mappings_hash != run.program->content_hash)
    return Refuse("run " + id + " was made with other mappings (hash " + found->mappings_hash + ", these are " +
                  run.program->content_hash + "); point --mappings at the mapping set the run used");
  auto fingerprint = load::FingerprintSource(*run.source, run.source_catalog, *run.program, flags.batch_size);
  if (!fingerprint.ok()) return fingerprint.status();
  if (*fingerprint != found->source_fingerprint)
    return Refuse("the source changed since run " + id + " read it (fingerprint " + found->source_fingerprint +
                  ", now " + *fingerprint + "); reconciling would report differences the run did not make. "
                  "Reconcile against the source as the run read it, or load the changes with 'handover run --delta'");
  return *found;
}

int Reconcile(const ReconcileFlags& flags, const GlobalOptions& global) {
  const std::filesystem::path out(flags.out_dir);
  if (core::Status s = reports::EnsurePrivateDirectory(out); !s.ok()) return ReportError(s);
  if (core::Status s = StartRunLog(out, global.log_level); !s.ok()) return ReportError(s);
  auto privacy = reports::PrivacyFor(out, flags.show_personal_data);
  if (!privacy.ok()) return ReportError(privacy.status());
  auto rules = reports::ReadVerdictRules(flags.run.mappings_dir);
  if (!rules.ok()) return ReportError(rules.status());
  // A missing target file holds no run (and is not created).
  if (auto url = db::ConnectionUrl::Parse(flags.run.target_url);
      url.ok() && !url->sqlite_path().empty() && !std::filesystem::exists(url->sqlite_path()))
    return ReportError(core::Status::Error(core::ErrorCode::kNotFound, "the target " + url->Masked() +
                                                                           " does not exist, so it holds no run to "
                                                                           "reconcile; check --target"));
  auto prepared = PrepareRunOrPrintDiagnostics(flags.run, load::SchemaPolicy::kCheckInMemory);
  if (!prepared.ok()) return ReportError(prepared.status());
  load::PreparedRun& run = *prepared;
  auto row = FindRun(run, flags);
  if (!row.ok()) return ReportError(row.status());
  auto measures = LoadMeasuresOrPrintDiagnostics(run, flags.run.mappings_dir);
  if (!measures.ok()) return ReportError(measures.status());

  // The run's own tallies, as its ledger and progress record them.
  load::LoadSummary summary;
  summary.run_id = row->run_id;
  summary.base_run_id = row->base_run_id;
  for (const auto& mapping : run.program->mappings) {
    auto progress = load::ReadProgress(*run.target, row->run_id, *mapping);
    if (!progress.ok()) return ReportError(progress.status());
    summary.mappings.push_back(std::move(progress->counts));
  }
  ReconcileSettings settings;
  settings.run_kind = "run";
  settings.legacy_system = flags.legacy_system;
  settings.batch_size = flags.batch_size;
  settings.privacy = *privacy;
  settings.out = out;
  ReconcileOutcome reconciled = ReconcileAndReport(
      run, summary, *measures, *rules, settings, [](const reports::Reconciliation&) { return core::Status::Ok(); });
  if (!reconciled.status.ok()) return ReportError(reconciled.status);
  const reports::Reconciliation& r = *reconciled.reconciliation;
  std::cout << reports::RenderConsoleSummary(r, out, reconciled.reconcile_seconds + reconciled.report_seconds,
                                             *privacy);
  std::cout << "  reconciled run " << r.run_id << " again; " << run.target->url().Masked() << " was not changed\n";
  return r.verdict.go ? kExitBalanced : kExitUnbalanced;
}

}  // namespace

Runner AddReconcileCommand(CLI::App& app, const GlobalOptions& global) {
  auto flags = std::make_shared<ReconcileFlags>();
  CLI::App* command = app.add_subcommand(
      "reconcile", "Reconcile a committed run again from the databases and write its reports; changes nothing");
  AddRunFlags(*command, flags->run);
  command->add_option("--run", flags->run_id, "The run to reconcile ('handover status' lists them)")
      ->required()
      ->check(CLI::PositiveNumber);
  command->add_option("--out", flags->out_dir, "Folder for the reports and the log (created, owner-only)")->required();
  command->add_option("--batch-size", flags->batch_size, "Source rows per batch")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  command->add_option("--legacy-system", flags->legacy_system, "Name of the provider system in the crosswalk")
      ->capture_default_str();
  command->add_flag("--show-personal-data", flags->show_personal_data,
                    "Include names, dates of birth and free text in the worklist (pseudonymised by default)");
  return [flags, &global] { return Reconcile(*flags, global); };
}

}  // namespace handover::cli
