// The public face of the transform stage: a checked, compiled mapping set
// and the per-row evaluation the load engine drives.
//
//   CheckMappings(dir, source catalog, target catalog, params)
//       -> MappingProgram (or every Diagnostic at once)
//   for each CompiledMapping in program.mappings (already in load order):
//       if mapping.lookups() is not empty: read each lookup table's columns
//           into a LookupTables and set context.lookups
//       extract streams mapping.source_columns() of mapping.source_table()
//       for each row: mapping.Evaluate(row, context, outcome)
//
// Nothing here touches a database: schemas come in as Catalogs, cross
// references go out through the Crosswalk interface.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "transform/compiled_mapping.h"
#include "transform/params.h"

namespace handover::transform {

// A whole checked mapping set.
struct MappingProgram {
  // In load order: every mapping comes after the mappings it references.
  std::vector<std::unique_ptr<CompiledMapping>> mappings;
  // A stable hash of the mapping files' contents (recorded with each run).
  std::string content_hash;
};

}  // namespace handover::transform
