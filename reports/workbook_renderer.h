// workbook.xlsx: a run's reconciliation and worklist as a workbook a data
// officer sorts, filters and works through. Sheets: Summary (the verdict
// first, the run, one row per mapping, the scope), Exceptions (one row per
// worklist line: mapping, source table, source row, legacy reference,
// outcome, column, value seen, reason code, explanation, suggested action,
// and empty status / owner / note columns to fill in),
// Money by mapping (pence by outcome and by reason) and, when the run has
// them, Statutory figures (OC3). Every sheet has a bold, frozen header row,
// an autofilter over its table and columns as wide as their content.
//
// Written with libxlsxwriter in constant-memory mode: rows go to temporary
// files in the report folder as they are written, so memory stays flat
// however long the worklist is. Strings are always written as strings,
// never as formulas.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "core/status.h"
#include "reports/reconciliation.h"

namespace handover::reports {

// Streams a run's worklist: calls `each` once per exception, in order, and
// returns what reading them returned (ForEachException over the target).
using ExceptionStream = std::function<core::Status(const std::function<void(const ExceptionRow&)>& each)>;

struct WorkbookOptions {
  // Data rows on one Exceptions sheet; past it the list goes on in
  // "Exceptions 2", "Exceptions 3"... Excel's limit is 1,048,576 rows, the
  // header included; tests lower it.
  int64_t exception_rows_per_sheet = 1048575;
  // The worklist shows personal data (--show-personal-data): the Summary
  // sheet opens with kPersonalDataNotice.
  bool shows_personal_data = false;
};

// Writes the workbook to `path`: created owner-only (0600, whatever the
// umask) as <path>.partial, synced and renamed to `path` only when complete,
// so a reader sees the whole workbook or none. On failure the partial file is
// removed and the Status names the file and the reason (libxlsxwriter's
// error, or the failure `exceptions` returned).
core::Status WriteWorkbook(const std::filesystem::path& path, const Reconciliation& reconciliation,
                           const ExceptionStream& exceptions, const WorkbookOptions& options = {});

}  // namespace handover::reports
