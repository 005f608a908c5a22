// CheckMappings: parse a mapping set (a folder, or files in memory), bind it
// to the source and target catalogs, derive load order and compile it.
#pragma once

#include <string>
#include <vector>

#include <filesystem>

#include "core/schema.h"
#include "transform/check_result.h"
#include "transform/mapping_folder.h"
#include "transform/params.h"

namespace handover::transform {

// Parses every *.map and code-set file under `mappings_dir` (read with
// ReadMappingFolder; its failure is one diagnostic), binds them to the source
// and target catalogs, type-checks, derives load order and compiles.
CheckResult CheckMappings(const std::filesystem::path& mappings_dir, const core::Catalog& source,
                          const core::Catalog& target, const Params& params);

// As CheckMappings, on the given files.
CheckResult CheckMappingSources(const std::vector<MappingSource>& files, const core::Catalog& source,
                                const core::Catalog& target, const Params& params);

}  // namespace handover::transform
