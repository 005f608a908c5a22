// Crosswalk: how evaluation resolves another mapping's legacy key to its
// council id. The load stage implements it over its crosswalk table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace handover::transform {

// Resolves legacy keys of other mappings to council ids (the load stage owns
// the table behind it). Used by xref(entity, key) during evaluation.
class Crosswalk {
 public:
  virtual ~Crosswalk() = default;
  // The council id already given to `legacy_key` of `entity`, or nullopt.
  virtual std::optional<int64_t> Lookup(const std::string& entity,
                                        const std::string& legacy_key) const = 0;
};

}  // namespace handover::transform
