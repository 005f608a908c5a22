#include "transform/value_ops.h"

#include <charconv>

namespace handover::transform {
namespace {

using Wide = __int128;

// An exact numeric view: mantissa * 10^-scale. Pence are scale 2.
struct Exact {
  Wide mantissa;
  int scale;
};

std::optional<Exact> AsExact(const core::Value& v) {
  if (auto* i = std::get_if<int64_t>(&v)) return Exact{*i, 0};
  if (auto* b = std::get_if<bool>(&v)) return Exact{*b ? 1 : 0, 0};
  if (auto* d = std::get_if<core::Decimal>(&v)) return Exact{d->mantissa, d->scale};
  if (auto* p = std::get_if<core::Pence>(&v)) return Exact{p->value, 2};
  return std::nullopt;
}

int CompareExact(Exact a, Exact b) {
  // Scales are small (a decimal parsed from text); 10^18 fits easily in 128 bits.
  while (a.scale < b.scale) a.mantissa *= 10, ++a.scale;
  while (b.scale < a.scale) b.mantissa *= 10, ++b.scale;
  return a.mantissa < b.mantissa ? -1 : (a.mantissa > b.mantissa ? 1 : 0);
}

bool IsNumeric(core::ValueType t) {
  return t == core::ValueType::kInteger || t == core::ValueType::kDecimal || t == core::ValueType::kBool;
}

}  // namespace

std::optional<int> CompareValues(const core::Value& a, const core::Value& b) {
  if (core::IsNull(a) || core::IsNull(b)) return std::nullopt;
  if (a.index() == b.index()) {
    if (auto* i = std::get_if<int64_t>(&a)) {
      const int64_t j = std::get<int64_t>(b);
      return *i < j ? -1 : (*i > j ? 1 : 0);
    }
    if (auto* p = std::get_if<core::Pence>(&a)) {
      const core::Pence& q = std::get<core::Pence>(b);
      return *p < q ? -1 : (q < *p ? 1 : 0);
    }
    if (auto* s = std::get_if<std::string>(&a)) {
      const int c = s->compare(std::get<std::string>(b));
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    if (auto* d = std::get_if<core::Date>(&a)) {
      const core::Date& e = std::get<core::Date>(b);
      return *d < e ? -1 : (e < *d ? 1 : 0);
    }
  }
  auto x = AsExact(a), y = AsExact(b);
  if (x && y) return CompareExact(*x, *y);
  return std::nullopt;
}

std::string CheckComparable(core::ValueType a, core::ValueType b) {
  if (a == core::ValueType::kNull || b == core::ValueType::kNull) return {};
  if (a == b) return {};
  if (IsNumeric(a) && IsNumeric(b)) return {};
  return std::string("cannot compare ") + core::ValueTypeName(a) + " with " + core::ValueTypeName(b);
}

OpTyping TypeArithmetic(ast::OpToken op, core::ValueType a, core::ValueType b) {
  using ast::OpToken;
  using VT = core::ValueType;
  if (op == OpToken::kConcat) return {VT::kText, {}};
  if (a == VT::kNull || b == VT::kNull) {
    const VT other = a == VT::kNull ? b : a;
    return {other == VT::kNull ? VT::kInteger : other, {}};
  }
  if (a == VT::kInteger && b == VT::kInteger) return {VT::kInteger, {}};
  if (a == VT::kPence && b == VT::kPence && (op == OpToken::kAdd || op == OpToken::kSub))
    return {VT::kPence, {}};
  if (a == VT::kPence && b == VT::kInteger &&
      (op == OpToken::kMul || op == OpToken::kDiv))
    return {VT::kPence, {}};
  if (a == VT::kInteger && b == VT::kPence && op == OpToken::kMul) return {VT::kPence, {}};
  std::string message = std::string("operator cannot combine ") + core::ValueTypeName(a) + " and " +
                        core::ValueTypeName(b);
  if (a == VT::kText || b == VT::kText)
    message += "; parse text first with money(...), integer(...) or date(...)";
  else if (a == VT::kDate || b == VT::kDate)
    message += "; use add_days, add_weeks, add_months or days_between for dates";
  else if (a == VT::kPence || b == VT::kPence)
    message += "; money adds to money and multiplies or divides by an integer";
  else if (a == VT::kDecimal || b == VT::kDecimal)
    message += "; convert decimals with money(...) or integer(...)";
  return {VT::kNull, message};
}

namespace {

// Rounds n / d half away from zero.
int64_t DivRound(int64_t n, int64_t d) {
  const int64_t q = n / d, r = n % d;
  if (r == 0) return q;
  const bool negative = (n < 0) != (d < 0);
  const uint64_t twice = uint64_t(r < 0 ? -r : r) * 2;
  const uint64_t ad = uint64_t(d < 0 ? -d : d);
  return twice >= ad ? (negative ? q - 1 : q + 1) : q;
}

}  // namespace

core::Value Arithmetic(ast::OpToken op, const core::Value& a, const core::Value& b) {
  using ast::OpToken;
  if (core::IsNull(a) || core::IsNull(b)) return core::Null{};
  if (op == OpToken::kConcat) return core::ToText(a) + core::ToText(b);
  const auto* ia = std::get_if<int64_t>(&a);
  const auto* ib = std::get_if<int64_t>(&b);
  const auto* pa = std::get_if<core::Pence>(&a);
  const auto* pb = std::get_if<core::Pence>(&b);
  int64_t r = 0;
  if (ia && ib) {
    switch (op) {
      case OpToken::kAdd: if (__builtin_add_overflow(*ia, *ib, &r)) return core::Null{}; return r;
      case OpToken::kSub: if (__builtin_sub_overflow(*ia, *ib, &r)) return core::Null{}; return r;
      case OpToken::kMul: if (__builtin_mul_overflow(*ia, *ib, &r)) return core::Null{}; return r;
      case OpToken::kDiv: if (*ib == 0 || (*ia == INT64_MIN && *ib == -1)) return core::Null{};
                          return *ia / *ib;
      case OpToken::kMod: if (*ib == 0 || *ib == -1) return *ib == 0 ? core::Value(core::Null{}) : core::Value(int64_t{0});
                          return *ia % *ib;
      default: return core::Null{};
    }
  }
  if (pa && pb) {
    if (op == OpToken::kAdd && !__builtin_add_overflow(pa->value, pb->value, &r)) return core::Pence{r};
    if (op == OpToken::kSub && !__builtin_sub_overflow(pa->value, pb->value, &r)) return core::Pence{r};
    return core::Null{};
  }
  if (pa && ib) {
    if (op == OpToken::kMul && !__builtin_mul_overflow(pa->value, *ib, &r)) return core::Pence{r};
    if (op == OpToken::kDiv && *ib != 0 && pa->value != INT64_MIN) return core::Pence{DivRound(pa->value, *ib)};
    return core::Null{};
  }
  if (ia && pb && op == OpToken::kMul && !__builtin_mul_overflow(*ia, pb->value, &r))
    return core::Pence{r};
  return core::Null{};
}

core::ValueType ValueTypeOf(core::ColumnType type) {
  switch (type) {
    case core::ColumnType::kText: return core::ValueType::kText;
    case core::ColumnType::kInteger: return core::ValueType::kInteger;
    case core::ColumnType::kPence: return core::ValueType::kPence;
    case core::ColumnType::kDecimal: return core::ValueType::kDecimal;
    case core::ColumnType::kDate: return core::ValueType::kDate;
    case core::ColumnType::kBool: return core::ValueType::kBool;
  }
  return core::ValueType::kText;
}

Assignability CanAssign(core::ValueType from, core::ColumnType to) {
  using VT = core::ValueType;
  if (from == VT::kNull || from == ValueTypeOf(to)) return Assignability::kDirect;
  switch (to) {
    case core::ColumnType::kText:
      return Assignability::kDirect;  // everything has a text form
    case core::ColumnType::kPence:
      return from == VT::kInteger ? Assignability::kDirect : Assignability::kNever;
    case core::ColumnType::kInteger:
      if (from == VT::kBool) return Assignability::kDirect;
      return from == VT::kText || from == VT::kDecimal ? Assignability::kRuntime
                                                         : Assignability::kNever;
    case core::ColumnType::kDecimal:
      if (from == VT::kInteger || from == VT::kPence) return Assignability::kDirect;
      return from == VT::kText ? Assignability::kRuntime : Assignability::kNever;
    case core::ColumnType::kDate:
      return from == VT::kText ? Assignability::kRuntime : Assignability::kNever;
    case core::ColumnType::kBool:
      return from == VT::kInteger || from == VT::kText ? Assignability::kRuntime
                                                       : Assignability::kNever;
  }
  return Assignability::kNever;
}

std::optional<core::Value> ConvertForColumn(const core::Value& v, core::ColumnType to) {
  if (core::IsNull(v)) return core::Value(core::Null{});
  const core::ValueType from = core::TypeOf(v);
  if (from == ValueTypeOf(to)) return v;
  switch (to) {
    case core::ColumnType::kText:
      return core::Value(core::ToText(v));
    case core::ColumnType::kPence:
      if (auto* i = std::get_if<int64_t>(&v)) return core::Value(core::Pence{*i});
      return std::nullopt;
    case core::ColumnType::kInteger: {
      if (auto* b = std::get_if<bool>(&v)) return core::Value(int64_t{*b ? 1 : 0});
      if (auto* d = std::get_if<core::Decimal>(&v)) {
        int64_t m = d->mantissa;
        for (int s = d->scale; s > 0; --s) {
          if (m % 10 != 0) return std::nullopt;
          m /= 10;
        }
        return core::Value(m);
      }
      if (auto* s = std::get_if<std::string>(&v)) {
        int64_t out = 0;
        const char* b = s->data();
        const char* e = b + s->size();
        if (b != e && *b == '+') ++b;
        auto [ptr, ec] = std::from_chars(b, e, out);
        if (ec != std::errc() || ptr != e || b == e) return std::nullopt;
        return core::Value(out);
      }
      return std::nullopt;
    }
    case core::ColumnType::kDecimal: {
      if (auto* i = std::get_if<int64_t>(&v)) return core::Value(core::Decimal{*i, 0});
      if (auto* p = std::get_if<core::Pence>(&v)) return core::Value(core::Decimal{p->value, 2});
      if (auto* s = std::get_if<std::string>(&v)) {
        auto d = core::Decimal::Parse(*s);
        if (!d) return std::nullopt;
        return core::Value(*d);
      }
      return std::nullopt;
    }
    case core::ColumnType::kDate:
      if (auto* s = std::get_if<std::string>(&v)) {
        auto d = core::Date::ParseIso(*s);
        if (!d) return std::nullopt;
        return core::Value(*d);
      }
      return std::nullopt;
    case core::ColumnType::kBool:
      if (auto* i = std::get_if<int64_t>(&v)) {
        if (*i == 0 || *i == 1) return core::Value(*i == 1);
        return std::nullopt;
      }
      if (auto* s = std::get_if<std::string>(&v)) {
        if (*s == "1" || *s == "true" || *s == "t") return core::Value(true);
        if (*s == "0" || *s == "false" || *s == "f") return core::Value(false);
      }
      return std::nullopt;
  }
  return std::nullopt;
}

std::string DescribeValue(const core::Value& v) {
  if (core::IsNull(v)) return "NULL";
  return core::ToText(v);
}

}  // namespace handover::transform
