// EvalContext: what the engine tells a compiled mapping about the row it
// evaluates (crosswalk, reserved council id, lookup rows).
#pragma once

#include <cstdint>
#include <optional>
#include "transform/crosswalk.h"
#include "transform/lookup_tables.h"

namespace handover::transform {

// What the engine knows about the row being evaluated.
struct EvalContext {
  const Crosswalk* crosswalk = nullptr;
  // The council id reserved for this row's legacy key (mappings with `key`);
  // read by the `council_id` expression.
  std::optional<int64_t> council_id;
  // Lookup rows for mappings with lookups(); rows of such a mapping are
  // rejected with reason_code "no_lookup_data" while this is null.
  const LookupTables* lookups = nullptr;
  // The row is a duplicate being written into its survivor's targets marked
  // `including duplicates` (council_id is then the survivor's); read by `merged`.
  bool merged = false;
};

}  // namespace handover::transform
