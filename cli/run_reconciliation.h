// What rehearse, run and reconcile share once the data has moved: the
// measures read before anything moves, and reconciling a run from both
// databases into its verdict and its reports.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/status.h"
#include "load/load_engine.h"
#include "load/run_setup.h"
#include "reports/measures.h"
#include "reports/reconciliation.h"
#include "reports/verdict.h"

namespace handover::cli {

// Reads and checks the mapping set's measures (reports/measures.h),
// printing every problem of a measure file to standard error.
core::Result<reports::Measures> LoadMeasuresOrPrintDiagnostics(load::PreparedRun& run, const std::string& mappings_dir);

// How to reconcile and where the reports go.
struct ReconcileSettings {
  std::string run_kind = "rehearsal";  // or "run"
  std::string legacy_system = "provider";
  size_t batch_size = 5000;
  reports::PrivacyOptions privacy;
  std::filesystem::path out;
};

// What reconciling a run gave.
struct ReconcileOutcome {
  core::Status status;  // the first failure, if any
  bool recorded = false;  // `record` ran and succeeded (a later failure is the reports')
  std::optional<reports::Reconciliation> reconciliation;
  double reconcile_seconds = 0, report_seconds = 0;
};

// Reconciles run summary.run_id (counts, money three ways, OC3 on both
// sides when the run has a cutover parameter), decides the verdict with
// `rules`, calls `record` (rehearse and run close the run's row there), then
// writes the reports into settings.out.
ReconcileOutcome ReconcileAndReport(load::PreparedRun& run, const load::LoadSummary& summary,
                                    const reports::Measures& measures, const reports::VerdictRules& rules,
                                    const ReconcileSettings& settings,
                                    const std::function<core::Status(const reports::Reconciliation&)>& record);

}  // namespace handover::cli
