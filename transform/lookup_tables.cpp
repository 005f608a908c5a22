#include "transform/lookup_tables.h"

namespace handover::transform {

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
