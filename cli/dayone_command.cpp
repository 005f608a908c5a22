// `handover dayone --target URL --param cutover=YYYY-MM-DD --out DIR`: the
// day-one pack (dayone.json, dayone.html, dayone.xlsx) from a migrated
// council database; reads it, writes nothing to it.
#include <iostream>

#include "cli/command.h"
#include "load/run_setup.h"
#include "reports/day_one_renderers.h"
#include "reports/pseudonym_key.h"
#include "reports/report_files.h"

namespace handover::cli {
namespace {

struct DayOneFlags {
  std::string target, out;
  std::vector<std::string> params;
  bool show_personal_data = false;
};

int RunDayOne(const DayOneFlags& flags) {
  auto params = load::ParseParams(flags.params);
  if (!params.ok()) return ReportError(params.status());
  auto options = reports::DayOneOptionsFrom(*params);
  if (!options.ok()) return ReportError(options.status());
  auto url = db::ConnectionUrl::ParseTarget(flags.target);
  if (!url.ok()) return ReportError(url.status().WithContext("--target"));
  auto target = db::Database::Open(*url, db::OpenMode::kMustExist);
  if (!target.ok()) return ReportError(target.status().WithContext("target"));
  const std::filesystem::path out(flags.out);
  if (core::Status s = reports::EnsurePrivateDirectory(out); !s.ok()) return ReportError(s);
  auto privacy = reports::PrivacyFor(out, flags.show_personal_data);
  if (!privacy.ok()) return ReportError(privacy.status());
  auto figures = reports::ComputeDayOne(**target, *options);
  if (!figures.ok()) return ReportError(figures.status());
  if (core::Status s = reports::WriteDayOnePack(*figures, *privacy, out); !s.ok()) return ReportError(s);
  std::cout << reports::RenderDayOneSummary(*figures, out);
  return int{kExitBalanced};
}

}  // namespace

Runner AddDayOneCommand(CLI::App& app) {
  auto flags = std::make_shared<DayOneFlags>();
  CLI::App* command = app.add_subcommand(
      "dayone", "The day-one pack from a migrated council database: caseloads, reviews due, the first payment run, "
                "balances");
  command->add_option("--target", flags->target, "The council's database, as a handover run left it")->required();
  command->add_option("--param", flags->params,
                      "cutover=YYYY-MM-DD (required) and first_run=YYYY-MM-DD (default: the cut-over)");
  command->add_option("--out", flags->out, "Folder for dayone.json, dayone.html and dayone.xlsx (owner-only)")
      ->required();
  command->add_flag("--show-personal-data", flags->show_personal_data,
                    "Show names and dates of birth in dayone.html and dayone.xlsx (pseudonymised by default)");
  return [flags] { return RunDayOne(*flags); };
}

}  // namespace handover::cli
