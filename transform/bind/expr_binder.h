// ExprBinder: binds one parsed expression within a mapping's scope (its
// source alias, the target columns assigned so far, what is allowed where)
// to a typed compiled node. Internal to the binder.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "transform/bind/bind.h"
#include "transform/nodes.h"

namespace handover::transform {

// A bound expression: its node (null after an error, already reported) and static type.
struct Bound {
  NodePtr node;
  core::ValueType type = core::ValueType::kNull;
  std::optional<core::Value> constant;  // literals and params
  bool is_council_id = false;
  bool ok() const { return node != nullptr; }
};

// A target column assigned earlier, visible as a bare name.
struct SlotInfo {
  size_t target = 0;
  size_t column = 0;
  core::ValueType type = core::ValueType::kNull;
};

// A lookup table visible by its alias.
struct LookupScope {
  std::string alias;
  const core::TableSchema* table = nullptr;
  std::vector<std::string> columns;           // key column first
  std::map<std::string, size_t> column_index;
};

// Names visible while binding one mapping.
struct MappingScope {
  std::string alias;
  const core::TableSchema* table = nullptr;  // null when the source table is unknown
  std::vector<std::string> source_columns;          // in index order
  std::map<std::string, size_t> column_index;       // lower-case name -> index
  std::map<std::string, SlotInfo> slots;            // assigned target columns
  std::vector<std::string> references;              // xref entities, first use order
  std::vector<LookupScope> lookups;                 // in declaration order
  // What the expression being bound may use.
  bool allow_slots = true;
  bool allow_council_id = true;
  bool allow_lookups = true;  // code() and xref()
  bool allow_joined = true;   // columns of lookup tables
  std::string context;        // "the key", "the where filter" for messages
};

class ExprBinder {
 public:
  ExprBinder(const ParsedFile& file, const BindEnvironment& env, MappingScope& scope,
             std::vector<Diagnostic>& diagnostics)
      : file_(file), env_(env), scope_(scope), diagnostics_(diagnostics) {}

  Bound Bind(const ast::Expr& expr);
  // Binds and requires a bool (or NULL) result, reporting "`what` must be a condition".
  Bound BindCondition(const ast::Expr& expr, const std::string& what);

 private:
  Bound BindOperand(const ast::Operand& operand);
  Bound BindChain(Bound lhs, std::list<ast::Operation>::const_iterator& it,
                  std::list<ast::Operation>::const_iterator end, int min_precedence);
  Bound Combine(const ast::Operation& op, Bound lhs, Bound rhs);
  Bound BindLiteral(const ast::Literal& literal);
  Bound BindName(const ast::Name& name);
  Bound BindCall(const ast::Call& call);
  Bound BindSpecial(const ast::Call& call, const FunctionInfo& fn);
  Bound BindIf(const ast::IfExpr& e);
  Bound BindCase(const ast::CaseExpr& e);
  Bound BindUnary(const ast::Unary& u);
  // Unifies branch types (NULL joins anything); reports at `where` on mismatch.
  std::optional<core::ValueType> Unify(core::ValueType a, core::ValueType b, const ast::x3::position_tagged& where,
                                 const std::string& what);
  void Error(const ast::x3::position_tagged& where, std::string message);

  const ParsedFile& file_;
  const BindEnvironment& env_;
  MappingScope& scope_;
  std::vector<Diagnostic>& diagnostics_;
  // Operators in the outermost expression being bound (nested ones included),
  // bounded so that evaluation depth stays bounded; see kMaxOperators.
  int nesting_ = 0;
  size_t operators_ = 0;
};

// The most operators one expression may hold. Evaluation recurses once per
// operator, so a generated 100,000-term sum would exhaust the stack.
inline constexpr size_t kMaxOperators = 1000;

// The position of an operand (its first tagged node).
// A Bound of `node` with static type `type`.
Bound Typed(NodePtr node, core::ValueType type);
// "integer or text": the types in `mask`, for messages.
std::string TypeList(TypeMask mask);
const ast::x3::position_tagged& PositionOf(const ast::Operand& operand);
const ast::x3::position_tagged& PositionOf(const ast::Expr& expr);

}  // namespace handover::transform
