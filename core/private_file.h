// Files that may hold personal data (a target database, a report, a log) are
// created owner-only (0600), and never through a link: whatever stands at the
// path (a symlink to someone else's file, a hard link, a stale copy) is
// removed first, so writing can never truncate or expose another file.
#pragma once

#include <filesystem>

#include "core/status.h"

namespace handover::core {

// Creates `path` afresh with mode 0600 and returns its open, write-only file
// descriptor (the caller closes it). Fails, naming the path and the reason,
// if the path is a folder or its folder is not writable.
Result<int> CreatePrivateFile(const std::filesystem::path& path);

// Creates `dir` (and its parents) if missing, and makes it owner-only (0700),
// including when it already existed with wider rights.
Status EnsurePrivateDirectory(const std::filesystem::path& dir, const std::string& what);

}  // namespace handover::core
