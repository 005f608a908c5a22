// MergePlan: for a mapping that declares "merge duplicates on (...) keep
// earliest|latest ...", a first pass over the source that picks, for every
// merge key, the surviving record. Only rows the mapping would load compete,
// so a soft-deleted or test record never absorbs a live one.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "extract/row_source.h"
#include "load/crosswalk_store.h"
#include "transform/mapping_program.h"

namespace handover::load {

class MergePlan {
 public:
  // Streams `source` once. Fails only if reading fails.
  // `ids` gives each row the council id it would get, so columns assigned
  // `council_id` are as set in the pre-pass as in the load.
  static core::Result<MergePlan> Build(const transform::CompiledMapping& mapping, extract::RowSource& source,
                                 const CrosswalkStore& ids, const transform::LookupTables* lookups);

  // For a row that is a duplicate, the legacy key of its survivor; nullopt
  // for survivors and for rows without a merge key.
  std::optional<std::string> SurvivorOf(int64_t ordinal) const;
  size_t duplicates() const { return survivor_of_.size(); }

 private:
  std::unordered_map<int64_t, std::string> survivor_of_;
};

// Orders two values for survivorship: NULLs last, then by value (numbers,
// pence, dates, text). Returns <0, 0 or >0.
int CompareForSurvivorship(const core::Value& a, const core::Value& b);

}  // namespace handover::load
