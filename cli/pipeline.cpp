#include "cli/pipeline.h"


#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/logging.h"
#include "cli/progress_meter.h"
#include "cli/run_flags.h"
#include "cli/run_reconciliation.h"
#include "core/interrupt.h"
#include "core/within_folder.h"
#include "load/keys_set_aside.h"
#include "load/load_engine.h"
#include "load/run_decision.h"
#include "load/source_fingerprint.h"
#include "load/run_record.h"
#include "load/target_schema.h"
#include "reports/day_one_renderers.h"
#include "reports/pseudonym_key.h"
#include "reports/reconciliation.h"
#include "reports/renderers.h"
#include "reports/report_files.h"

namespace handover::cli {
namespace {

std::string Parameters(const transform::Params& params) {
  std::string out;
  for (const auto& [name, value] : params) out += (out.empty() ? "" : " ") + name + "=" + value;
  return out;
}

core::Status Interrupted(const std::string& what) {
  return core::Status::Error(core::ErrorCode::kInterrupted,
                             std::string("stopped by ") + core::InterruptSignalName() + " " + what);
}

}  // namespace

void AddPipelineFlags(CLI::App& command, PipelineFlags& flags) {
  AddRunFlags(command, flags.run);
  command.add_option("--out", flags.out_dir, "Folder for the reports and the log (created, owner-only)")
      ->required();
  command.add_option("--batch-size", flags.batch_size, "Source rows per batch and per transaction")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  command.add_option("--legacy-system", flags.legacy_system, "Name of the provider system in the crosswalk")
      ->capture_default_str();
  command.add_option("--max-target-rejects", flags.max_target_rejects,
                     "Rows the target may refuse per mapping before the run stops (default: 0 for mappings that "
                     "carry money, no limit for the others)")
      ->check(CLI::Range(int64_t{0}, int64_t{1000000000}));
  command.add_flag("--delta", flags.delta,
                   "After a committed run: load only the source records that are new or changed since, and report "
                   "those no longer in the source (never deleted)");
  command.add_option_function<std::string>(
          "--existing-rows", [&flags](const std::string& how) { flags.keep_existing_rows = how == "keep"; },
          "Rows already in the council tables that no handover run wrote: refuse (the default) or keep them (left "
          "untouched, counted apart, council ids above theirs)")
      ->check(CLI::IsMember({"refuse", "keep"}));
  command.add_flag("--allow-empty", flags.allow_empty,
                   "Accept a source whose mapped tables hold no rows (otherwise the run fails)");
  command.add_flag("--show-personal-data", flags.show_personal_data,
                   "Include names, dates of birth and free text in the worklist (by default each such value is "
                   "replaced by a keyed pseudonym, see HANDOVER_PSEUDONYM_KEY); the reports then say so at the top");
}

int RunPipeline(const PipelineFlags& flags, PipelineMode mode, const GlobalOptions& global) {
  const auto started = std::chrono::steady_clock::now();
  core::InstallInterruptHandler();
  const bool rehearsal = mode == PipelineMode::kRehearsal;
  const std::filesystem::path out(flags.out_dir);
  if (core::IsWithinFolder(flags.run.mappings_dir, out) || core::IsWithinFolder(flags.run.mappings_dir, out / "x"))
    return ReportError(core::Status::Error(
        core::ErrorCode::kUsage, "--out " + flags.out_dir + " is inside the mappings folder " +
                                     flags.run.mappings_dir +
                                     ": the next run would read its reports as code sets; choose a folder outside it"));
  if (core::Status s = reports::EnsurePrivateDirectory(out); !s.ok()) return ReportError(s);
  if (core::Status s = StartRunLog(out, global.log_level); !s.ok()) return ReportError(s);
  // The pseudonym key is read (or made, once per report folder) before
  // anything moves: a damaged key file stops here.
  auto privacy_for_out = reports::PrivacyFor(out, flags.show_personal_data);
  if (!privacy_for_out.ok()) return ReportError(privacy_for_out.status());
  const reports::PrivacyOptions privacy = std::move(*privacy_for_out);
  // The sign-off rules are read before anything moves: a bad file stops here.
  auto signoff = reports::ReadVerdictRules(flags.run.mappings_dir);
  if (!signoff.ok()) return ReportError(signoff.status());

  // A committed run with a cut-over writes the day-one pack too: its
  // parameters are checked before anything moves.
  std::optional<reports::DayOneOptions> day_one;
  if (!rehearsal) {
    auto params = load::ParseParams(flags.run.params);
    if (!params.ok()) return ReportError(params.status());
    if (params->count("cutover")) {
      auto options = reports::DayOneOptionsFrom(*params);
      if (!options.ok()) return ReportError(options.status());
      day_one = *options;
    }
  }

  load::RunInputs inputs = flags.run;
  inputs.rehearsal = rehearsal;
  auto prepared = PrepareRunOrPrintDiagnostics(inputs, load::SchemaPolicy::kCreateInTarget);
  if (!prepared.ok()) return ReportError(prepared.status());
  load::PreparedRun& run = *prepared;
  const std::string target_name = run.target->url().Masked();
  // Ends a rehearsal: everything it did to the target is rolled back, and a
  // target file it created is removed again.
  const auto undo_rehearsal = [&run, rehearsal] {
    if (!rehearsal) return;
    run.target->Rollback();
    run.DiscardCreatedTarget();
  };
  // Before any data moved: a target file this command created goes again.
  const auto fail = [&](const core::Status& status) {
    if (rehearsal) run.target->Rollback();
    run.DiscardCreatedTarget();
    return ReportError(status);
  };
  // So are the measures reconciliation reads the source with.
  auto measures = LoadMeasuresOrPrintDiagnostics(run, flags.run.mappings_dir);
  if (!measures.ok()) return fail(measures.status());
  load::LoadOptions options;
  options.batch_size = flags.batch_size;
  options.legacy_system = flags.legacy_system;
  options.allow_empty = flags.allow_empty;
  options.max_target_rejects_money = flags.max_target_rejects >= 0 ? flags.max_target_rejects : 0;
  options.max_target_rejects_other = flags.max_target_rejects;
  options.run.kind = rehearsal ? "rehearsal" : "run";
  options.run.source = run.source->url().Masked();
  options.run.parameters = Parameters(run.params);
  options.run.mappings_hash = run.program->content_hash;
  if (!rehearsal) {
    // A run knows what it read, so that running again can tell an unchanged
    // source (nothing to do), resume an unfinished run, load a delta, or refuse.
    auto fingerprint = load::FingerprintSource(*run.source, run.source_catalog, *run.program, flags.batch_size);
    if (!fingerprint.ok()) return fail(fingerprint.status());
    options.run.source_fingerprint = *fingerprint;
  }
  // Keys a run that stopped left set aside are built again before anything
  // reads the target, whatever is decided.
  if (core::Status restored = load::RestoreKeysLeftSetAside(*run.target); !restored.ok()) return fail(restored);
  auto decision = rehearsal ? load::DecideRehearsal(*run.target, options.run, flags.delta)
                            : load::DecideRun(*run.target, options.run, flags.delta);
  if (!decision.ok()) return fail(decision.status());
  const load::RunRow& previous = decision->previous;
  switch (decision->kind) {
    case load::RunDecision::Kind::kUpToDate:
      std::cout << "nothing to do: run " << previous.run_id << " already migrated this source, unchanged since (same "
                << "mappings, parameters and source fingerprint " << previous.source_fingerprint << "); "
                << target_name << " was not changed\n";
      spdlog::info("run {} is up to date; nothing changed", previous.run_id);
      return previous.outcome == "balanced" ? kExitBalanced : kExitUnbalanced;
    case load::RunDecision::Kind::kResume:
      options.resume_run_id = previous.run_id;
      options.delta_base_run_id = previous.base_run_id;
      std::cout << "resuming run " << previous.run_id << ", which " << previous.State() << ": "
                << previous.ledger_lines << " source records are already committed\n";
      spdlog::info("resuming run {} ({} records committed)", previous.run_id, previous.ledger_lines);
      break;
    case load::RunDecision::Kind::kDelta:
      options.delta_base_run_id = previous.run_id;
      std::cout << (rehearsal ? "rehearsing" : "loading") << " what changed in the source since run "
                << previous.run_id << " (" << previous.ledger_lines << " source records)\n";
      spdlog::info("delta on run {}", previous.run_id);
      break;
    case load::RunDecision::Kind::kNewRun:
      break;
  }
  {
    // Rows no run of ours wrote: refused, or kept as the user says.
    const int64_t ours = options.resume_run_id > 0 ? options.resume_run_id : options.delta_base_run_id;
    load::ExistingRows accepted;
    if (ours > 0) {
      auto read = load::ReadExistingRows(*run.target, ours);
      if (!read.ok()) return fail(read.status());
      accepted = std::move(*read);
    }
    auto checked = load::CheckExistingRows(*run.target, *run.program, ours, std::move(accepted),
                                           flags.keep_existing_rows);
    if (!checked.ok()) return fail(checked.status());
    options.existing = std::move(*checked);
    for (const auto& [table, rows] : options.existing)
      if (ours == 0 && rows.rows > 0) std::cout << "keeping the " << rows.rows << " rows " << table << " already holds\n";
  }
  if (core::InterruptRequested()) return fail(Interrupted("before any data moved; no record was loaded"));

  std::optional<ProgressMeter> meter;
  load::ProgressFn progress;
  if (ProgressMeter::Wanted()) {
    meter.emplace(*run.source, *run.program);
    progress = [&meter](const std::string& mapping, int64_t rows) { meter->Update(mapping, rows); };
  }
  auto summary = load::RunLoad(*run.program, *run.source, run.source_catalog, *run.target, options, progress);
  meter.reset();
  if (!summary.ok() && summary.status().code() == core::ErrorCode::kInterrupted) {
    undo_rehearsal();
    return ReportError(core::Status::Error(
        core::ErrorCode::kInterrupted,
        summary.status().message() + " " + target_name +
            (rehearsal ? "; the rehearsal was rolled back, so the target is as it was"
                       : "; to finish it, run again with the same mappings, source and parameters: it resumes "
                         "where it stopped")));
  }
  if (!summary.ok()) {
    undo_rehearsal();
    return ReportError(summary.status());
  }

  spdlog::info("reconciling {} {}", options.run.kind, summary->run_id);
  ReconcileSettings settings;
  settings.run_kind = options.run.kind;
  settings.legacy_system = flags.legacy_system;
  settings.batch_size = flags.batch_size;
  settings.privacy = privacy;
  settings.out = out;
  ReconcileOutcome reconciled = ReconcileAndReport(
      run, *summary, *measures, *signoff, settings, [&](const reports::Reconciliation& r) {
        // A committed run keeps its reconciliation, for `compare` by run id.
        if (!rehearsal)
          HANDOVER_RETURN_IF_ERROR(load::RecordRunReport(*run.target, r.run_id, reports::RenderCompactAsciiJson(r)));
        return load::CloseRun(*run.target, r.run_id, r.balanced() ? "balanced" : "unbalanced");
      });
  spdlog::info("stages: extract {:.2f} s, transform {:.2f} s, load {:.2f} s, reconcile {:.2f} s, reports {:.2f} s",
               summary->stages.extract, summary->stages.transform, summary->stages.load,
               reconciled.reconcile_seconds, reconciled.report_seconds);
  if (!reconciled.status.ok()) {
    if (!rehearsal && !reconciled.recorded) (void)load::CloseRun(*run.target, summary->run_id, "failed");
    undo_rehearsal();
    return ReportError(reconciled.status);
  }
  undo_rehearsal();
  const reports::Reconciliation& r = *reconciled.reconciliation;
  const std::string verdict = r.balanced() ? "balanced" : "unbalanced";
  spdlog::info("{} {} {}: {} source rows, {} pence loaded, {} exceptions{}", options.run.kind, r.run_id, verdict,
               r.total_source_rows(), r.total_pence_loaded(), r.exception_count,
               rehearsal ? "; rolled back, the target is as it was" : "; committed");
  // The whole command's time, checks, reconciliation and reports included.
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << reports::RenderConsoleSummary(r, out, seconds, privacy);
  std::cout << (rehearsal ? "  rehearsal rolled back: " + target_name + " is exactly as it was\n"
                          : "  run committed to " + target_name + "\n");
  if (day_one) {
    auto figures = reports::ComputeDayOne(*run.target, *day_one);
    core::Status written = figures.ok() ? reports::WriteDayOnePack(*figures, privacy, out) : figures.status();
    if (!written.ok()) return ReportError(written.WithContext("the run is committed; writing the day-one pack"));
    std::cout << "  day-one pack: " << (out / "dayone.html").string() << "  (dayone.json, dayone.xlsx beside it)\n";
  }
  return r.verdict.go ? kExitBalanced : kExitUnbalanced;
}

}  // namespace handover::cli
