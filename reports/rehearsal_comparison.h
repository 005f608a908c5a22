// RehearsalComparison: what changed between two rehearsals (or runs), read
// from their report folders: the figures per mapping, the statutory figures,
// the verdict, and the worklist's exceptions, new, resolved and still open
// (matched by mapping, legacy reference and reason code). This is what the
// weekly migration board reads: did rehearsal N get better than N-1?
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "db/database.h"

namespace handover::reports {

// One figure before and after ("payment", "rejected", 360, 412).
struct FigureChange {
  std::string mapping;  // "" for run-wide figures (OC3, totals)
  std::string figure;
  std::string before, after;  // as reported ("72.1", "360"; "" when absent)
  bool changed() const { return before != after; }
};

// A worklist line that appeared or went away.
struct ExceptionChange {
  bool is_new = false;  // false: resolved
  std::string mapping, legacy_key, reason_code, reason;
};

// The sign-off verdict of each rehearsal, as the board reads it first:
// "GO" / "NO-GO" ("?" when a report has no verdict), and the reasons the
// later rehearsal gave for a NO-GO (reconciliation.json's signoff.reasons).
struct VerdictChange {
  std::string before, after;
  std::vector<std::string> after_reasons;
  bool changed() const { return before != after; }
};

// Everything that moved between two rehearsals, and what did not.
struct RehearsalComparison {
  std::string before_label, after_label;  // "rehearsal 3 (demo/rehearsal-3)"
  VerdictChange verdict;
  std::vector<FigureChange> figures;
  std::vector<ExceptionChange> exceptions;  // new first, then resolved, each in file order
  // "mapping:reason_code" -> count
  std::map<std::string, int64_t> new_by_reason, resolved_by_reason;
  int64_t still_open = 0;
};

// Reads reconciliation.json and exceptions.csv of both folders. A folder
// without them, or a file that does not parse, is a one-line error naming it.
core::Result<RehearsalComparison> CompareReportFolders(const std::filesystem::path& before,
                                                       const std::filesystem::path& after);

// The same for two committed runs recorded in one target (migration_report
// and migration_exception). A run with no recorded reconciliation (a
// rehearsal, a run older than the table, one that failed) is a one-line
// error naming it.
core::Result<RehearsalComparison> CompareRecordedRuns(db::Database& target, int64_t before, int64_t after);

// The terminal summary: the verdict change first ("Verdict: GO -> NO-GO"),
// then each figure that changed, then the exceptions new / resolved / still
// open by reason.
std::string RenderComparisonSummary(const RehearsalComparison& comparison);

// compare.csv: the verdict row first (figure "verdict", before and after as
// GO / NO-GO), then one row per figure (changed or not);
// compare-exceptions.csv: one row per new or resolved worklist line.
std::string RenderComparisonCsv(const RehearsalComparison& comparison);
std::string RenderExceptionChangesCsv(const RehearsalComparison& comparison);

}  // namespace handover::reports
