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
#include "reports/workbook_sheet.h"

namespace handover::reports {
namespace {

using xlsx::Formats;
using xlsx::Sheet;

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
  xlsx::WriteSummary(*summary, r, formats, options.shows_personal_data);
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
  xlsx::WriteMoney(*money, r);
  HANDOVER_RETURN_IF_ERROR(money->Finish().WithContext(context));
  if (!r.money_by_person.empty()) {
    auto people = add_sheet("Money by person");
    if (!people) return no_sheet("Money by person");
    xlsx::WriteMoneyByPerson(*people, r);
    HANDOVER_RETURN_IF_ERROR(people->Finish().WithContext(context));
  }
  if (r.oc3) {
    auto statutory = add_sheet("Statutory figures");
    if (!statutory) return no_sheet("Statutory figures");
    xlsx::WriteStatutory(*statutory, r);
    HANDOVER_RETURN_IF_ERROR(statutory->Finish().WithContext(context));
  }
  return file.Commit(path);
}

}  // namespace handover::reports
