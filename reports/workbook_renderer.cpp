#include "reports/workbook_renderer.h"

#include "reports/money_text.h"
#include "reports/reason_codes.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/private_file.h"
#include "reports/renderers.h"

namespace handover::reports {
namespace {

constexpr double kMaxWidth = 60;  // characters: a longer value is read in its cell, not across the screen
constexpr int64_t kExactInDouble = int64_t{1} << 53;

// "_x0041_": how OOXML escapes a character in text, decoded by Excel.
bool IsXmlEscape(std::string_view text) {
  if (text.size() < 7 || text[1] != 'x' || text[6] != '_') return false;
  return std::all_of(text.begin() + 2, text.begin() + 6,
                     [](char h) { return std::isxdigit(static_cast<unsigned char>(h)) != 0; });
}

// Text as a cell can hold it. The XML inside the file must be valid UTF-8:
// a byte that is not part of a valid sequence is written as \xHH, and so are
// control bytes (as CsvField writes them), so a legacy latin-1 value can never
// make the whole workbook unreadable; and text that reads as an escape keeps
// its meaning.
std::string CellText(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    const auto c = static_cast<unsigned char>(in[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    bool valid = n > 0 && i + n <= in.size();
    uint32_t code = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
    for (size_t k = 1; valid && k < n; ++k) {
      const auto next = static_cast<unsigned char>(in[i + k]);
      valid = (next & 0xc0) == 0x80;
      code = (code << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    static constexpr uint32_t kLeast[] = {0, 0, 0x80, 0x800, 0x10000};
    if (valid && (code < kLeast[n] || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff)) valid = false;
    if (valid && n == 1 && ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)) valid = false;
    if (valid && c == '_' && IsXmlEscape(in.substr(i))) {
      out += "_x005F_";  // Excel reads "_x0041_" as "A": its underscore escaped, it stays as it was
      ++i;
    } else if (valid) {
      out.append(in.substr(i, n));
      i += n;
    } else {
      char escaped[5];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
      out += escaped;
      ++i;
    }
  }
  return out;
}

// Characters, not bytes: what a column's width is counted in.
size_t Characters(std::string_view utf8) {
  return static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xc0) != 0x80; }));
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

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

void WriteSummary(Sheet& s, const Reconciliation& r, const Formats& formats, bool shows_personal_data) {
  const auto line = [&s](const char* label, const std::string& value) {
    s.Text(0, label);
    s.Text(1, value);
    s.EndRow();
  };
  if (shows_personal_data) {
    s.Text(0, kPersonalDataNotice, formats.header);
    s.EndRow();
  }
  // The verdict first, bold, and each reason on its own row.
  s.Text(0, "verdict");
  s.Text(1, r.verdict.go ? "GO" : "NO-GO", formats.header);
  s.EndRow();
  for (const auto& reason : r.verdict.reasons) line("reason", reason);
  s.Text(0, "run");
  s.Count(1, r.run_id);
  s.EndRow();
  line("kind", r.run_kind);
  if (r.base_run_id > 0) {
    s.Text(0, "delta on run");
    s.Count(1, r.base_run_id);
    s.EndRow();
  }
  line("source", r.source);
  line("target", r.target);
  line("mappings hash", r.mappings_hash);
  s.EndRow();
  s.Header({"mapping", "source table", "source rows", "loaded", "rejected", "excluded", "merged", "pence loaded (£)",
            "balanced", "differences"});
  for (const auto& m : r.mappings) {
    s.Text(0, m.mapping);
    s.Text(1, m.source_table);
    s.Count(2, m.source_rows);
    s.Count(3, m.ledger.loaded);
    s.Count(4, m.ledger.rejected);
    s.Count(5, m.ledger.excluded);
    s.Count(6, m.ledger.merged);
    if (m.has_money) s.Money(7, m.ledger_loaded_pence);
    s.Text(8, m.balanced() ? "yes" : "no");
    std::string differences;
    for (const auto& d : m.differences) differences += (differences.empty() ? "" : "; ") + d;
    s.Text(9, differences);
    s.EndRow();
  }
  s.EndTable();
  s.EndRow();
  line("source tables read", Join(r.source_tables_read));
  line("source tables left out on purpose", Join(r.source_tables_ignored));
  line("source tables no mapping reads", Join(r.source_tables_not_read));
}

void WriteMoney(Sheet& s, const Reconciliation& r) {
  s.Header({"mapping", "breakdown", "outcome", "reason", "amount (£)", "records without amount"});
  const auto row = [&s](const MappingFigures& m, const char* breakdown, std::string_view outcome,
                        std::string_view reason, int64_t pence) {
    s.Text(0, m.mapping);
    s.Text(1, breakdown);
    s.Text(2, outcome);
    s.Text(3, reason);
    s.Money(4, pence);
    s.EndRow();
  };
  for (const auto& m : r.mappings) {
    if (!m.has_money) continue;
    s.Text(0, m.mapping);
    s.Text(1, "source");
    s.Money(4, m.ledger.source_pence());
    s.Count(5, m.ledger.records_without_amount);
    s.EndRow();
    // Every outcome, zero or not, so the equation reads the same for each mapping.
    static constexpr const char* kOutcomes[] = {"loaded", "rejected", "excluded", "merged"};
    for (const char* outcome : kOutcomes) {
      const auto it = m.ledger.pence_by_outcome.find(outcome);
      row(m, "by outcome", outcome, "", it == m.ledger.pence_by_outcome.end() ? 0 : it->second);
    }
    for (const auto& [outcome, pence] : m.ledger.pence_by_outcome)
      if (std::find(std::begin(kOutcomes), std::end(kOutcomes), outcome) == std::end(kOutcomes))
        row(m, "by outcome", outcome, "", pence);
    for (const auto& [key, pence] : m.ledger.pence_by_reason) {
      const std::string_view k = key;  // "rejected:orphan"
      const size_t colon = k.find(':');
      row(m, "by reason", k.substr(0, colon), colon == k.npos ? "" : k.substr(colon + 1), pence);
    }
  }
}

void WriteStatutory(Sheet& s, const Oc3Figures& f) {
  s.Header({"figure", "code", "count", "percent of cohort"});
  const auto row = [&s](const std::string& figure, const std::string& code, int64_t count,
                        const std::string& percent) {
    s.Text(0, figure);
    s.Text(1, code);
    s.Count(2, count);
    s.Percent(3, percent);
    s.EndRow();
  };
  s.Text(0, "OC3 cohort at " + f.at.ToIso() + " (open cases aged 17 to 25)");
  s.Count(2, f.cohort);
  s.EndRow();
  row("in touch", "", f.in_touch_yes, f.pct_in_touch());
  row("in education, employment or training", "", f.in_eet, f.pct_eet());
  row("in suitable accommodation", "", f.in_suitable, f.pct_suitable_accommodation());
  for (const auto& [code, n] : f.in_touch) row("in touch, by code", code, n, f.Percent(n));
  for (const auto& [code, n] : f.activity) row("activity, by code", code, n, f.Percent(n));
  for (const auto& [code, n] : f.accommodation) row("accommodation, by code", code, n, f.Percent(n));
}

// The partial file and the workbook being written into it: whatever way the
// writing ends short of Commit (an error, an exception out of the stream),
// the workbook is closed and the partial file removed.
class PartialWorkbook {
 public:
  PartialWorkbook(std::string partial, int fd) : partial_(std::move(partial)), fd_(fd) {}
  ~PartialWorkbook() {
    // Closed, not just freed: lxw_workbook_free leaves the sheets' temporary
    // files open. What it writes goes into the partial file, removed below.
    if (workbook_) (void)workbook_close(workbook_);
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(partial_.c_str());
  }
  PartialWorkbook(const PartialWorkbook&) = delete;
  PartialWorkbook& operator=(const PartialWorkbook&) = delete;

  lxw_workbook*& workbook() { return workbook_; }

  // Writes the workbook out, makes sure it went into the owner-only file
  // created for it (not something put at its name since), syncs it and
  // renames it to `path`.
  core::Status Commit(const std::filesystem::path& path) {
    const lxw_error closed = workbook_close(workbook_);
    workbook_ = nullptr;  // workbook_close frees it, written or not
    if (closed != LXW_NO_ERROR) return Fail("cannot write " + path.string(), lxw_strerror(closed));
    struct stat ours {}, there {};
    if (::fstat(fd_, &ours) != 0 || ::lstat(partial_.c_str(), &there) != 0 || !S_ISREG(there.st_mode) ||
        ours.st_ino != there.st_ino || ours.st_dev != there.st_dev)
      return Fail("cannot finish " + path.string(), partial_ + " was replaced while it was written");
    if (::fsync(fd_) != 0 || ::rename(partial_.c_str(), path.c_str()) != 0)
      return Fail("cannot finish " + path.string(), std::strerror(errno));
    committed_ = true;
    return core::Status::Ok();
  }

 private:
  static core::Status Fail(const std::string& what, const std::string& why) {
    return core::Status::Error(core::ErrorCode::kIo, what + ": " + why);
  }
  std::string partial_;
  int fd_;
  lxw_workbook* workbook_ = nullptr;
  bool committed_ = false;
};

}  // namespace

core::Status WriteWorkbook(const std::filesystem::path& path, const Reconciliation& r,
                           const ExceptionStream& exceptions, const WorkbookOptions& options) {
  const std::string context = "writing " + path.string();
  const std::string partial = path.string() + ".partial";
  // libxlsxwriter opens the file by name at the end and truncates it: created
  // here first, owner-only whatever the umask, it keeps that mode.
  auto fd = core::CreatePrivateFile(partial);
  if (!fd.ok()) return fd.status().WithContext(context);
  PartialWorkbook file(partial, *fd);
  // Rows wait in temporary files (already unlinked) in the report folder,
  // owner-only, rather than in memory or in a shared /tmp.
  std::string tmpdir = path.has_parent_path() ? path.parent_path().string() : ".";
  lxw_workbook_options workbook_options{};
  workbook_options.constant_memory = LXW_TRUE;
  workbook_options.tmpdir = tmpdir.data();
  workbook_options.use_zip64 = LXW_TRUE;  // a long worklist may pass 4 GB of XML
  lxw_workbook*& workbook = file.workbook();
  workbook = workbook_new_opt(partial.c_str(), &workbook_options);
  if (!workbook) return core::Status::Error(core::ErrorCode::kIo, context + ": libxlsxwriter cannot start a workbook");

  Formats formats{workbook_add_format(workbook), workbook_add_format(workbook), workbook_add_format(workbook)};
  format_set_bold(formats.header);
  format_set_num_format(formats.money, "\u00a3#,##0.00");
  format_set_num_format(formats.percent, "0.0");
  const auto add_sheet = [&](const std::string& name) -> std::unique_ptr<Sheet> {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
    return sheet ? std::make_unique<Sheet>(sheet, name, formats) : nullptr;
  };
  const auto no_sheet = [&](const std::string& name) {
    return core::Status::Error(core::ErrorCode::kIo, context + ": cannot add the sheet " + name +
                                                         " (its temporary file in " + tmpdir + ": " +
                                                         std::strerror(errno) + ")");
  };

  auto summary = add_sheet("Summary");
  if (!summary) return no_sheet("Summary");
  WriteSummary(*summary, r, formats, options.shows_personal_data);
  HANDOVER_RETURN_IF_ERROR(summary->Finish().WithContext(context));

  // The worklist, streamed: one row at a time goes to the sheet's temporary
  // file, and past a sheet's rows the list goes on in the next.
  std::unique_ptr<Sheet> sheet;
  int sheets = 0;
  int64_t rows = 0;
  core::Status written = core::Status::Ok();
  const auto next_sheet = [&] {
    if (sheet) written = sheet->Finish();
    const std::string name = ++sheets == 1 ? "Exceptions" : "Exceptions " + std::to_string(sheets);
    if (!written.ok()) return;
    if (!(sheet = add_sheet(name))) return (void)(written = no_sheet(name));
    sheet->Header({"mapping", "source table", "source row", "legacy reference", "outcome", "column", "value seen",
                   "reason code", "explanation", "suggested action", "status", "owner", "note"});
    rows = 0;
  };
  const int64_t rows_per_sheet = std::max<int64_t>(1, options.exception_rows_per_sheet);
  next_sheet();
  const core::Status read = exceptions([&](const ExceptionRow& e) {
    if (written.ok() && rows == rows_per_sheet) next_sheet();
    if (!written.ok()) return;
    sheet->Text(0, e.mapping);
    sheet->Text(1, e.source_table);
    sheet->Count(2, e.source_row);
    sheet->Text(3, e.legacy_key);
    sheet->Text(4, e.outcome);
    sheet->Text(5, e.column);
    sheet->Text(6, e.value_seen);
    sheet->Text(7, e.reason_code);
    sheet->Text(8, Explanation(e.reason_code, e.reason));
    sheet->Text(9, e.action);
    sheet->EndRow();
    ++rows;
  });
  HANDOVER_RETURN_IF_ERROR(read.WithContext(context));
  HANDOVER_RETURN_IF_ERROR(written.WithContext(context));
  HANDOVER_RETURN_IF_ERROR(sheet->Finish().WithContext(context));

  auto money = add_sheet("Money by mapping");
  if (!money) return no_sheet("Money by mapping");
  WriteMoney(*money, r);
  HANDOVER_RETURN_IF_ERROR(money->Finish().WithContext(context));
  if (r.oc3) {
    auto statutory = add_sheet("Statutory figures");
    if (!statutory) return no_sheet("Statutory figures");
    WriteStatutory(*statutory, *r.oc3);
    HANDOVER_RETURN_IF_ERROR(statutory->Finish().WithContext(context));
  }
  return file.Commit(path);
}

}  // namespace handover::reports
