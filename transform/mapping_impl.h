// MappingImpl: the CompiledMapping the binder builds, holding compiled
// expression nodes for the filter, targets, key, rules and merge. Evaluate
// decides a row's fate in a fixed order (see docs/mapping-language.md,
// "Evaluation order").
#pragma once

#include <string>
#include <vector>

#include "transform/eval.h"
#include "transform/language/ast.h"
#include "transform/mapping_program.h"

namespace handover::transform {

// One `column = expr` of a target.
struct AssignStep {
  std::string column;      // target column name
  core::ColumnType type = core::ColumnType::kText;
  bool required = false;   // NOT NULL without default: a NULL value rejects the row
  NodePtr value;
  size_t order = 0;        // position among the mapping's statements, as written
};

// One `into table [when cond]` with its assignments.
struct TargetStep {
  NodePtr condition;       // null: always
  std::vector<AssignStep> assigns;
};

// One `reject|exclude when cond because "text" [as code]`.
struct RuleStep {
  ast::RuleKind kind = ast::RuleKind::kReject;
  NodePtr condition;
  std::string reason_code;
  std::string reason;
  size_t order = 0;        // position among the mapping's statements, as written
};

class MappingImpl final : public CompiledMapping {
 public:
  const std::string& name() const override { return name_; }
  const std::string& source_table() const override { return source_table_; }
  const std::string& source_query() const override { return source_query_; }
  const std::vector<std::string>& source_columns() const override { return source_columns_; }
  const std::vector<TargetSpec>& targets() const override { return target_specs_; }
  const std::vector<std::string>& references() const override { return references_; }
  const std::vector<LookupSpec>& lookups() const override { return lookup_specs_; }
  bool has_key() const override { return key_ != nullptr; }
  std::optional<std::string> EvaluateKey(std::span<const core::Value> row) const override;
  const std::optional<MergeSpec>& merge() const override { return merge_; }
  std::optional<std::vector<core::Value>> EvaluateMergeKey(std::span<const core::Value> row) const override;
  core::Value EvaluateSurvivorOrder(std::span<const core::Value> row) const override;
  void Evaluate(std::span<const core::Value> row, const EvalContext& context,
                RowOutcome& outcome) const override;

  // Filled by the binder.
  std::string name_;
  std::string source_table_;
  std::string source_query_;
  std::vector<std::string> source_columns_;
  std::vector<TargetSpec> target_specs_;
  std::vector<std::string> references_;
  std::vector<LookupSpec> lookup_specs_;
  std::vector<NodePtr> lookup_keys_;  // per lookup: the value matched against its key
  NodePtr where_;
  std::string where_text_;
  std::vector<TargetStep> target_steps_;
  std::vector<RuleStep> rules_;
  NodePtr key_;
  std::optional<MergeSpec> merge_;
  std::vector<NodePtr> merge_keys_;
  NodePtr survivor_order_;

 private:
  // Evaluates every target's condition and assignments into
  // outcome.target_rows, recording the first data problem in `error`.
  void ComputeTargets(EvalFrame& frame, RowOutcome& outcome, RowError& error,
                      std::vector<std::pair<size_t, size_t>>* missing) const;
};

}  // namespace handover::transform
