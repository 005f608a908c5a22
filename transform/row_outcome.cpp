#include "transform/mapping_program.h"

namespace handover::transform {

const char* OutcomeKindName(OutcomeKind kind) {
  switch (kind) {
    case OutcomeKind::kLoaded: return "loaded";
    case OutcomeKind::kRejected: return "rejected";
    case OutcomeKind::kExcluded: return "excluded";
  }
  return "unknown";
}

void RowOutcome::Clear() {
  kind = OutcomeKind::kLoaded;
  reason_code.clear();
  reason.clear();
  column.clear();
  value_seen.clear();
  target_rows.clear();
  warnings.clear();
}

bool LookupTables::Add(size_t lookup, std::vector<core::Value> row) {
  if (lookup >= tables_.size() || row.empty() || core::IsNull(row[0])) return true;
  std::string key = core::ToText(row[0]);
  return tables_[lookup].emplace(std::move(key), std::move(row)).second;
}

const std::vector<core::Value>* LookupTables::Find(size_t lookup, const std::string& key) const {
  if (lookup >= tables_.size()) return nullptr;
  auto it = tables_[lookup].find(key);
  return it == tables_[lookup].end() ? nullptr : &it->second;
}

}  // namespace handover::transform
