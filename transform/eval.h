// The evaluation machinery shared by compiled expressions: the per-row frame
// (row, context, target values computed so far, first error) and the node
// interface every compiled expression implements.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/value.h"
#include "transform/mapping_program.h"

namespace handover::transform {

// The first data problem met while evaluating a row (orphan reference,
// unmapped code, a value the target column cannot hold), which decides the
// row's outcome; later problems of the same row are kept in `more`.
struct RowError {
  bool set = false;
  // The problem excludes the row rather than rejecting it (a reference to a
  // record that was itself excluded).
  bool excludes = false;
  std::string reason_code;
  std::string reason;
  std::string column;
  std::string value_seen;
  std::vector<RowProblem> more;
  // Position (statement order) of the assignment that met the first problem.
  size_t order = 0;

  void Set(std::string code, std::string why, std::string col, std::string value, bool exclusion = false) {
    if (set) {
      // One line per distinct problem: a value read twice is one problem.
      const auto same = [&](const RowProblem& p) { return p.reason_code == code && p.column == col && p.value_seen == value; };
      if (same(RowProblem{reason_code, reason, column, value_seen}) || std::any_of(more.begin(), more.end(), same)) return;
      if (!exclusion) more.push_back({std::move(code), std::move(why), std::move(col), std::move(value)});
      return;
    }
    set = true;
    excludes = exclusion;
    reason_code = std::move(code);
    reason = std::move(why);
    column = std::move(col);
    value_seen = std::move(value);
  }
};

// Everything an expression may read while one row is evaluated.
struct EvalFrame {
  std::span<const core::Value> row;              // in CompiledMapping::source_columns() order
  const EvalContext* context = nullptr;
  // Target values assigned so far (read by bare column names); a target whose
  // condition did not hold is nullopt.
  const std::vector<std::optional<std::vector<core::Value>>>* targets = nullptr;
  RowError* error = nullptr;
  // The column being assigned, for error messages ("" outside assignments).
  const std::string* current_column = nullptr;
  // Where row-level warnings go (RowOutcome::warnings); may be null.
  std::vector<std::string>* warnings = nullptr;
  // The matched row of each lookup (nullptr: no match), or null outside Evaluate.
  const std::vector<core::Value>* const* lookup_rows = nullptr;
};

// A compiled, typed expression. Eval never throws and never looks anything
// up by name: columns are indices, functions are pointers.
class ExprNode {
 public:
  virtual ~ExprNode() = default;
  virtual core::Value Eval(EvalFrame& frame) const = 0;
  // The value without copying it, for nodes that hold or point at one
  // (constants, columns, assigned columns); nullptr means "call Eval".
  virtual const core::Value* Peek(const EvalFrame&) const { return nullptr; }
};

using NodePtr = std::unique_ptr<ExprNode>;

// SQL truth: true only for a non-NULL true value (NULL counts as false).
inline bool IsTrue(const core::Value& v) {
  const bool* b = std::get_if<bool>(&v);
  return b != nullptr && *b;
}

}  // namespace handover::transform
