// A mapping set on disk: the folder of *.map files and code-set CSVs a run is
// pointed at, read whole and checked for what a folder must be before any
// mapping is parsed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"

namespace handover::transform {

// One file of a mapping set: `*.map` (mapping language) or `*.csv` (a code
// set); the path is used in diagnostics and to resolve `codeset ... from`.
struct MappingSource {
  std::string path;
  std::string text;
};

// Reads every *.map and *.csv file under `dir`, in path order. Fails with one
// line naming the folder or file when `dir` is missing or not a folder, when
// it holds no *.map file, when a file cannot be read, or when a file is a
// link to somewhere outside the folder (code sets live inside it).
// With kWithMeasures, the `*.measure` files (reconciliation's own reading of
// the source, see reports/measures.h) are read too; a run never reads them.
enum class FolderPart { kMappings, kWithMeasures };
core::Result<std::vector<MappingSource>> ReadMappingFolder(const std::filesystem::path& dir,
                                                           FolderPart part = FolderPart::kMappings);

}  // namespace handover::transform
