// WorkbookFile: a workbook being written to its file, shared by
// workbook.xlsx and profile.xlsx. libxlsxwriter writes to a file by name,
// so the file is created here first, owner-only (0600) as <path>.partial,
// the workbook written into it in constant-memory mode (rows wait in
// unlinked temporary files in the same folder, not in memory or /tmp), and
// renamed to <path> only by Commit: a reader sees the whole workbook or none.
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
  // Creates <path>.partial and starts the workbook with the shared formats.
  // Fails with kIo naming the file and why.
  static core::Result<std::unique_ptr<WorkbookFile>> Start(const std::filesystem::path& path);
  // Closes the workbook and removes the partial file unless committed.
  ~WorkbookFile();
  WorkbookFile(const WorkbookFile&) = delete;
  WorkbookFile& operator=(const WorkbookFile&) = delete;

  const Formats& formats() const { return formats_; }
  // A new sheet named `name`, or nullptr (then NoSheet(name) says why).
  std::unique_ptr<Sheet> AddSheet(const std::string& name);
  core::Status NoSheet(const std::string& name) const;
  // Writes the workbook out, makes sure it went into the owner-only file
  // created for it (not something put at its name since), syncs it and
  // renames it to the path given to Start.
  core::Status Commit();

 private:
  WorkbookFile(std::filesystem::path path, int fd) : path_(std::move(path)), partial_(path_.string() + ".partial"), fd_(fd) {}
  core::Status Fail(const std::string& what, const std::string& why) const;

  std::filesystem::path path_;
  std::string partial_;
  std::string tmpdir_;
  int fd_;
  lxw_workbook* workbook_ = nullptr;
  Formats formats_{};
  bool committed_ = false;
};

}  // namespace handover::reports::xlsx
