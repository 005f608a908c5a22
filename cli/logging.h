// Logging set-up for subcommands that write an output folder: messages go to
// stderr at the chosen level and, in full, to <out>/handover.log (0600).
// Logs carry counts, tables and reason codes, never names or dates of birth.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"

namespace handover::cli {

core::Status StartRunLog(const std::filesystem::path& out_dir, const std::string& level);

}  // namespace handover::cli
