#include "transform/nodes.h"

#include <array>

#include "transform/value_ops.h"

namespace handover::transform {
namespace {

using ast::OpToken;

class ConstantNode final : public ExprNode {
 public:
  explicit ConstantNode(core::Value v) : value_(std::move(v)) {}
  core::Value Eval(EvalFrame&) const override { return value_; }
  const core::Value* Peek(const EvalFrame&) const override { return &value_; }
 private:
  core::Value value_;
};

class ColumnNode final : public ExprNode {
 public:
  explicit ColumnNode(size_t index) : index_(index) {}
  core::Value Eval(EvalFrame& f) const override {
    return index_ < f.row.size() ? f.row[index_] : core::Value(core::Null{});
  }
  const core::Value* Peek(const EvalFrame& f) const override {
    static const core::Value kNull;
    return index_ < f.row.size() ? &f.row[index_] : &kNull;
  }
 private:
  size_t index_;
};

class SlotNode final : public ExprNode {
 public:
  SlotNode(size_t target, size_t column) : target_(target), column_(column) {}
  core::Value Eval(EvalFrame& f) const override { return *Peek(f); }
  const core::Value* Peek(const EvalFrame& f) const override {
    static const core::Value kNull;
    if (!f.targets || target_ >= f.targets->size()) return &kNull;
    const auto& row = (*f.targets)[target_];
    if (!row || column_ >= row->size()) return &kNull;
    return &(*row)[column_];
  }
 private:
  size_t target_, column_;
};

class LookupColumnNode final : public ExprNode {
 public:
  LookupColumnNode(size_t lookup, size_t column) : lookup_(lookup), column_(column) {}
  core::Value Eval(EvalFrame& f) const override {
    if (!f.lookup_rows || !f.lookup_rows[lookup_]) return core::Null{};
    const std::vector<core::Value>& row = *f.lookup_rows[lookup_];
    return column_ < row.size() ? row[column_] : core::Value(core::Null{});
  }
 private:
  size_t lookup_, column_;
};

class CouncilIdNode final : public ExprNode {
 public:
  core::Value Eval(EvalFrame& f) const override {
    if (f.context && f.context->council_id) return *f.context->council_id;
    return core::Null{};
  }
};

class MergedNode final : public ExprNode {
 public:
  core::Value Eval(EvalFrame& f) const override { return f.context != nullptr && f.context->merged; }
};

class CompareNode final : public ExprNode {
 public:
  CompareNode(OpToken op, NodePtr l, NodePtr r) : op_(op), l_(std::move(l)), r_(std::move(r)) {}
  core::Value Eval(EvalFrame& f) const override {
    // Compare in place when a side is a constant or a column: no copy.
    core::Value left_value, right_value;
    const core::Value* left = l_->Peek(f);
    if (!left) left_value = l_->Eval(f), left = &left_value;
    const core::Value* right = r_->Peek(f);
    if (!right) right_value = r_->Eval(f), right = &right_value;
    const auto c = CompareValues(*left, *right);
    if (!c) return core::Null{};
    switch (op_) {
      case OpToken::kEq: return *c == 0;
      case OpToken::kNe: return *c != 0;
      case OpToken::kLt: return *c < 0;
      case OpToken::kLe: return *c <= 0;
      case OpToken::kGt: return *c > 0;
      case OpToken::kGe: return *c >= 0;
      default: return core::Null{};
    }
  }
 private:
  OpToken op_;
  NodePtr l_, r_;
};

class ArithmeticNode final : public ExprNode {
 public:
  ArithmeticNode(OpToken op, NodePtr l, NodePtr r) : op_(op), l_(std::move(l)), r_(std::move(r)) {}
  core::Value Eval(EvalFrame& f) const override { return Arithmetic(op_, l_->Eval(f), r_->Eval(f)); }
 private:
  OpToken op_;
  NodePtr l_, r_;
};

class AndNode final : public ExprNode {
 public:
  AndNode(NodePtr l, NodePtr r) : l_(std::move(l)), r_(std::move(r)) {}
  core::Value Eval(EvalFrame& f) const override {
    const core::Value a = l_->Eval(f);
    if (const bool* b = std::get_if<bool>(&a); b && !*b) return false;
    const core::Value c = r_->Eval(f);
    if (const bool* d = std::get_if<bool>(&c); d && !*d) return false;
    if (core::IsNull(a) || core::IsNull(c)) return core::Null{};
    return true;
  }
 private:
  NodePtr l_, r_;
};

class OrNode final : public ExprNode {
 public:
  OrNode(NodePtr l, NodePtr r) : l_(std::move(l)), r_(std::move(r)) {}
  core::Value Eval(EvalFrame& f) const override {
    const core::Value a = l_->Eval(f);
    if (IsTrue(a)) return true;
    const core::Value c = r_->Eval(f);
    if (IsTrue(c)) return true;
    if (core::IsNull(a) || core::IsNull(c)) return core::Null{};
    return false;
  }
 private:
  NodePtr l_, r_;
};

class NotNode final : public ExprNode {
 public:
  explicit NotNode(NodePtr x) : x_(std::move(x)) {}
  core::Value Eval(EvalFrame& f) const override {
    const core::Value a = x_->Eval(f);
    if (const bool* b = std::get_if<bool>(&a)) return !*b;
    return core::Null{};
  }
 private:
  NodePtr x_;
};

class NegateNode final : public ExprNode {
 public:
  explicit NegateNode(NodePtr x) : x_(std::move(x)) {}
  core::Value Eval(EvalFrame& f) const override {
    const core::Value a = x_->Eval(f);
    if (auto* i = std::get_if<int64_t>(&a)) return *i == INT64_MIN ? core::Value(core::Null{}) : core::Value(-*i);
    if (auto* p = std::get_if<core::Pence>(&a)) return p->value == INT64_MIN ? core::Value(core::Null{}) : core::Value(core::Pence{-p->value});
    if (auto* d = std::get_if<core::Decimal>(&a)) return core::Decimal{-d->mantissa, d->scale};
    return core::Null{};
  }
 private:
  NodePtr x_;
};

class IsNullNode final : public ExprNode {
 public:
  IsNullNode(NodePtr x, bool negated) : x_(std::move(x)), negated_(negated) {}
  core::Value Eval(EvalFrame& f) const override {
    if (const core::Value* v = x_->Peek(f)) return core::IsNull(*v) != negated_;
    return core::IsNull(x_->Eval(f)) != negated_;
  }
 private:
  NodePtr x_;
  bool negated_;
};

class IfNode final : public ExprNode {
 public:
  IfNode(std::vector<std::pair<NodePtr, NodePtr>> b, NodePtr o)
      : branches_(std::move(b)), otherwise_(std::move(o)) {}
  core::Value Eval(EvalFrame& f) const override {
    for (const auto& [condition, value] : branches_)
      if (IsTrue(condition->Eval(f))) return value->Eval(f);
    return otherwise_ ? otherwise_->Eval(f) : core::Value(core::Null{});
  }
 private:
  std::vector<std::pair<NodePtr, NodePtr>> branches_;
  NodePtr otherwise_;
};

class CoalesceNode final : public ExprNode {
 public:
  explicit CoalesceNode(std::vector<NodePtr> args) : args_(std::move(args)) {}
  core::Value Eval(EvalFrame& f) const override {
    for (const NodePtr& a : args_) {
      core::Value v = a->Eval(f);
      if (!core::IsNull(v)) return v;
    }
    return core::Null{};
  }
 private:
  std::vector<NodePtr> args_;
};

class CallNode final : public ExprNode {
 public:
  CallNode(const FunctionInfo* fn, std::unique_ptr<FunctionState> state, std::vector<NodePtr> args)
      : fn_(fn), state_(std::move(state)), args_(std::move(args)) {}
  core::Value Eval(EvalFrame& f) const override {
    if (args_.size() == 1) {  // the common case: no buffer at all
      core::Value v = args_[0]->Eval(f);
      if (core::IsNull(v)) return v;
      return fn_->impl(std::span<core::Value>(&v, 1), state_.get());
    }
    if (args_.size() <= kInline) {
      // Values built in place (no default construction and reassignment).
      alignas(core::Value) unsigned char buffer[kInline * sizeof(core::Value)];
      core::Value* values = reinterpret_cast<core::Value*>(buffer);
      size_t built = 0;
      struct Destroy {
        core::Value* v;
        size_t& n;
        ~Destroy() { for (size_t i = 0; i < n; ++i) std::destroy_at(&v[i]); }
      } destroy{values, built};
      // Every argument is evaluated, so each one's data problem is listed.
      bool any_null = false;
      for (; built < args_.size();) {
        new (&values[built]) core::Value(args_[built]->Eval(f));
        any_null |= core::IsNull(values[built++]);
      }
      if (any_null) return core::Null{};
      return fn_->impl(std::span<core::Value>(values, args_.size()), state_.get());
    }
    std::vector<core::Value> values;
    values.reserve(args_.size());
    bool any_null = false;
    for (const NodePtr& a : args_) {
      values.push_back(a->Eval(f));
      any_null |= core::IsNull(values.back());
    }
    if (any_null) return core::Null{};
    return fn_->impl(values, state_.get());
  }
 private:
  static constexpr size_t kInline = 4;
  const FunctionInfo* fn_;
  std::unique_ptr<FunctionState> state_;
  std::vector<NodePtr> args_;
};

const std::string& CurrentColumn(const EvalFrame& f) {
  static const std::string kNone;
  return f.current_column ? *f.current_column : kNone;
}

class CodeNode final : public ExprNode {
 public:
  CodeNode(std::shared_ptr<const CodeSet> set, NodePtr value)
      : set_(std::move(set)), value_(std::move(value)) {}
  core::Value Eval(EvalFrame& f) const override {
    const core::Value v = value_->Eval(f);
    if (core::IsNull(v)) return core::Null{};
    const std::string* s = std::get_if<std::string>(&v);
    const std::string text = s ? std::string() : core::ToText(v);
    const std::string& key = s ? *s : text;
    if (const std::string* code = set_->Find(key)) return *code;
    switch (set_->unmapped()) {
      case UnmappedRule::kDefault:
        return set_->default_code();
      case UnmappedRule::kKeep:
        if (f.warnings)
          f.warnings->push_back("value '" + key + "' is not in code set '" + set_->name() +
                                "'; kept as is");
        return key;
      case UnmappedRule::kReject:
        if (f.error)
          f.error->Set("unmapped_code",
                       "value '" + key + "' is not in code set '" + set_->name() + "'",
                       CurrentColumn(f), key);
        return core::Null{};
    }
    return core::Null{};
  }
 private:
  std::shared_ptr<const CodeSet> set_;
  NodePtr value_;
};

class XrefNode final : public ExprNode {
 public:
  XrefNode(std::string entity, NodePtr key) : entity_(std::move(entity)), key_(std::move(key)) {}
  core::Value Eval(EvalFrame& f) const override {
    const core::Value v = key_->Eval(f);
    // A NULL reference is "no reference", not an orphan; without a crosswalk
    // (merge-key evaluation) there is nothing to resolve.
    if (core::IsNull(v) || !f.context || !f.context->crosswalk) return core::Null{};
    const std::string key = core::ToText(v);
    if (auto id = f.context->crosswalk->Lookup(entity_, key)) return *id;
    if (!f.error) return core::Null{};
    if (auto parent = f.context->crosswalk->WhyNotLoaded(entity_, key)) {
      const char* what = parent->excluded ? "excluded" : "rejected";
      f.error->Set(parent->excluded ? "parent_excluded" : "parent_rejected",
                   "the " + entity_ + " with legacy key '" + key + "' was " + what + " (" + parent->reason_code + ")",
                   CurrentColumn(f), key, parent->excluded);
      return core::Null{};
    }
    f.error->Set("orphan", "no " + entity_ + " with legacy key '" + key + "'", CurrentColumn(f), key);
    return core::Null{};
  }
 private:
  std::string entity_;
  NodePtr key_;
};

}  // namespace

NodePtr MakeMerged() { return std::make_unique<MergedNode>(); }
NodePtr MakeConstant(core::Value value) { return std::make_unique<ConstantNode>(std::move(value)); }
NodePtr MakeColumn(size_t index) { return std::make_unique<ColumnNode>(index); }
NodePtr MakeSlot(size_t target, size_t column) { return std::make_unique<SlotNode>(target, column); }
NodePtr MakeLookupColumn(size_t lookup, size_t column) {
  return std::make_unique<LookupColumnNode>(lookup, column);
}
NodePtr MakeCouncilId() { return std::make_unique<CouncilIdNode>(); }
NodePtr MakeCompare(OpToken op, NodePtr l, NodePtr r) {
  return std::make_unique<CompareNode>(op, std::move(l), std::move(r));
}
NodePtr MakeArithmetic(OpToken op, NodePtr l, NodePtr r) {
  return std::make_unique<ArithmeticNode>(op, std::move(l), std::move(r));
}
NodePtr MakeAnd(NodePtr l, NodePtr r) { return std::make_unique<AndNode>(std::move(l), std::move(r)); }
NodePtr MakeOr(NodePtr l, NodePtr r) { return std::make_unique<OrNode>(std::move(l), std::move(r)); }
NodePtr MakeNot(NodePtr x) { return std::make_unique<NotNode>(std::move(x)); }
NodePtr MakeNegate(NodePtr x) { return std::make_unique<NegateNode>(std::move(x)); }
NodePtr MakeIsNull(NodePtr x, bool negated) { return std::make_unique<IsNullNode>(std::move(x), negated); }
NodePtr MakeIf(std::vector<std::pair<NodePtr, NodePtr>> b, NodePtr o) {
  return std::make_unique<IfNode>(std::move(b), std::move(o));
}
NodePtr MakeCoalesce(std::vector<NodePtr> args) { return std::make_unique<CoalesceNode>(std::move(args)); }
NodePtr MakeCall(const FunctionInfo* fn, std::unique_ptr<FunctionState> state, std::vector<NodePtr> args) {
  return std::make_unique<CallNode>(fn, std::move(state), std::move(args));
}
NodePtr MakeCode(std::shared_ptr<const CodeSet> set, NodePtr value) {
  return std::make_unique<CodeNode>(std::move(set), std::move(value));
}
NodePtr MakeXref(std::string entity, NodePtr key) {
  return std::make_unique<XrefNode>(std::move(entity), std::move(key));
}

}  // namespace handover::transform
