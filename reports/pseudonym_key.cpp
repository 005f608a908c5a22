#include "reports/pseudonym_key.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "core/private_file.h"

namespace handover::reports {
namespace {

constexpr size_t kKeyBytes = 32;
constexpr size_t kMinEnvKeyBytes = 16;

core::Status IoError(const std::string& what) {
  return core::Status::Error(core::ErrorCode::kIo, what + ": " + std::strerror(errno));
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The key file's text: 64 hex digits and an optional line end.
core::Result<std::string> Decode(const std::string& text, const std::filesystem::path& path) {
  std::string hex = text;
  while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r')) hex.pop_back();
  std::string key;
  for (size_t i = 0; hex.size() == 2 * kKeyBytes && i < hex.size(); i += 2) {
    const int high = HexDigit(hex[i]), low = HexDigit(hex[i + 1]);
    if (high < 0 || low < 0) break;
    key += static_cast<char>(high * 16 + low);
  }
  if (key.size() != kKeyBytes)
    return core::Status::Error(core::ErrorCode::kConfig,
                               "the pseudonym key " + path.string() + " does not hold 64 hex digits; remove it to "
                               "start a new key (the reports' pseudonyms then change) or restore it from a backup");
  return key;
}

// Reads the key file, never through a link, and keeps it owner-only.
// kNotFound when there is none.
core::Result<std::string> ReadKeyFile(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    if (errno == ENOENT) return core::Status::Error(core::ErrorCode::kNotFound, path.string() + " does not exist");
    return IoError("cannot read the pseudonym key " + path.string() + " (it must be a file of your own, not a link)");
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return core::Status::Error(core::ErrorCode::kIo, "the pseudonym key " + path.string() +
                                                         " is not a file; remove it to start a new key");
  }
  if ((st.st_mode & 0077) != 0) (void)::fchmod(fd, 0600);
  std::array<char, 2 * kKeyBytes + 8> buffer{};
  ssize_t n;
  do n = ::read(fd, buffer.data(), buffer.size());
  while (n < 0 && errno == EINTR);
  const int error = errno;
  ::close(fd);
  if (n < 0) {
    errno = error;
    return IoError("cannot read the pseudonym key " + path.string());
  }
  return Decode(std::string(buffer.data(), static_cast<size_t>(n)), path);
}

// A new random key, written whole to a private file and linked into place,
// so two runs starting at once agree on one key: whichever links second
// reads the first's.
core::Result<std::string> CreateKeyFile(const std::filesystem::path& path) {
  std::array<unsigned char, kKeyBytes> key{};
  for (size_t done = 0; done < key.size();) {
    const ssize_t n = ::getrandom(key.data() + done, key.size() - done, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return IoError("cannot make a pseudonym key");
    done += static_cast<size_t>(n);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  for (unsigned char byte : key) text += {kHex[byte >> 4], kHex[byte & 15]};
  text += '\n';
  const std::filesystem::path partial = path.string() + "." + std::to_string(::getpid()) + ".partial";
  auto fd = core::CreatePrivateFile(partial);
  if (!fd.ok()) return fd.status().WithContext("creating the pseudonym key");
  const bool written = ::write(*fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(*fd) == 0;
  const int write_error = errno;
  ::close(*fd);
  const bool linked = written && ::link(partial.c_str(), path.c_str()) == 0;
  const int link_error = errno;
  ::unlink(partial.c_str());
  if (!written) {
    errno = write_error;
    return IoError("cannot write the pseudonym key " + path.string());
  }
  if (!linked && link_error != EEXIST) {
    errno = link_error;
    return IoError("cannot create the pseudonym key " + path.string());
  }
  return ReadKeyFile(path);
}

}  // namespace

core::Result<std::string> LoadPseudonymKey(const std::filesystem::path& out_dir) {
  if (const char* env = std::getenv("HANDOVER_PSEUDONYM_KEY")) {
    if (std::strlen(env) < kMinEnvKeyBytes)
      return core::Status::Error(core::ErrorCode::kConfig,
                                 "HANDOVER_PSEUDONYM_KEY is shorter than 16 characters; set it to a long random "
                                 "secret, or unset it to use a key kept in the report folder");
    return std::string(env);
  }
  const std::filesystem::path path = out_dir / kPseudonymKeyFile;
  auto read = ReadKeyFile(path);
  if (read.ok() || read.status().code() != core::ErrorCode::kNotFound) return read;
  return CreateKeyFile(path);
}

core::Result<PrivacyOptions> PrivacyFor(const std::filesystem::path& out_dir, bool show_personal_data) {
  PrivacyOptions privacy;
  privacy.show_personal_data = show_personal_data;
  if (show_personal_data) return privacy;
  auto key = LoadPseudonymKey(out_dir);
  if (!key.ok()) return key.status();
  privacy.pseudonym_key = std::move(*key);
  return privacy;
}

}  // namespace handover::reports
