// Report files hold personal-data-adjacent figures: they are created readable
// by the owner only (0600, folders 0700) and written whole or not at all
// (temp file + rename), so a reader never sees half a report.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"
#include "reports/reconciliation.h"

namespace handover::reports {

// Creates `dir` (and parents) if missing, owner-only.
core::Status EnsurePrivateDirectory(const std::filesystem::path& dir);

// Writes `content` to `path` with mode 0600, atomically.
core::Status WritePrivateFile(const std::filesystem::path& path, const std::string& content);

// Writes a run's report files into `dir` (reconciliation.json,
// reconciliation.csv, exceptions.csv), each as WritePrivateFile does.
core::Status WriteRunReports(const Reconciliation& reconciliation, const std::filesystem::path& dir);

}  // namespace handover::reports
