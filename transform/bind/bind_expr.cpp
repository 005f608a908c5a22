// Binding expressions: names to indices, calls to the function table,
// operator chains to a tree by precedence, with a static type for everything.
#include <charconv>

#include "transform/bind/expr_binder.h"
#include "transform/suggest.h"
#include "transform/value_ops.h"
#include "core/ascii.h"

namespace handover::transform {
namespace {

using ast::OpToken;

// Binding strength of chain operators (higher binds tighter). `is null`
// binds looser than comparisons, as in PostgreSQL: a = b is null -> (a = b) is null.
int Precedence(OpToken op) {
  switch (op) {
    case OpToken::kOr: return 1;
    case OpToken::kAnd: return 2;
    case OpToken::kIsNull: case OpToken::kIsNotNull: return 4;
    case OpToken::kEq: case OpToken::kNe: case OpToken::kLt: case OpToken::kLe:
    case OpToken::kGt: case OpToken::kGe: return 5;
    case OpToken::kConcat: return 6;
    case OpToken::kAdd: case OpToken::kSub: return 7;
    case OpToken::kMul: case OpToken::kDiv: case OpToken::kMod: return 8;
    default: return 0;
  }
}

const char* OpText(OpToken op) {
  switch (op) {
    case OpToken::kOr: return "or";
    case OpToken::kAnd: return "and";
    case OpToken::kEq: return "=";
    case OpToken::kNe: return "!=";
    case OpToken::kLt: return "<";
    case OpToken::kLe: return "<=";
    case OpToken::kGt: return ">";
    case OpToken::kGe: return ">=";
    case OpToken::kAdd: return "+";
    case OpToken::kSub: return "-";
    case OpToken::kMul: return "*";
    case OpToken::kDiv: return "/";
    case OpToken::kMod: return "%";
    case OpToken::kConcat: return "||";
    case OpToken::kIsNull: return "is null";
    case OpToken::kIsNotNull: return "is not null";
    case OpToken::kNot: return "not";
    case OpToken::kNeg: return "-";
  }
  return "?";
}

bool IsComparison(OpToken op) { return Precedence(op) == 5; }

const ast::x3::position_tagged kNowhere;

// Every operand alternative but Nil is position-tagged.
struct PositionVisitor {
  using result_type = const ast::x3::position_tagged&;
  result_type operator()(const ast::Nil&) const { return kNowhere; }
  result_type operator()(const ast::x3::position_tagged& x) const { return x; }
};

}  // namespace

Bound Typed(NodePtr node, core::ValueType type) {
  Bound b;
  b.node = std::move(node);
  b.type = type;
  return b;
}

std::string TypeList(TypeMask mask) {
  std::string out;
  for (int t = 1; t <= int(core::ValueType::kDate); ++t) {
    if (!(mask & Mask(core::ValueType(t)))) continue;
    if (!out.empty()) out += " or ";
    out += core::ValueTypeName(core::ValueType(t));
  }
  return out;
}

const ast::x3::position_tagged& PositionOf(const ast::Operand& operand) {
  return boost::apply_visitor(PositionVisitor{}, operand);
}

const ast::x3::position_tagged& PositionOf(const ast::Expr& expr) {
  if (expr.id_first >= 0) return expr;
  return PositionOf(expr.first);
}

void ExprBinder::Error(const ast::x3::position_tagged& where, std::string message) {
  diagnostics_.push_back(file_.At(where, std::move(message)));
}

Bound ExprBinder::Bind(const ast::Expr& expr) {
  if (nesting_ == 0) operators_ = 0;
  const size_t before = operators_;
  operators_ += expr.rest.size();
  if (operators_ > kMaxOperators) {
    // Reported once, by the expression that crossed the limit.
    if (before <= kMaxOperators)
      Error(PositionOf(expr), "this expression has more than " + std::to_string(kMaxOperators) +
                                  " operators (" + std::to_string(operators_) +
                                  " counted); split it over several columns, or use a code set or a lookup");
    return {};
  }
  ++nesting_;
  Bound lhs = BindOperand(expr.first);
  auto it = expr.rest.begin();
  Bound bound = BindChain(std::move(lhs), it, expr.rest.end(), 0);
  --nesting_;
  return bound;
}

Bound ExprBinder::BindCondition(const ast::Expr& expr, const std::string& what) {
  Bound b = Bind(expr);
  if (b.ok() && b.type != core::ValueType::kBool && b.type != core::ValueType::kNull) {
    Error(PositionOf(expr), what + " must be a condition (true/false), not " +
                                core::ValueTypeName(b.type));
    return {};
  }
  return b;
}

// Precedence climbing over the flat operator list the grammar produced.
Bound ExprBinder::BindChain(Bound lhs, std::list<ast::Operation>::const_iterator& it,
                            std::list<ast::Operation>::const_iterator end, int min_precedence) {
  while (it != end && Precedence(it->op) >= min_precedence) {
    const ast::Operation& op = *it++;
    if (op.op == OpToken::kIsNull || op.op == OpToken::kIsNotNull) {
      lhs = Combine(op, std::move(lhs), Bound{});
      continue;
    }
    Bound rhs = BindOperand(op.operand);
    while (it != end && Precedence(it->op) > Precedence(op.op))
      rhs = BindChain(std::move(rhs), it, end, Precedence(op.op) + 1);
    lhs = Combine(op, std::move(lhs), std::move(rhs));
  }
  return lhs;
}

Bound ExprBinder::Combine(const ast::Operation& op, Bound lhs, Bound rhs) {
  const bool postfix = op.op == OpToken::kIsNull || op.op == OpToken::kIsNotNull;
  if (!lhs.ok() || (!postfix && !rhs.ok())) return {};
  Bound out;
  if (postfix) {
    out.node = MakeIsNull(std::move(lhs.node), op.op == OpToken::kIsNotNull);
    out.type = core::ValueType::kBool;
    return out;
  }
  if (op.op == OpToken::kAnd || op.op == OpToken::kOr) {
    for (const Bound* side : {&lhs, &rhs}) {
      if (side->type != core::ValueType::kBool && side->type != core::ValueType::kNull) {
        Error(op, std::string("'") + OpText(op.op) + "' needs conditions on both sides, not " +
                      core::ValueTypeName(side->type));
        return {};
      }
    }
    out.node = op.op == OpToken::kAnd ? MakeAnd(std::move(lhs.node), std::move(rhs.node))
                                      : MakeOr(std::move(lhs.node), std::move(rhs.node));
    out.type = core::ValueType::kBool;
    return out;
  }
  if (IsComparison(op.op)) {
    if (lhs.type == core::ValueType::kNull || rhs.type == core::ValueType::kNull) {
      Error(op, std::string("comparing with null with '") + OpText(op.op) +
                    "' is never true; use 'is null' or 'is not null'");
      return {};
    }
    // A text literal compared with a date is read as an ISO date.
    for (auto [date_side, text_side] : {std::pair{&lhs, &rhs}, std::pair{&rhs, &lhs}}) {
      if (date_side->type != core::ValueType::kDate || text_side->type != core::ValueType::kText ||
          !text_side->constant)
        continue;
      auto d = core::Date::ParseIso(std::get<std::string>(*text_side->constant));
      if (!d) {
        Error(op, "'" + std::get<std::string>(*text_side->constant) +
                      "' is not a date (YYYY-MM-DD) and cannot be compared with a date");
        return {};
      }
      text_side->node = MakeConstant(*d);
      text_side->type = core::ValueType::kDate;
    }
    // An integer literal compared with money counts pence: amount_pence > 100 is "over £1".
    for (auto [money_side, int_side] : {std::pair{&lhs, &rhs}, std::pair{&rhs, &lhs}}) {
      if (money_side->type != core::ValueType::kPence || int_side->type != core::ValueType::kInteger ||
          !int_side->constant)
        continue;
      int_side->node = MakeConstant(core::Pence{std::get<int64_t>(*int_side->constant)});
      int_side->type = core::ValueType::kPence;
    }
    const std::string problem = CheckComparable(lhs.type, rhs.type);
    if (!problem.empty()) {
      Error(op, problem);
      return {};
    }
    out.node = MakeCompare(op.op, std::move(lhs.node), std::move(rhs.node));
    out.type = core::ValueType::kBool;
    return out;
  }
  const OpTyping typing = TypeArithmetic(op.op, lhs.type, rhs.type);
  if (!typing.error.empty()) {
    Error(op, std::string("'") + OpText(op.op) + "': " + typing.error);
    return {};
  }
  out.node = MakeArithmetic(op.op, std::move(lhs.node), std::move(rhs.node));
  out.type = typing.result;
  return out;
}

Bound ExprBinder::BindOperand(const ast::Operand& operand) {
  struct Visitor {
    ExprBinder& b;
    Bound operator()(const ast::Nil&) const { return {}; }
    Bound operator()(const ast::Literal& x) const { return b.BindLiteral(x); }
    Bound operator()(const ast::Name& x) const { return b.BindName(x); }
    Bound operator()(const ast::Call& x) const { return b.BindCall(x); }
    Bound operator()(const ast::Unary& x) const { return b.BindUnary(x); }
    Bound operator()(const ast::Expr& x) const { return b.Bind(x); }
    Bound operator()(const ast::IfExpr& x) const { return b.BindIf(x); }
    Bound operator()(const ast::CaseExpr& x) const { return b.BindCase(x); }
  };
  return boost::apply_visitor(Visitor{*this}, operand);
}

Bound ExprBinder::BindUnary(const ast::Unary& u) {
  Bound x = BindOperand(u.operand);
  if (!x.ok()) return {};
  Bound out;
  if (u.op == OpToken::kNot) {
    if (x.type != core::ValueType::kBool && x.type != core::ValueType::kNull) {
      Error(u, std::string("'not' needs a condition, not ") + core::ValueTypeName(x.type));
      return {};
    }
    out.node = MakeNot(std::move(x.node));
    out.type = core::ValueType::kBool;
    return out;
  }
  if (x.type != core::ValueType::kInteger && x.type != core::ValueType::kPence &&
      x.type != core::ValueType::kDecimal && x.type != core::ValueType::kNull) {
    Error(u, std::string("cannot negate ") + core::ValueTypeName(x.type));
    return {};
  }
  out.type = x.type;
  out.node = MakeNegate(std::move(x.node));
  return out;
}

std::optional<core::ValueType> ExprBinder::Unify(core::ValueType a, core::ValueType b,
                                           const ast::x3::position_tagged& where,
                                           const std::string& what) {
  if (a == core::ValueType::kNull) return b;
  if (b == core::ValueType::kNull || a == b) return a;
  Error(where, what + " mixes " + core::ValueTypeName(a) + " and " + core::ValueTypeName(b) +
                   "; convert one side (text(...), integer(...), money(...), date(...))");
  return std::nullopt;
}

Bound ExprBinder::BindIf(const ast::IfExpr& e) {
  Bound c = BindCondition(e.condition, "the 'if' test");
  Bound t = Bind(e.then_value);
  Bound o = e.else_value ? Bind(*e.else_value) : Typed(MakeConstant(core::Null{}), core::ValueType::kNull);
  if (!c.ok() || !t.ok() || !o.ok()) return {};
  auto type = Unify(t.type, o.type, e, "'if'");
  if (!type) return {};
  std::vector<std::pair<NodePtr, NodePtr>> branches;
  branches.emplace_back(std::move(c.node), std::move(t.node));
  return Typed(MakeIf(std::move(branches), std::move(o.node)), *type);
}

Bound ExprBinder::BindCase(const ast::CaseExpr& e) {
  std::vector<std::pair<NodePtr, NodePtr>> branches;
  core::ValueType type = core::ValueType::kNull;
  bool ok = true;
  for (const ast::WhenClause& w : e.whens) {
    Bound c = BindCondition(w.condition, "a 'when' test");
    Bound v = Bind(w.value);
    if (!c.ok() || !v.ok()) {
      ok = false;
      continue;
    }
    auto unified = Unify(type, v.type, w, "'case'");
    if (!unified) return {};
    type = *unified;
    branches.emplace_back(std::move(c.node), std::move(v.node));
  }
  NodePtr otherwise;
  if (e.else_value) {
    Bound o = Bind(*e.else_value);
    if (!o.ok()) return {};
    auto unified = Unify(type, o.type, *e.else_value, "'case'");
    if (!unified) return {};
    type = *unified;
    otherwise = std::move(o.node);
  }
  if (!ok) return {};
  return Typed(MakeIf(std::move(branches), std::move(otherwise)), type);
}

}  // namespace handover::transform
