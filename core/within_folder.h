// Whether a file really lives inside a folder: both are resolved (symlinks,
// "..") before comparing, so a link or a relative path cannot lead outside.
#pragma once

#include <filesystem>

namespace handover::core {

inline bool IsWithinFolder(const std::filesystem::path& folder, const std::filesystem::path& path) {
  std::error_code ec;
  const auto root = std::filesystem::weakly_canonical(folder, ec);
  if (ec) return false;
  const auto real = std::filesystem::weakly_canonical(path, ec);
  if (ec) return false;
  const auto rel = real.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace handover::core
