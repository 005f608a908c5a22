// Binding function calls: the function table's signatures, argument types
// and the special forms (code sets, xref, lookups) the binder resolves itself.
#include <charconv>

#include "transform/bind/expr_binder.h"
#include "transform/suggest.h"
#include "transform/value_ops.h"
#include "core/ascii.h"

namespace handover::transform {

Bound ExprBinder::BindCall(const ast::Call& call) {
  const std::string name = core::AsciiLower(call.function.name);
  const FunctionInfo* fn = FindFunction(name);
  if (!fn) {
    Error(call.function, "unknown function '" + call.function.name + "'" +
                             DidYouMean(name, FunctionNames()));
    return {};
  }
  const int n = int(call.args.size());
  if (n < fn->min_args || (fn->max_args >= 0 && n > fn->max_args)) {
    std::string expected = std::to_string(fn->min_args);
    if (fn->max_args < 0) expected = "at least " + expected;
    else if (fn->max_args != fn->min_args)
      expected += " to " + std::to_string(fn->max_args);
    Error(call.function, "'" + name + "' takes " + expected + " argument" +
                             (fn->min_args == 1 && fn->max_args == 1 ? "" : "s") + ", " +
                             std::to_string(n) + " given: " + std::string(fn->signature));
    return {};
  }
  if (fn->special != Special::kNone) return BindSpecial(call, *fn);

  std::vector<NodePtr> args;
  std::vector<std::string> literals;
  bool ok = true;
  for (int i = 0; i < n; ++i) {
    const ast::Expr& arg = call.args[size_t(i)];
    Bound b = Bind(arg);
    if (!b.ok()) {
      ok = false;
      continue;
    }
    const TypeMask accepted = fn->params[std::min(size_t(i), fn->params.size() - 1)];
    if (b.type != core::ValueType::kNull && !(accepted & Mask(b.type))) {
      std::string message = "argument " + std::to_string(i + 1) + " of '" + name + "' must be " +
                            TypeList(accepted) + ", not " + core::ValueTypeName(b.type) + ": " +
                            std::string(fn->signature);
      if (accepted == kText) message += "; convert with text(...)";
      Error(PositionOf(arg), message);
      ok = false;
      continue;
    }
    if (fn->literal_from >= 0 && i >= fn->literal_from && accepted == kText) {
      if (!b.constant || !std::holds_alternative<std::string>(*b.constant)) {
        Error(PositionOf(arg), "argument " + std::to_string(i + 1) + " of '" + name +
                                   "' must be a string literal or parameter: " +
                                   std::string(fn->signature));
        ok = false;
        continue;
      }
      literals.push_back(std::get<std::string>(*b.constant));
    }
    args.push_back(std::move(b.node));
  }
  if (!ok) return {};
  std::unique_ptr<FunctionState> state;
  if (fn->prepare) {
    std::string error;
    state = fn->prepare(literals, error);
    if (!state) {
      Error(call.args.size() > size_t(fn->literal_from) ? PositionOf(call.args[size_t(fn->literal_from)])
                                                        : static_cast<const ast::x3::position_tagged&>(call),
            error);
      return {};
    }
  }
  return Typed(MakeCall(fn, std::move(state), std::move(args)), fn->result);
}

Bound ExprBinder::BindSpecial(const ast::Call& call, const FunctionInfo& fn) {
  const std::string name(fn.name);
  if (fn.special == Special::kCoalesce) {
    std::vector<NodePtr> args;
    core::ValueType type = core::ValueType::kNull;
    for (const ast::Expr& arg : call.args) {
      Bound b = Bind(arg);
      if (!b.ok()) return {};
      auto unified = Unify(type, b.type, PositionOf(arg), "'coalesce'");
      if (!unified) return {};
      type = *unified;
      args.push_back(std::move(b.node));
    }
    return Typed(MakeCoalesce(std::move(args)), type);
  }
  if (!scope_.allow_lookups) {
    Error(call.function, "'" + name + "' cannot be used in " + scope_.context);
    return {};
  }
  // The first argument names a code set or a mapping: a bare name.
  const ast::Expr& first = call.args[0];
  const ast::Name* target = nullptr;
  if (first.rest.empty()) {
    const ast::Operand* op = &first.first;
    // Unwrap the single-operand expressions the grammar nests.
    while (auto* nested = boost::get<ast::x3::forward_ast<ast::Expr>>(op)) {
      if (!nested->get().rest.empty()) break;
      op = &nested->get().first;
    }
    target = boost::get<ast::Name>(op);
  }
  if (!target || target->second) {
    Error(PositionOf(first), "the first argument of '" + name + "' must be the name of a " +
                                 (fn.special == Special::kCode ? "code set" : "mapping") + ": " +
                                 std::string(fn.signature));
    return {};
  }
  const std::string label = core::AsciiLower(target->first.name);
  Bound value = Bind(call.args[1]);
  if (fn.special == Special::kCode) {
    auto it = env_.code_sets.find(label);
    if (it == env_.code_sets.end()) {
      std::vector<std::string> names;
      for (const auto& [set, _] : env_.code_sets) names.push_back(set);
      Error(target->first, "unknown code set '" + target->first.name + "'" + DidYouMean(label, names));
      return {};
    }
    if (!value.ok()) return {};
    return Typed(MakeCode(it->second, std::move(value.node)), core::ValueType::kText);
  }
  if (!env_.keyed_mappings.count(label)) {
    if (env_.all_mappings.count(label)) {
      Error(target->first, "mapping '" + label + "' has no 'key', so xref() cannot refer to it");
    } else {
      std::vector<std::string> names(env_.keyed_mappings.begin(), env_.keyed_mappings.end());
      Error(target->first, "unknown mapping '" + target->first.name + "' in xref" + DidYouMean(label, names));
    }
    return {};
  }
  if (!value.ok()) return {};
  if (std::find(scope_.references.begin(), scope_.references.end(), label) == scope_.references.end())
    scope_.references.push_back(label);
  return Typed(MakeXref(label, std::move(value.node)), core::ValueType::kInteger);
}

}  // namespace handover::transform
