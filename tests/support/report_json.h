// Reading a run's reconciliation.json in tests: one mapping's figures by name.
#pragma once

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace handover::testing {

// The entry of `reconciliation["mappings"]` for mapping `name` (a test
// failure, and an empty object, when there is none).
inline const nlohmann::json& MappingFigures(const nlohmann::json& reconciliation, const std::string& name) {
  for (const auto& m : reconciliation["mappings"])
    if (m["mapping"] == name) return m;
  ADD_FAILURE() << "no mapping " << name << " in the reconciliation";
  static const nlohmann::json kEmpty = nlohmann::json::object();
  return kEmpty;
}

}  // namespace handover::testing
