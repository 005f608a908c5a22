// Renderers: one function per report format, each a pure function from a
// Reconciliation (or one worklist row) to the file's text (report.html has
// its own header, html_renderer.h). Writing the files is report_files.h's job.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "reports/reconciliation.h"

namespace handover::reports {

// reconciliation.json: the figures, differences and verdict, for machines
// and for comparing rehearsals.
std::string RenderJson(const Reconciliation& reconciliation);
// The same on one line, every non-ASCII character escaped (\uXXXX): what a
// committed run keeps in the target, safe for any driver's text handling.
std::string RenderCompactAsciiJson(const Reconciliation& reconciliation);

// reconciliation.csv: one row per mapping and target table, for a spreadsheet.
std::string RenderReconciliationCsv(const Reconciliation& reconciliation);

// exceptions.csv: the data officer's worklist, one row per problem record,
// rendered row by row (the worklist is streamed, see exception_list.h).
// Columns: mapping, source_table, source_row, legacy_reference, outcome,
// column, value_seen, reason_code, explanation (reason_codes.h's
// Explanation), suggested_action, and status, owner and note, left empty
// for the data officer.
std::string ExceptionsCsvHeader();
void AppendExceptionsCsvRow(std::string& out, const ExceptionRow& exception);

// The terminal summary a rehearsal prints: verdict, per-mapping figures, the
// money equation in pounds and pence, and where the files in `out` are; its
// first line is kPersonalDataNotice when `privacy` shows personal data.
std::string RenderConsoleSummary(const Reconciliation& reconciliation,
                                 const std::filesystem::path& out, double seconds,
                                 const PrivacyOptions& privacy = {});


// A CSV field: quoted when needed; a leading = + - @ is neutralised so a
// spreadsheet never runs a value as a formula.
std::string CsvField(const std::string& value);

}  // namespace handover::reports
