// Factories for compiled expression nodes (the bound, typed, index-resolved
// form the binder produces). Each node evaluates one construct with SQL NULL
// semantics; see docs/mapping-language.md.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "transform/code_set.h"
#include "transform/eval.h"
#include "transform/functions/function.h"
#include "transform/language/ast.h"

namespace handover::transform {

NodePtr MakeConstant(core::Value value);
NodePtr MakeColumn(size_t index);                  // row[index]
NodePtr MakeSlot(size_t target, size_t column);    // an earlier assignment's value
NodePtr MakeLookupColumn(size_t lookup, size_t column);  // a column of a lookup's matched row
NodePtr MakeCouncilId();                           // EvalContext::council_id
NodePtr MakeMerged();                              // EvalContext::merged
NodePtr MakeCompare(ast::OpToken op, NodePtr left, NodePtr right);
NodePtr MakeArithmetic(ast::OpToken op, NodePtr left, NodePtr right);
NodePtr MakeAnd(NodePtr left, NodePtr right);      // three-valued
NodePtr MakeOr(NodePtr left, NodePtr right);
NodePtr MakeNot(NodePtr operand);
NodePtr MakeNegate(NodePtr operand);
NodePtr MakeIsNull(NodePtr operand, bool negated);
// if/case: the first condition that is true picks its value; else `otherwise` (may be null).
NodePtr MakeIf(std::vector<std::pair<NodePtr, NodePtr>> branches, NodePtr otherwise);
NodePtr MakeCoalesce(std::vector<NodePtr> args);
// A null-propagating call of a table function (state may be null).
NodePtr MakeCall(const FunctionInfo* function, std::unique_ptr<FunctionState> state,
                 std::vector<NodePtr> args);
NodePtr MakeCode(std::shared_ptr<const CodeSet> set, NodePtr value);
NodePtr MakeXref(std::string entity, NodePtr key);

}  // namespace handover::transform
