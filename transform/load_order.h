// Load order: mappings sorted so that every mapping comes after the mappings
// it references through xref(), or the cycle that makes that impossible.
#pragma once

#include <string>
#include <vector>

namespace handover::transform {

struct LoadOrder {
  std::vector<size_t> order;       // indices into the input, in load order
  std::vector<std::string> cycle;  // non-empty when there is a cycle: a, b, ..., a
};

// `names[i]` references `references[i]` (names of other entries; unknown names
// are ignored). Ties keep the input order, so the result is deterministic.
LoadOrder DeriveLoadOrder(const std::vector<std::string>& names,
                          const std::vector<std::vector<std::string>>& references);

}  // namespace handover::transform
