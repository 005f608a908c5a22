// CompiledMapping: one checked mapping, ready to evaluate rows. The interface
// the load engine drives; MappingImpl (mapping_impl.h) is the one implementation.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>
#include "core/value.h"
#include "transform/eval_context.h"
#include "transform/lookup_tables.h"
#include "transform/row_outcome.h"
#include "transform/target_spec.h"

namespace handover::transform {

class CompiledMapping {
 public:
  virtual ~CompiledMapping() = default;

  virtual const std::string& name() const = 0;          // the mapping's name (also its crosswalk entity)
  virtual const std::string& source_table() const = 0;  // table or view read by extract
  // The SQL when the mapping reads a source query (`from query "..."`; then
  // source_table() is its pseudo-table name "query:<mapping>.<alias>"), else "".
  virtual const std::string& source_query() const {
    static const std::string kNone;
    return kNone;
  }
  // The source columns to extract, in the order Evaluate expects them.
  virtual const std::vector<std::string>& source_columns() const = 0;
  virtual const std::vector<TargetSpec>& targets() const = 0;
  // Names of the entities this mapping resolves through xref() (load order).
  virtual const std::vector<std::string>& references() const = 0;
  // Tables the engine must read into EvalContext::lookups before evaluating
  // (empty for most mappings).
  virtual const std::vector<LookupSpec>& lookups() const {
    static const std::vector<LookupSpec> kNone;
    return kNone;
  }

  // True for a source table the mapping set leaves out (`ignore table`):
  // every row is excluded with the declared reason, nothing is written.
  virtual bool ignored() const { return false; }

  // True when the mapping declares `key`: rows have a legacy key.
  virtual bool has_key() const = 0;
  // The legacy key of the row as text, or nullopt if it evaluates to NULL.
  virtual std::optional<std::string> EvaluateKey(std::span<const core::Value> row) const = 0;

  // Duplicate merging, if declared: the merge key of a row (nullopt if any
  // part is NULL, so it is never merged) and its survivorship ordering value.
  virtual const std::optional<MergeSpec>& merge() const = 0;
  virtual std::optional<std::vector<core::Value>> EvaluateMergeKey(std::span<const core::Value> row) const = 0;
  virtual core::Value EvaluateSurvivorOrder(std::span<const core::Value> row) const = 0;

  // Decides the row's fate and, when loaded, the target rows. Never throws;
  // data problems become kRejected outcomes with a reason.
  virtual void Evaluate(std::span<const core::Value> row, const EvalContext& context,
                        RowOutcome& outcome) const = 0;
};

}  // namespace handover::transform
