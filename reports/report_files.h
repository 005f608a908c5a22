// Report files hold personal-data-adjacent figures: they are created readable
// by the owner only (0600, folders 0700) and written whole or not at all
// (temp file + rename), so a reader never sees half a report.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>
#include <string>

#include "core/status.h"
#include "reports/reconciliation.h"

namespace handover::reports {

// Creates `dir` (and parents) if missing, owner-only.
core::Status EnsurePrivateDirectory(const std::filesystem::path& dir);

// Writes `content` to `path` with mode 0600, atomically.
core::Status WritePrivateFile(const std::filesystem::path& path, const std::string& content);

// A report file being written piece by piece: created owner-only as
// <path>.partial and renamed to <path> by Finish, so a reader never sees
// half a report; removed again if never finished.
class PrivateFileWriter {
 public:
  static core::Result<std::unique_ptr<PrivateFileWriter>> Create(const std::filesystem::path& path);
  ~PrivateFileWriter();
  PrivateFileWriter(const PrivateFileWriter&) = delete;
  PrivateFileWriter& operator=(const PrivateFileWriter&) = delete;

  core::Status Write(std::string_view text);
  // Syncs, closes and renames the file into place.
  core::Status Finish();

 private:
  PrivateFileWriter(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::filesystem::path path_;
  int fd_;
};

// Writes a run's report files into `dir` (reconciliation.json,
// reconciliation.csv, report.html stamped with the time now in UTC,
// exceptions.csv streamed from the target's worklist, and workbook.xlsx, see
// workbook_renderer.h), each owner-only and whole or not at all, as
// WritePrivateFile does.
core::Status WriteRunReports(const Reconciliation& reconciliation, db::Database& target,
                             const PrivacyOptions& privacy, const std::filesystem::path& dir);

}  // namespace handover::reports
