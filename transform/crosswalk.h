// Crosswalk: how evaluation resolves another mapping's legacy key to its
// council id. The load stage implements it over its crosswalk table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace handover::transform {

// What became of a source record that was not loaded: rejected or excluded,
// and the reason code it was given.
struct NotLoaded {
  bool excluded = false;  // false: rejected
  std::string reason_code;
};

// Resolves legacy keys of other mappings to council ids (the load stage owns
// the table behind it). Used by xref(entity, key) during evaluation.
class Crosswalk {
 public:
  virtual ~Crosswalk() = default;
  // The council id already given to `legacy_key` of `entity`, or nullopt.
  virtual std::optional<int64_t> Lookup(const std::string& entity,
                                        const std::string& legacy_key) const = 0;
  // For a key with no council id: whether its record exists but was rejected
  // or excluded by this run (a reference to it is then parent_rejected or
  // parent_excluded, not an orphan); nullopt when no record had the key.
  virtual std::optional<NotLoaded> WhyNotLoaded(const std::string& /*entity*/,
                                                const std::string& /*legacy_key*/) const {
    return std::nullopt;
  }
};

}  // namespace handover::transform
