// The day-one pack's files (docs/dayone.md): dayone.json for machines and
// for the test that compares it with the answer key, dayone.html for team
// managers (one printable section per Personal Adviser), dayone.xlsx for
// finance and data officers. Each renderer is a pure function of the figures
// except the workbook, which libxlsxwriter writes to a file by name.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"
#include "reports/day_one.h"
#include "reports/reconciliation.h"

namespace handover::reports {

// A young person as the pack's page and sheets show them: name and date of
// birth as the council holds them with --show-personal-data, else each as
// its keyed pseudonym (the same text as the worklist gives the same value).
struct ShownPerson {
  std::string name, date_of_birth;
};
ShownPerson ShowPerson(const DayOneFigures& figures, const std::string& legacy_ref, const PrivacyOptions& privacy);

// What a case's review needs at the cut-over: "overdue", "due within 4
// weeks", "due within 8 weeks", "no current plan" or "".
std::string ReviewStatus(const Caseload& caseload, const std::vector<std::string>& without_plan,
                         const std::string& legacy_ref);
// The case's current plan review date, "YYYY-MM-DD", or "" when none.
std::string ReviewDue(const DayOneFigures& figures, const std::string& legacy_ref);

// dayone.json: the figures, legacy references only (no names or dates of
// birth), under the answer key's `day_one` names, in a fixed order.
std::string RenderDayOneJson(const DayOneFigures& figures);

// dayone.html: a self-contained page stamped with `generated_at`; names and
// dates of birth pseudonymised unless privacy.show_personal_data.
std::string RenderDayOneHtml(const DayOneFigures& figures, const PrivacyOptions& privacy,
                             const std::string& generated_at);

// dayone.xlsx at `path` (owner-only, whole or not at all): sheets Caseloads,
// Reviews, First payment run, Balances, each with a frozen header and a filter.
core::Status WriteDayOneWorkbook(const DayOneFigures& figures, const PrivacyOptions& privacy,
                                 const std::filesystem::path& path);

// The terminal's few lines: the headline figures and where the files are.
std::string RenderDayOneSummary(const DayOneFigures& figures, const std::filesystem::path& dir);

// The three files into `dir` (created owner-only), each mode 0600.
core::Status WriteDayOnePack(const DayOneFigures& figures, const PrivacyOptions& privacy,
                             const std::filesystem::path& dir);

}  // namespace handover::reports
