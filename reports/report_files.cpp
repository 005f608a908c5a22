#include "reports/report_files.h"

#include "core/private_file.h"
#include "reports/renderers.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace handover::reports {

core::Status EnsurePrivateDirectory(const std::filesystem::path& dir) {
  return core::EnsurePrivateDirectory(dir, "report folder");
}

core::Status WritePrivateFile(const std::filesystem::path& path, const std::string& content) {
  const std::string temp = path.string() + ".partial";
  auto created = core::CreatePrivateFile(temp);
  if (!created.ok()) return created.status().WithContext("writing " + path.string());
  const int fd = *created;
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return core::Status::Error(core::ErrorCode::kIo, "cannot write " + path.string() + ": " + why);
    }
    done += static_cast<size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  if (!synced || !closed || ::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    return core::Status::Error(core::ErrorCode::kIo, "cannot finish " + path.string() + ": " + why);
  }
  return core::Status::Ok();
}

core::Status WriteRunReports(const Reconciliation& r, const std::filesystem::path& dir) {
  for (const auto& [name, text] : {std::pair{"reconciliation.json", RenderJson(r)},
                                   std::pair{"reconciliation.csv", RenderReconciliationCsv(r)},
                                   std::pair{"exceptions.csv", RenderExceptionsCsv(r)}})
    HANDOVER_RETURN_IF_ERROR(WritePrivateFile(dir / name, text));
  return core::Status::Ok();
}

}  // namespace handover::reports
