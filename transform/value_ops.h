// Operations on Values shared by the binder and the evaluator: comparison,
// arithmetic, and conversion into a target column type. All exact: money is
// integer pence, decimals are scaled integers, nothing passes through a float.
#pragma once

#include <optional>
#include <string>

#include "core/schema.h"
#include "core/value.h"
#include "transform/language/ast.h"

namespace handover::transform {

// -1, 0 or 1; nullopt when either side is NULL or the types cannot be compared.
std::optional<int> CompareValues(const core::Value& a, const core::Value& b);

// The static result type of `a op b` for arithmetic/concat operators, or an
// error message. kNull operands (the null literal) give kNull.
struct OpTyping {
  core::ValueType result = core::ValueType::kNull;
  std::string error;  // empty when fine
};
OpTyping TypeArithmetic(ast::OpToken op, core::ValueType a, core::ValueType b);
// An error message when `a` and `b` cannot be compared, else empty.
std::string CheckComparable(core::ValueType a, core::ValueType b);

// Evaluates an arithmetic/concat operator (NULL in, NULL out; overflow or
// division by zero gives NULL).
core::Value Arithmetic(ast::OpToken op, const core::Value& a, const core::Value& b);

// How a value of static type `from` goes into a column of type `to`.
enum class Assignability { kDirect, kRuntime, kNever };
Assignability CanAssign(core::ValueType from, core::ColumnType to);

// Converts a value for a column of type `to`; nullopt when the column cannot
// hold it (the row is then rejected naming the column and value). NULL stays NULL.
std::optional<core::Value> ConvertForColumn(const core::Value& v, core::ColumnType to);

// The Value type a column of this logical type holds.
core::ValueType ValueTypeOf(core::ColumnType type);

// Renders a value for a ledger's value_seen / messages.
std::string DescribeValue(const core::Value& v);

}  // namespace handover::transform
