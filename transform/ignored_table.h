// IgnoredTable: the CompiledMapping of `ignore table name because "why"`.
// The engine drives it like any mapping, so every row of a table the
// migration leaves out still gets its one ledger outcome (excluded, with the
// declared reason) and the whole source is accounted for.
#pragma once

#include <memory>
#include <string>

#include "transform/compiled_mapping.h"

namespace handover::transform {

// `table` is read through `first_column` only: its rows are counted and
// excluded, never evaluated.
std::unique_ptr<CompiledMapping> MakeIgnoredTable(std::string table, std::string first_column, std::string reason,
                                                  std::string reason_code);

}  // namespace handover::transform
