// `handover compare BEFORE AFTER`: what changed between two rehearsals (or
// runs), from their report folders: verdicts, figures, statutory figures and
// the worklist (new, resolved, still open). Writes compare.csv,
// compare-exceptions.csv and compare.html (owner-only) into --out, by
// default AFTER.
#include <iostream>

#include "cli/command.h"
#include "load/run_record.h"
#include "reports/comparison_html.h"
#include "reports/rehearsal_comparison.h"
#include "reports/report_files.h"

namespace handover::cli {

Runner AddCompareCommand(CLI::App& app) {
  struct Flags {
    std::string before, after, out, target;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* command = app.add_subcommand(
      "compare", "Compare two rehearsals (or runs) from their report folders: what got better, what got worse");
  command->add_option("before", flags->before, "The earlier rehearsal's report folder (its --out), or a run id with --target")
      ->required();
  command->add_option("after", flags->after, "The later rehearsal's report folder, or a run id with --target")
      ->required();
  command->add_option("--target", flags->target,
                      "Compare two committed runs recorded in this council database: BEFORE and AFTER are run ids");
  command->add_option("--out", flags->out,
                      "Where compare.html, compare.csv and compare-exceptions.csv go (default: AFTER)");
  return [flags] {
    core::Result<reports::RehearsalComparison> comparison = [&]() -> core::Result<reports::RehearsalComparison> {
      if (flags->target.empty()) return reports::CompareReportFolders(flags->before, flags->after);
      int64_t ids[2] = {0, 0};
      for (int i = 0; i < 2; ++i) {
        const std::string& text = i == 0 ? flags->before : flags->after;
        if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 18)
          return core::Status::Error(core::ErrorCode::kUsage,
                                     "with --target, BEFORE and AFTER are run ids ('handover status' lists them), "
                                     "not '" + text + "'");
        ids[i] = std::stoll(text);
      }
      if (flags->out.empty())
        return core::Status::Error(core::ErrorCode::kUsage,
                                   "comparing runs by id needs --out, the folder for compare.html and compare.csv");
      auto url = db::ConnectionUrl::ParseTarget(flags->target);
      if (!url.ok()) return url.status().WithContext("--target");
      auto target = db::Database::Open(*url, db::OpenMode::kMustExist);
      if (!target.ok()) return target.status().WithContext("target");
      return reports::CompareRecordedRuns(**target, ids[0], ids[1]);
    }();
    if (!comparison.ok()) return ReportError(comparison.status());
    const std::filesystem::path out = flags->out.empty() ? flags->after : flags->out;
    if (core::Status s = reports::EnsurePrivateDirectory(out); !s.ok()) return ReportError(s);
    if (core::Status s = reports::WritePrivateFile(out / "compare.csv", reports::RenderComparisonCsv(*comparison));
        !s.ok())
      return ReportError(s);
    if (core::Status s = reports::WritePrivateFile(out / "compare-exceptions.csv",
                                                   reports::RenderExceptionChangesCsv(*comparison));
        !s.ok())
      return ReportError(s);
    if (core::Status s = reports::WritePrivateFile(
            out / "compare.html", reports::RenderComparisonHtml(*comparison, load::UtcTimestamp()));
        !s.ok())
      return ReportError(s);
    std::cout << reports::RenderComparisonSummary(*comparison);
    std::cout << "  written: " << (out / "compare.html").string() << "\n           "
              << (out / "compare.csv").string() << "\n           " << (out / "compare-exceptions.csv").string()
              << "\n";
    return int{kExitBalanced};
  };
}

}  // namespace handover::cli
