#include "core/private_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace handover::core {

Result<int> CreatePrivateFile(const std::filesystem::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode))
      return Status::Error(ErrorCode::kIo, path.string() + " is a folder; give a file name inside it");
    if (::unlink(path.c_str()) != 0)
      return Status::Error(ErrorCode::kIo, "cannot replace " + path.string() + ": " + std::strerror(errno));
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int error = errno;
    const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
    if (error == EACCES || error == EROFS || error == EPERM)
      return Status::Error(ErrorCode::kIo, "cannot create " + path.string() + ": the folder " + folder.string() +
                                               " is not writable (" + std::strerror(error) + ")");
    if (error == ENOENT)
      return Status::Error(ErrorCode::kNotFound,
                           "cannot create " + path.string() + ": the folder " + folder.string() + " does not exist");
    return Status::Error(ErrorCode::kIo, "cannot create " + path.string() + ": " + std::strerror(error));
  }
  ::fchmod(fd, 0600);  // the umask may only narrow it; make the mode exact
  return fd;
}

Status EnsurePrivateDirectory(const std::filesystem::path& dir, const std::string& what) {
  std::error_code ec;
  struct stat st {};
  if (::lstat(dir.c_str(), &st) == 0 && !S_ISDIR(st.st_mode) &&
      !(S_ISLNK(st.st_mode) && std::filesystem::is_directory(dir, ec)))
    return Status::Error(ErrorCode::kIo, "the " + what + " " + dir.string() + " is a file, not a folder; give a folder");
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::Error(ErrorCode::kIo, "cannot create the " + what + " " + dir.string() + ": " + ec.message());
  if (::stat(dir.c_str(), &st) != 0)
    return Status::Error(ErrorCode::kIo, "cannot read the " + what + " " + dir.string() + ": " + std::strerror(errno));
  if ((st.st_mode & 0077) != 0 && ::chmod(dir.c_str(), 0700) != 0)
    return Status::Error(ErrorCode::kIo, "cannot make the " + what + " " + dir.string() + " owner-only: " +
                                             std::strerror(errno) + "; use a folder you own");
  return Status::Ok();
}

}  // namespace handover::core
