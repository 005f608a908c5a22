#include "reports/workbook_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/private_file.h"

namespace handover::reports::xlsx {

core::Result<std::unique_ptr<WorkbookFile>> WorkbookFile::Create(const std::filesystem::path& path) {
  const std::string context = "writing " + path.string();
  // libxlsxwriter opens the file by name at the end and truncates it: created
  // here first, owner-only whatever the umask, it keeps that mode.
  auto fd = core::CreatePrivateFile(path.string() + ".partial");
  if (!fd.ok()) return fd.status().WithContext(context);
  std::unique_ptr<WorkbookFile> file(new WorkbookFile(path, *fd));
  // Rows wait in temporary files (already unlinked) in the report folder,
  // owner-only, rather than in memory or in a shared /tmp.
  file->tmpdir_ = path.has_parent_path() ? path.parent_path().string() : ".";
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = file->tmpdir_.data();
  options.use_zip64 = LXW_TRUE;  // a long worklist may pass 4 GB of XML
  file->workbook_ = workbook_new_opt(file->partial_.c_str(), &options);
  if (!file->workbook_)
    return core::Status::Error(core::ErrorCode::kIo, context + ": libxlsxwriter cannot start a workbook");
  Formats& formats = file->formats_;
  formats = {workbook_add_format(file->workbook_), workbook_add_format(file->workbook_),
             workbook_add_format(file->workbook_)};
  format_set_bold(formats.header);
  format_set_num_format(formats.money, "\u00a3#,##0.00");
  format_set_num_format(formats.percent, "0.0");
  return file;
}

WorkbookFile::~WorkbookFile() {
  // Closed, not just freed: lxw_workbook_free leaves the sheets' temporary
  // files open. What it writes goes into the partial file, removed below.
  if (workbook_) (void)workbook_close(workbook_);
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(partial_.c_str());
}

core::Result<std::unique_ptr<Sheet>> WorkbookFile::AddSheet(const std::string& name) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.c_str());
  if (sheet) return std::make_unique<Sheet>(sheet, name, formats_);
  return core::Status::Error(core::ErrorCode::kIo, "writing " + path_.string() + ": cannot add the sheet " + name +
                                                       " (its temporary file in " + tmpdir_ + ": " +
                                                       std::strerror(errno) + ")");
}

core::Status WorkbookFile::Commit() {
  const lxw_error closed = workbook_close(workbook_);
  workbook_ = nullptr;  // workbook_close frees it, written or not
  if (closed != LXW_NO_ERROR) return Fail("cannot write " + path_.string(), lxw_strerror(closed));
  struct stat ours {}, there {};
  if (::fstat(fd_, &ours) != 0 || ::lstat(partial_.c_str(), &there) != 0 || !S_ISREG(there.st_mode) ||
      ours.st_ino != there.st_ino || ours.st_dev != there.st_dev)
    return Fail("cannot finish " + path_.string(), partial_ + " was replaced while it was written");
  if (::fsync(fd_) != 0 || ::rename(partial_.c_str(), path_.c_str()) != 0)
    return Fail("cannot finish " + path_.string(), std::strerror(errno));
  committed_ = true;
  return core::Status::Ok();
}

core::Status WorkbookFile::Fail(const std::string& what, const std::string& why) const {
  return core::Status::Error(core::ErrorCode::kIo, what + ": " + why);
}

}  // namespace handover::reports::xlsx
