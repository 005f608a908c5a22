// Operations on Values shared by the binder and the evaluator: comparison,
// arithmetic, and conversion into a target column type. All exact: money is
// integer pence, decimals are scaled integers, nothing passes through a float.
#pragma once

#include <optional>
#include <string>

#include "extract/schema.h"
#include "extract/value.h"
#include "transform/language/ast.h"

namespace handover::transform {

// -1, 0 or 1; nullopt when either side is NULL or the types cannot be compared.
std::optional<int> CompareValues(const Value& a, const Value& b);

// The static result type of `a op b` for arithmetic/concat operators, or an
// error message. kNull operands (the null literal) give kNull.
struct OpTyping {
  ValueType result = ValueType::kNull;
  std::string error;  // empty when fine
};
OpTyping TypeArithmetic(ast::OpToken op, ValueType a, ValueType b);
// An error message when `a` and `b` cannot be compared, else empty.
std::string CheckComparable(ValueType a, ValueType b);

// Evaluates an arithmetic/concat operator (NULL in, NULL out; overflow or
// division by zero gives NULL).
Value Arithmetic(ast::OpToken op, const Value& a, const Value& b);

// How a value of static type `from` goes into a column of type `to`.
enum class Assignability { kDirect, kRuntime, kNever };
Assignability CanAssign(ValueType from, ColumnType to);

// Converts a value for a column of type `to`; nullopt when the column cannot
// hold it (the row is then rejected naming the column and value). NULL stays NULL.
std::optional<Value> ConvertForColumn(const Value& v, ColumnType to);

// The Value type a column of this logical type holds.
ValueType ValueTypeOf(ColumnType type);

// Renders a value for a ledger's value_seen / messages.
std::string DescribeValue(const Value& v);

}  // namespace handover::transform
