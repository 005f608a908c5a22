// WorkbookFile: an .xlsx being written through libxlsxwriter into an
// owner-only partial file, renamed into place only when complete (every
// workbook: workbook.xlsx, profile.xlsx and dayone.xlsx), with
// the shared cell formats and a Sheet per worksheet.
#pragma once

#include <xlsxwriter.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/status.h"
#include "reports/workbook_sheet.h"

namespace handover::reports::xlsx {

class WorkbookFile {
 public:
  // Creates <path>.partial owner-only (0600 whatever the umask) and starts a
  // constant-memory workbook in it, its temporary files in path's folder.
  static core::Result<std::unique_ptr<WorkbookFile>> Create(const std::filesystem::path& path);
  // Closes the workbook and removes the partial file unless committed.
  ~WorkbookFile();
  WorkbookFile(const WorkbookFile&) = delete;
  WorkbookFile& operator=(const WorkbookFile&) = delete;

  const Formats& formats() const { return formats_; }
  // A new worksheet; fails (kIo) naming the sheet when libxlsxwriter cannot add it.
  core::Result<std::unique_ptr<Sheet>> AddSheet(const std::string& name);
  // Writes the workbook out, makes sure it went into the owner-only file
  // created for it (not something put at its name since), syncs it and
  // renames it into place.
  core::Status Commit();

 private:
  WorkbookFile(std::filesystem::path path, int fd) : path_(std::move(path)), partial_(path_.string() + ".partial"), fd_(fd) {}
  core::Status Fail(const std::string& what, const std::string& why) const;
  std::filesystem::path path_;
  std::string partial_, tmpdir_;
  int fd_;
  lxw_workbook* workbook_ = nullptr;
  Formats formats_{};
  bool committed_ = false;
};

}  // namespace handover::reports::xlsx
