#include "transform/mapping_impl.h"

#include <algorithm>
#include <array>

#include "transform/value_ops.h"

namespace handover::transform {

void MappingImpl::ComputeTargets(EvalFrame& frame, RowOutcome& outcome, RowError& error,
                                 std::vector<std::pair<size_t, size_t>>* missing) const {
  auto& rows = outcome.target_rows;
  rows.resize(target_steps_.size());
  for (size_t t = 0; t < target_steps_.size(); ++t) {
    const TargetStep& step = target_steps_[t];
    if (step.condition && !IsTrue(step.condition->Eval(frame))) {
      rows[t].reset();
      continue;
    }
    if (!rows[t]) rows[t].emplace();
    // Filled by push_back (cheaper than assigning over NULLs); bare names only
    // read columns assigned earlier, which are already in place.
    rows[t]->clear();
    rows[t]->reserve(step.assigns.size());
    for (size_t c = 0; c < step.assigns.size(); ++c) {
      const AssignStep& a = step.assigns[c];
      frame.current_column = &a.column;
      const bool had_problem = error.set;
      core::Value v = a.value->Eval(frame);
      if (!core::IsNull(v) && v.index() != size_t(ValueTypeOf(a.type))) {
        std::optional<core::Value> converted = ConvertForColumn(v, a.type);
        if (!converted) {
          error.Set("bad_value",
                    "value '" + DescribeValue(v) + "' (" + core::ValueTypeName(core::TypeOf(v)) +
                        ") cannot be stored in " + core::ColumnTypeName(a.type) + " column " +
                        target_specs_[t].table + "." + a.column,
                    a.column, DescribeValue(v));
          v = core::Null{};
        } else {
          v = std::move(*converted);
        }
      }
      if (!had_problem && error.set) error.order = a.order;
      if (missing && a.required && core::IsNull(v)) missing->emplace_back(t, c);
      rows[t]->push_back(std::move(v));
    }
  }
  frame.current_column = nullptr;
}

void MappingImpl::Evaluate(std::span<const core::Value> row, const EvalContext& context,
                           RowOutcome& outcome) const {
  outcome.kind = OutcomeKind::kLoaded;
  outcome.reason_code.clear();
  outcome.reason.clear();
  outcome.column.clear();
  outcome.value_seen.clear();
  outcome.other_problems.clear();
  outcome.warnings.clear();
  RowError error;
  EvalFrame frame{row, &context, &outcome.target_rows, &error, nullptr, &outcome.warnings};

  // Rows rejected or excluded after the targets were computed keep those
  // values (never written; the engine reads their money for reconciliation).
  bool targets_computed = false;
  auto finish = [&](OutcomeKind kind, std::string code, std::string reason, std::string column,
                    std::string value) {
    outcome.kind = kind;
    outcome.reason_code = std::move(code);
    outcome.reason = std::move(reason);
    outcome.column = std::move(column);
    outcome.value_seen = std::move(value);
    if (!targets_computed) outcome.target_rows.clear();
  };

  // Match each lookup once per row; lookup columns read the matched rows.
  std::array<const std::vector<core::Value>*, 8> matches{};
  if (!lookup_keys_.empty()) {
    if (!context.lookups || context.lookups->size() < lookup_keys_.size()) {
      finish(OutcomeKind::kRejected, "no_lookup_data",
             "the engine gave no rows for lookup table " + lookup_specs_[0].table, "", "");
      return;
    }
    for (size_t i = 0; i < lookup_keys_.size() && i < matches.size(); ++i) {
      const core::Value key = lookup_keys_[i]->Eval(frame);
      matches[i] = core::IsNull(key) ? nullptr : context.lookups->Find(i, core::ToText(key));
    }
    frame.lookup_rows = matches.data();
  }

  if (where_ && !IsTrue(where_->Eval(frame))) {
    finish(OutcomeKind::kExcluded, "filter", "does not satisfy where " + where_text_, "", "");
    return;
  }
  error = RowError{};

  std::vector<std::pair<size_t, size_t>> missing;
  ComputeTargets(frame, outcome, error, &missing);
  targets_computed = true;

  // Rules and problems are checked in the order they are written: each
  // rule at its position, each assignment's first data problem at its. The
  // first decides; every other problem of a rejected row is listed.
  const auto list_failing_rules = [&](std::vector<RuleStep>::const_iterator from) {
    for (auto rule = from; rule != rules_.end(); ++rule)
      if (rule->kind == ast::RuleKind::kReject && IsTrue(rule->condition->Eval(frame)))
        outcome.other_problems.push_back({rule->reason_code, rule->reason, "", ""});
  };
  for (auto rule = rules_.begin(); rule != rules_.end(); ++rule) {
    if (error.set && error.order < rule->order) break;
    if (!IsTrue(rule->condition->Eval(frame))) continue;
    if (rule->kind == ast::RuleKind::kExclude) {
      finish(OutcomeKind::kExcluded, rule->reason_code, rule->reason, "", "");
      return;
    }
    finish(OutcomeKind::kRejected, rule->reason_code, rule->reason, "", "");
    if (error.set && !error.excludes)
      outcome.other_problems.push_back({error.reason_code, error.reason, error.column, error.value_seen});
    if (error.set) outcome.other_problems.insert(outcome.other_problems.end(), error.more.begin(), error.more.end());
    list_failing_rules(rule + 1);
    return;
  }
  if (error.set) {
    finish(error.excludes ? OutcomeKind::kExcluded : OutcomeKind::kRejected, error.reason_code, error.reason,
           error.column, error.value_seen);
    if (error.excludes) return;
    outcome.other_problems = std::move(error.more);
    list_failing_rules(rules_.begin());
    return;
  }
  // Every target conditional and none applies: the row goes nowhere, which
  // must be stated rather than counted as loaded.
  if (std::none_of(outcome.target_rows.begin(), outcome.target_rows.end(),
                   [](const auto& t) { return t.has_value(); })) {
    finish(OutcomeKind::kExcluded, "no_target", "no 'into ... when' condition holds", "", "");
    return;
  }
  if (!missing.empty()) {
    const auto problem = [&](std::pair<size_t, size_t> at) {
      const std::string& column = target_steps_[at.first].assigns[at.second].column;
      return RowProblem{"missing_value", "required column " + target_specs_[at.first].table + "." + column +
                                             " has no value", column, "NULL"};
    };
    RowProblem first = problem(missing.front());
    finish(OutcomeKind::kRejected, first.reason_code, first.reason, first.column, first.value_seen);
    for (size_t i = 1; i < missing.size(); ++i) outcome.other_problems.push_back(problem(missing[i]));
    return;
  }
}

std::optional<std::string> MappingImpl::EvaluateKey(std::span<const core::Value> row) const {
  if (!key_) return std::nullopt;
  RowError error;
  EvalFrame frame{row, nullptr, nullptr, &error, nullptr, nullptr};
  const core::Value v = key_->Eval(frame);
  if (core::IsNull(v)) return std::nullopt;
  std::string key = core::ToText(v);
  // A blank key ("   ", a padded CHAR column left empty) is no key, as NULL is.
  if (key.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
  return key;
}

std::optional<std::vector<core::Value>> MappingImpl::EvaluateMergeKey(std::span<const core::Value> row) const {
  if (!merge_) return std::nullopt;
  RowOutcome scratch;
  RowError error;
  const EvalContext context;
  EvalFrame frame{row, &context, &scratch.target_rows, &error, nullptr, nullptr};
  ComputeTargets(frame, scratch, error, nullptr);
  std::vector<core::Value> key;
  key.reserve(merge_keys_.size());
  for (const NodePtr& k : merge_keys_) {
    key.push_back(k->Eval(frame));
    if (core::IsNull(key.back())) return std::nullopt;
  }
  return key;
}

core::Value MappingImpl::EvaluateSurvivorOrder(std::span<const core::Value> row) const {
  if (!survivor_order_) return core::Null{};
  RowOutcome scratch;
  RowError error;
  const EvalContext context;
  EvalFrame frame{row, &context, &scratch.target_rows, &error, nullptr, nullptr};
  ComputeTargets(frame, scratch, error, nullptr);
  return survivor_order_->Eval(frame);
}

}  // namespace handover::transform
