#include "cli/run_reconciliation.h"

#include <chrono>
#include <iostream>
#include <set>

#include "db/source_query.h"
#include "reports/oc3_figures.h"
#include "reports/report_files.h"

namespace handover::cli {
namespace {

// The run's scope: the source tables some mapping reads, those left out on
// purpose, and those no mapping reads.
void DescribeScope(const load::PreparedRun& run, reports::Reconciliation& r) {
  std::set<std::string> read, ignored;
  for (const auto& mapping : run.program->mappings) {
    (mapping->ignored() ? ignored : read).insert(mapping->source_table());
    for (const auto& lookup : mapping->lookups()) read.insert(lookup.table);
  }
  for (const auto& [table, schema] : run.source_catalog.tables)
    if (schema.query.empty())  // a source query is no table of the source's
      (read.count(table)      ? r.source_tables_read
       : ignored.count(table) ? r.source_tables_ignored
                              : r.source_tables_not_read)
          .push_back(table);
}

core::Status Reconcile(load::PreparedRun& run, const load::LoadSummary& summary, const reports::Measures& measures,
                       const ReconcileSettings& settings, reports::Reconciliation& r) {
  HANDOVER_RETURN_IF_ERROR(run.target->RefreshStatistics("updating the target's statistics before reconciling"));
  auto reconciled = reports::Reconcile(*run.source, *run.target, *run.program, summary);
  if (!reconciled.ok()) return reconciled.status().WithContext("reconciling");
  r = std::move(*reconciled);
  r.run_kind = settings.run_kind;
  if (auto cutover = run.params.find("cutover");
      cutover != run.params.end() && reports::HasOc3Tables(run.target_catalog)) {
    if (const auto at = core::Date::ParseIso(cutover->second)) {
      auto oc3 = reports::ComputeOc3(*run.target, *at);
      if (!oc3.ok()) return oc3.status().WithContext("computing the OC3 figures");
      r.oc3 = std::move(*oc3);
    }
  }
  return reports::ReconcileWithMeasures(r, *run.source, run.source_catalog, *run.target, measures,
                                        settings.legacy_system, settings.batch_size);
}

}  // namespace

core::Result<reports::Measures> LoadMeasuresOrPrintDiagnostics(load::PreparedRun& run, const std::string& mappings_dir) {
  std::vector<transform::Diagnostic> problems;
  db::Database& source = *run.source;
  auto measures = reports::LoadMeasures(
      mappings_dir, run.source_catalog, run.target_catalog, *run.program, run.params,
      [&source](const std::string& name, const std::string& sql) { return db::DescribeQuery(source, name, sql); },
      problems);
  if (!problems.empty()) std::cerr << transform::FormatDiagnostics(problems);
  return measures;
}

ReconcileOutcome ReconcileAndReport(load::PreparedRun& run, const load::LoadSummary& summary,
                                    const reports::Measures& measures, const reports::VerdictRules& rules,
                                    const ReconcileSettings& settings,
                                    const std::function<core::Status(const reports::Reconciliation&)>& record) {
  ReconcileOutcome outcome;
  reports::Reconciliation r;
  {
    load::StageClock clock(outcome.reconcile_seconds);
    outcome.status = Reconcile(run, summary, measures, settings, r);
  }
  if (!outcome.status.ok()) return outcome;
  DescribeScope(run, r);
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  r.verdict = reports::DecideVerdict(r, rules, core::Date{static_cast<int32_t>(today.time_since_epoch().count())});
  outcome.status = record(r);
  if (!outcome.status.ok()) return outcome;
  outcome.recorded = true;
  {
    load::StageClock clock(outcome.report_seconds);
    outcome.status = reports::WriteRunReports(r, *run.target, settings.privacy, settings.out);
  }
  outcome.reconciliation = std::move(r);
  return outcome;
}

}  // namespace handover::cli
