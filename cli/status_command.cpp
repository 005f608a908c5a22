// `handover status --target URL`: the runs recorded in a council database,
// their outcomes, and whether the latest one did not finish. Writes nothing.
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "load/run_record.h"

namespace handover::cli {
namespace {

int ShowStatus(const std::string& target_url) {
  auto url = db::ConnectionUrl::ParseTarget(target_url);
  if (!url.ok()) return ReportError(url.status().WithContext("--target"));
  auto target = db::Database::Open(*url, db::OpenMode::kMustExist);
  if (!target.ok()) return ReportError(target.status().WithContext("target"));
  auto runs = load::ListRuns(**target);
  if (!runs.ok()) return ReportError(runs.status());
  if (runs->empty()) {
    std::cout << "no handover runs are recorded in " << url->Masked() << "\n";
    return kExitBalanced;
  }
  std::cout << "runs recorded in " << url->Masked() << ":\n";
  char line[256];
  std::snprintf(line, sizeof line, "  %-4s %-9s %-21s %-21s %12s  %s\n", "run", "kind", "started", "finished",
                "records", "outcome");
  std::cout << line;
  for (const load::RunRow& run : *runs) {
    std::snprintf(line, sizeof line, "  %-4lld %-9s %-21s %-21s %12lld  %s\n", static_cast<long long>(run.run_id),
                  run.base_run_id > 0 ? "delta" : run.kind.c_str(), run.started_at.c_str(), run.finished_at.empty() ? "-" : run.finished_at.c_str(),
                  static_cast<long long>(run.ledger_lines), run.State().c_str());
    std::cout << line;
  }
  const load::RunRow& last = runs->back();
  if (last.unfinished()) {
    std::cout << "state: " << load::UnfinishedRunNote(**target)
              << ". Those records are committed and the rest are not: do not use this database as a finished "
                 "migration. To finish it, give 'handover run' the same mappings, source and parameters again: it resumes "
                 "where this run stopped.\n";
    return kExitUnbalanced;
  }
  std::cout << "state: the latest run, " << last.run_id << ", finished " << last.outcome << ".\n";
  return last.outcome == "balanced" ? kExitBalanced : kExitUnbalanced;
}

}  // namespace

Runner AddStatusCommand(CLI::App& app) {
  auto target = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("status", "List the runs recorded in a council database and their state");
  command->add_option("--target", *target, "The council's database")->required();
  return [target] { return ShowStatus(*target); };
}

}  // namespace handover::cli
