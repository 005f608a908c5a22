#include "reports/report_files.h"

#include "core/private_file.h"
#include "load/run_record.h"
#include "reports/exception_list.h"
#include "reports/html_renderer.h"
#include "reports/renderers.h"
#include "reports/workbook_renderer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace handover::reports {

core::Status EnsurePrivateDirectory(const std::filesystem::path& dir) {
  return core::EnsurePrivateDirectory(dir, "report folder");
}

core::Result<std::unique_ptr<PrivateFileWriter>> PrivateFileWriter::Create(const std::filesystem::path& path) {
  auto created = core::CreatePrivateFile(path.string() + ".partial");
  if (!created.ok()) return created.status().WithContext("writing " + path.string());
  return std::unique_ptr<PrivateFileWriter>(new PrivateFileWriter(path, *created));
}

PrivateFileWriter::~PrivateFileWriter() {
  if (fd_ < 0) return;
  ::close(fd_);
  ::unlink((path_.string() + ".partial").c_str());
}

core::Status PrivateFileWriter::Write(std::string_view text) {
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return core::Status::Error(core::ErrorCode::kIo, "cannot write " + path_.string() + ": " + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  return core::Status::Ok();
}

core::Status PrivateFileWriter::Finish() {
  const std::string temp = path_.string() + ".partial";
  const bool synced = ::fsync(fd_) == 0;
  const bool closed = ::close(fd_) == 0;
  fd_ = -1;
  if (!synced || !closed || ::rename(temp.c_str(), path_.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    return core::Status::Error(core::ErrorCode::kIo, "cannot finish " + path_.string() + ": " + why);
  }
  return core::Status::Ok();
}

core::Status WritePrivateFile(const std::filesystem::path& path, const std::string& content) {
  auto file = PrivateFileWriter::Create(path);
  if (!file.ok()) return file.status();
  HANDOVER_RETURN_IF_ERROR((*file)->Write(content));
  return (*file)->Finish();
}

core::Status WriteRunReports(const Reconciliation& r, db::Database& target, const PrivacyOptions& privacy,
                             const std::filesystem::path& dir) {
  HANDOVER_RETURN_IF_ERROR(WritePrivateFile(dir / "reconciliation.json", RenderJson(r)));
  HANDOVER_RETURN_IF_ERROR(WritePrivateFile(dir / "reconciliation.csv", RenderReconciliationCsv(r)));
  HANDOVER_RETURN_IF_ERROR(WritePrivateFile(dir / "report.html", RenderHtml(r, load::UtcTimestamp(), privacy)));
  auto file = PrivateFileWriter::Create(dir / "exceptions.csv");
  if (!file.ok()) return file.status();
  // The worklist goes out in blocks of about a megabyte: memory stays flat
  // however many problems the run found.
  constexpr size_t kBlock = 1 << 20;
  std::string block = ExceptionsCsvHeader();
  core::Status written = core::Status::Ok();
  HANDOVER_RETURN_IF_ERROR(ForEachException(target, r.run_id, privacy, [&](const ExceptionRow& e) {
    AppendExceptionsCsvRow(block, e);
    if (block.size() < kBlock || !written.ok()) return;
    written = (*file)->Write(block);
    block.clear();
  }));
  HANDOVER_RETURN_IF_ERROR(written);
  HANDOVER_RETURN_IF_ERROR((*file)->Write(block));
  HANDOVER_RETURN_IF_ERROR((*file)->Finish());
  // The same worklist read again, through the same privacy rule, rather than
  // held in memory for both files.
  WorkbookOptions workbook;
  workbook.shows_personal_data = privacy.show_personal_data;
  return WriteWorkbook(
      dir / "workbook.xlsx", r,
      [&](const std::function<void(const ExceptionRow&)>& each) {
        return ForEachException(target, r.run_id, privacy, each);
      },
      workbook);
}

}  // namespace handover::reports
