// CheckMappings over files already in memory (what the directory version
// reads): used by tests and by tools that hold the texts themselves.
#pragma once

#include <string>
#include <vector>

#include "transform/mapping_program.h"

namespace handover::transform {

// One file of a mapping set: `*.map` (mapping language) or `*.csv` (a code
// set); the path is used in diagnostics and to resolve `codeset ... from`.
struct MappingSource {
  std::string path;
  std::string text;
};

// As CheckMappings, on the given files.
CheckResult CheckMappingSources(const std::vector<MappingSource>& files, const core::Catalog& source,
                                const core::Catalog& target, const Params& params);

}  // namespace handover::transform
