// LookupSpec and LookupTables: the second source tables a mapping joins to
// each row by key, and their rows held in memory for evaluation.
#pragma once

#include <map>
#include <string>
#include <vector>
#include "core/value.h"

namespace handover::transform {

// A table read beside a mapping's source and matched to each row by key
// (`lookup clients c on c.client_ref = p.client_ref`): a left join with at
// most one match.
struct LookupSpec {
  std::string table;                 // source-catalog table or view, read in full
  std::vector<std::string> columns;  // columns to read, in the order LookupTables::Add
                                     // expects; columns[0] is the key column
};

// The rows of a mapping's lookup tables, indexed by key text. The engine fills
// one per mapping that has lookups() (streaming spec.columns of spec.table
// into Add) and passes it in EvalContext::lookups.
class LookupTables {
 public:
  explicit LookupTables(size_t lookups = 0) : tables_(lookups) {}
  // Adds a row of lookup `lookup` (values in LookupSpec::columns order). A row
  // whose key is NULL is ignored; returns false when its key is already present
  // (the first row wins).
  bool Add(size_t lookup, std::vector<core::Value> row);
  // The row whose key's text is `key`, or nullptr.
  const std::vector<core::Value>* Find(size_t lookup, const std::string& key) const;
  size_t size() const { return tables_.size(); }

 private:
  std::vector<std::map<std::string, std::vector<core::Value>>> tables_;
};

}  // namespace handover::transform
