// The workbook's sheets: Sheet writes one worksheet top to bottom in
// libxlsxwriter's constant-memory mode, and one function fills each sheet
// but the worklist's. Internal to workbook_renderer.cpp and
// workbook_sheets.cpp; the public face is workbook_renderer.h.
#pragma once

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "reports/money_text.h"
#include "reports/reconciliation.h"

namespace handover::reports::xlsx {

constexpr double kMaxWidth = 60;  // characters: a longer value is read in its cell, not across the screen
constexpr int64_t kExactInDouble = int64_t{1} << 53;

// Text as a cell can hold it (valid UTF-8 XML; see workbook_sheet.cpp).
std::string CellText(std::string_view in);
// Characters, not bytes: what a column's width is counted in.
size_t Characters(std::string_view utf8);
std::string Join(const std::vector<std::string>& items);

struct Formats {
  lxw_format* header;
  lxw_format* money;    // £1,234.56
  lxw_format* percent;  // 72.1 (percent of the cohort, as the JSON has it)
};

// One worksheet written top to bottom. In constant-memory mode a row is
// final once a later one is written, so cells go strictly in order. Keeps the
// first error (later writes are skipped), each column's widest content and
// the extent of the sheet's one table (header row to last data row).
class Sheet {
 public:
  Sheet(lxw_worksheet* sheet, std::string name, const Formats& formats)
      : sheet_(sheet), name_(std::move(name)), formats_(formats) {}

  void EndRow() { ++row_; }

  // A bold header row at the current row, which starts the table: Finish
  // freezes the rows down to it, EndTable filters from it.
  void Header(std::initializer_list<const char*> names) {
    header_row_ = row_;
    columns_ = static_cast<lxw_col_t>(names.size());
    lxw_col_t col = 0;
    for (const char* name : names) {
      // The filter's drop-down button takes about two characters.
      Widen(col, Characters(name) + 2);
      Check(worksheet_write_string(sheet_, row_, col, name, formats_.header), col);
      ++col;
    }
    EndRow();
  }
  // Ends the table at the last row written (rows after it are notes) and
  // filters it now: in constant-memory mode a range may not end in a row
  // already flushed, which the next row written would do.
  void EndTable() {
    if (filtered_ || !status_.ok()) return;
    filtered_ = true;
    const lxw_row_t last = std::max(row_ > 0 ? row_ - 1 : 0, header_row_);
    if (columns_ > 0) Check(worksheet_autofilter(sheet_, header_row_, 0, last, columns_ - 1), last, 0);
  }

  void Text(lxw_col_t col, std::string_view text, lxw_format* format = nullptr) {
    if (!status_.ok() || text.empty()) return;
    const std::string cell = CellText(text);
    Widen(col, Characters(cell));
    // worksheet_write_string stores a string cell: "=HYPERLINK(...)" stays
    // text, never a formula.
    Check(worksheet_write_string(sheet_, row_, col, cell.c_str(), format), col);
  }
  void Count(lxw_col_t col, int64_t n) {
    if (!status_.ok()) return;
    Widen(col, std::to_string(n).size());
    Check(worksheet_write_number(sheet_, row_, col, static_cast<double>(n), nullptr), col);
  }
  // Pence as pounds in a currency cell. The amount stays in integer pence up
  // to here; the one conversion to a double is the division: pence below 2^53
  // are exact as a double and IEEE division rounds correctly, so the cell holds
  // the double nearest the exact amount, the one Excel holds for it typed in.
  void Money(lxw_col_t col, int64_t pence) {
    if (!status_.ok()) return;
    const std::string shown = Pounds(pence);
    if (pence <= -kExactInDouble || pence >= kExactInDouble) return Text(col, shown);  // no double holds it exactly
    Widen(col, Characters(shown));
    Check(worksheet_write_number(sheet_, row_, col, static_cast<double>(pence) / 100.0, formats_.money), col);
  }
  // A percentage as the figures state it, rounded already ("72.1").
  void Percent(lxw_col_t col, const std::string& tenths) {
    if (!status_.ok()) return;
    Widen(col, tenths.size());
    Check(worksheet_write_number(sheet_, row_, col, std::strtod(tenths.c_str(), nullptr), formats_.percent), col);
  }

  // Freezes the header row, filters the table, sets the column widths, and
  // returns the first error.
  core::Status Finish() {
    EndTable();
    if (!status_.ok()) return status_;
    worksheet_freeze_panes(sheet_, header_row_ + 1, 0);
    for (lxw_col_t col = 0; col < widths_.size() && status_.ok(); ++col)
      Check(worksheet_set_column(sheet_, col, col, std::min(kMaxWidth, widths_[col] + 1), nullptr), 0, col);
    return status_;
  }

 private:
  void Widen(lxw_col_t col, size_t chars) {
    if (widths_.size() <= col) widths_.resize(col + 1, 0);
    widths_[col] = std::max(widths_[col], static_cast<double>(chars));
  }
  void Check(lxw_error error, lxw_col_t col) { Check(error, row_, col); }
  void Check(lxw_error error, lxw_row_t row, lxw_col_t col) {
    if (error == LXW_NO_ERROR || !status_.ok()) return;
    char cell[16];
    lxw_rowcol_to_cell(cell, row, col);
    status_ = core::Status::Error(core::ErrorCode::kIo,
                                  "sheet " + name_ + ", cell " + cell + ": " + lxw_strerror(error));
  }

  lxw_worksheet* sheet_;
  std::string name_;
  Formats formats_;
  lxw_row_t row_ = 0;
  lxw_row_t header_row_ = 0;
  lxw_col_t columns_ = 0;
  bool filtered_ = false;
  std::vector<double> widths_;
  core::Status status_;
};

// The sheets: Summary (the verdict and figures first), Money by mapping, Money
// by person (every person of each mapping reconcile.json declares), and the
// Statutory figures (migrated, and the source's where measured).
void WriteSummary(Sheet& s, const Reconciliation& r, const Formats& formats, bool shows_personal_data);
void WriteMoney(Sheet& s, const Reconciliation& r);
void WriteMoneyByPerson(Sheet& s, const Reconciliation& r);
void WriteStatutory(Sheet& s, const Reconciliation& r);

}  // namespace handover::reports::xlsx
