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
    std::string before, after, out;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* command = app.add_subcommand(
      "compare", "Compare two rehearsals (or runs) from their report folders: what got better, what got worse");
  command->add_option("before", flags->before, "The earlier rehearsal's report folder (its --out)")->required();
  command->add_option("after", flags->after, "The later rehearsal's report folder")->required();
  command->add_option("--out", flags->out,
                      "Where compare.html, compare.csv and compare-exceptions.csv go (default: AFTER)");
  return [flags] {
    auto comparison = reports::CompareReportFolders(flags->before, flags->after);
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
