// `handover rehearse`: check the mappings, load the source into an empty
// target, reconcile from both databases, write the reports, print the verdict.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>

#include "cli/command.h"
#include "cli/logging.h"
#include "cli/run_setup.h"
#include "load/load_engine.h"
#include "load/run_record.h"
#include "reports/reconciliation.h"
#include "reports/renderers.h"
#include "reports/report_files.h"

namespace handover::cli {
namespace {

struct RehearseFlags {
  RunFlags run;
  std::string out_dir;
  size_t batch_size = 5000;
  bool show_personal_data = false;
  std::string legacy_system = "provider";
};

// A rehearsal proves itself only on an empty target: counts are then exact.
core::Status RequireEmptyTargets(db::Database& target, const transform::MappingProgram& program) {
  std::set<std::string> tables;
  for (const auto& mapping : program.mappings)
    for (const auto& spec : mapping->targets()) tables.insert(spec.table);
  for (const auto& table : tables) {
    auto rows = target.QueryInt("SELECT count(*) FROM " + target.QuoteIdentifier(table), "inspecting the target");
    if (!rows.ok()) return rows.status();
    if (*rows > 0)
      return core::Status::Error(core::ErrorCode::kConfig, "target table " + table + " already holds " + std::to_string(*rows) +
                                                   " rows; rehearse into an empty council database (a new "
                                                   "sqlite: file, or a freshly created PostgreSQL database)");
  }
  return core::Status::Ok();
}

std::string Parameters(const transform::Params& params) {
  std::string out;
  for (const auto& [name, value] : params) out += (out.empty() ? "" : " ") + name + "=" + value;
  return out;
}

// Pence as pounds for people: 107271660 -> "£1,072,716.60".
std::string Pounds(int64_t pence) {
  const bool negative = pence < 0;
  uint64_t magnitude = negative ? uint64_t{0} - static_cast<uint64_t>(pence) : static_cast<uint64_t>(pence);
  std::string whole = std::to_string(magnitude / 100);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<size_t>(i), ",");
  char fraction[4];
  std::snprintf(fraction, sizeof fraction, "%02u", static_cast<unsigned>(magnitude % 100));
  return std::string(negative ? "-" : "") + "\u00a3" + whole + "." + fraction;
}

void PrintSummary(const reports::Reconciliation& r, const std::filesystem::path& out, double seconds) {
  std::printf("\nRehearsal %lld: %s (%.1f s)\n", static_cast<long long>(r.run_id),
              r.balanced() ? "BALANCED - every source record and penny is accounted for" : "DOES NOT BALANCE",
              seconds);
  std::printf("  %-14s %-16s %9s %9s %9s %9s %9s %14s\n", "mapping", "source table", "source", "loaded", "rejected",
              "excluded", "merged", "pence loaded");
  for (const auto& m : r.mappings) {
    std::printf("  %-14s %-16s %9lld %9lld %9lld %9lld %9lld %14s\n", m.mapping.c_str(), m.source_table.c_str(),
                static_cast<long long>(m.source_rows), static_cast<long long>(m.ledger.loaded),
                static_cast<long long>(m.ledger.rejected), static_cast<long long>(m.ledger.excluded),
                static_cast<long long>(m.ledger.merged),
                m.has_money ? std::to_string(m.ledger_loaded_pence).c_str() : "-");
    for (const auto& d : m.differences) std::printf("    difference: %s\n", d.c_str());
  }
  for (const auto& m : r.mappings) {
    if (!m.has_money) continue;
    const auto& by = m.ledger.pence_by_outcome;
    const auto get = [&by](const char* outcome) {
      const auto it = by.find(outcome);
      return it == by.end() ? int64_t{0} : it->second;
    };
    std::printf("\n  %s money: %s in the source = %s loaded + %s rejected + %s excluded + %s merged\n",
                m.mapping.c_str(), Pounds(m.ledger.source_pence()).c_str(), Pounds(get("loaded")).c_str(),
                Pounds(get("rejected")).c_str(), Pounds(get("excluded")).c_str(), Pounds(get("merged")).c_str());
    if (m.ledger.records_without_amount > 0)
      std::printf("    (%lld records have no readable amount: see exceptions.csv)\n",
                  static_cast<long long>(m.ledger.records_without_amount));
  }
  std::printf("\n  %zu exceptions for the data officers to review\n", r.exceptions.size());
  std::printf("  reports: %s\n", (out / "reconciliation.json").c_str());
  std::printf("           %s\n", (out / "reconciliation.csv").c_str());
  std::printf("           %s\n", (out / "exceptions.csv").c_str());
  std::printf("  log:     %s\n", (out / "handover.log").c_str());
}

int Rehearse(const RehearseFlags& flags, const GlobalOptions& global) {
  const std::filesystem::path out(flags.out_dir);
  if (core::Status s = reports::EnsurePrivateDirectory(out); !s.ok()) return ReportError(s);
  if (core::Status s = StartRunLog(out, global.log_level); !s.ok()) return ReportError(s);

  auto prepared = PrepareRun(flags.run, SchemaPolicy::kCreateInTarget);
  if (!prepared.ok()) return ReportError(prepared.status());
  PreparedRun& run = *prepared;
  const auto fail = [&run](const core::Status& status) {
    run.DiscardCreatedTarget();
    return ReportError(status);
  };
  if (core::Status s = RequireEmptyTargets(*run.target, *run.program); !s.ok()) return fail(s);

  load::LoadOptions options;
  options.batch_size = flags.batch_size;
  options.legacy_system = flags.legacy_system;
  options.run.kind = "rehearsal";
  options.run.source = run.source->url().Masked();
  options.run.parameters = Parameters(run.params);
  auto summary = load::RunLoad(*run.program, *run.source, run.source_catalog, *run.target, options);
  if (!summary.ok()) return fail(summary.status());

  reports::PrivacyOptions privacy;
  privacy.show_personal_data = flags.show_personal_data;
  auto reconciliation = reports::Reconcile(*run.source, *run.target, *run.program, *summary, privacy);
  if (!reconciliation.ok()) return ReportError(reconciliation.status().WithContext("reconciling"));
  const auto& r = *reconciliation;
  for (const auto& [name, text] : {std::pair{"reconciliation.json", reports::RenderJson(r)},
                                   std::pair{"reconciliation.csv", reports::RenderReconciliationCsv(r)},
                                   std::pair{"exceptions.csv", reports::RenderExceptionsCsv(r)}}) {
    if (core::Status s = reports::WritePrivateFile(out / name, text); !s.ok()) return ReportError(s);
  }
  const std::string verdict = r.balanced() ? "balanced" : "unbalanced";
  if (core::Status s = load::CloseRun(*run.target, r.run_id, verdict); !s.ok()) return ReportError(s);
  spdlog::info("run {} {}: {} source rows, {} pence loaded, {} exceptions", r.run_id, verdict,
               r.total_source_rows(), r.total_pence_loaded(), r.exceptions.size());
  PrintSummary(r, out, summary->seconds);
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
