// TargetSpec and MergeSpec: what a compiled mapping writes (target table,
// columns, types, key column) and how it merges duplicates.
#pragma once

#include <optional>
#include <string>
#include <vector>
#include "core/schema.h"

namespace handover::transform {

// One target table written by a mapping, with the columns it assigns, in order.
struct TargetSpec {
  std::string table;
  std::vector<std::string> columns;
  std::vector<core::ColumnType> types;
  // Name of the column that receives `council_id`, if any (for ledger keys).
  std::optional<std::string> key_column;
  // `into ... including duplicates`: a merged duplicate writes a row here too,
  // with the survivor's council id (every legacy reference of a person).
  bool including_duplicates = false;
};

// Duplicate merging for one mapping ("merge duplicates on (...) keep earliest x").
struct MergeSpec {
  bool keep_earliest = true;  // false: keep latest
};

}  // namespace handover::transform
