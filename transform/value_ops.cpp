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

std::optional<Exact> AsExact(const Value& v) {
  if (auto* i = std::get_if<int64_t>(&v)) return Exact{*i, 0};
  if (auto* b = std::get_if<bool>(&v)) return Exact{*b ? 1 : 0, 0};
  if (auto* d = std::get_if<Decimal>(&v)) return Exact{d->mantissa, d->scale};
  if (auto* p = std::get_if<Pence>(&v)) return Exact{p->value, 2};
  return std::nullopt;
}

int CompareExact(Exact a, Exact b) {
  // Scales are small (a decimal parsed from text); 10^18 fits easily in 128 bits.
  while (a.scale < b.scale) a.mantissa *= 10, ++a.scale;
  while (b.scale < a.scale) b.mantissa *= 10, ++b.scale;
  return a.mantissa < b.mantissa ? -1 : (a.mantissa > b.mantissa ? 1 : 0);
}

bool IsNumeric(ValueType t) {
  return t == ValueType::kInteger || t == ValueType::kDecimal || t == ValueType::kBool;
}

}  // namespace

std::optional<int> CompareValues(const Value& a, const Value& b) {
  if (IsNull(a) || IsNull(b)) return std::nullopt;
  if (a.index() == b.index()) {
    if (auto* s = std::get_if<std::string>(&a)) {
      const int c = s->compare(std::get<std::string>(b));
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    if (auto* d = std::get_if<Date>(&a)) {
      const Date& e = std::get<Date>(b);
      return *d < e ? -1 : (e < *d ? 1 : 0);
    }
  }
  auto x = AsExact(a), y = AsExact(b);
  if (x && y) return CompareExact(*x, *y);
  return std::nullopt;
}

std::string CheckComparable(ValueType a, ValueType b) {
  if (a == ValueType::kNull || b == ValueType::kNull) return {};
  if (a == b) return {};
  if (IsNumeric(a) && IsNumeric(b)) return {};
  return std::string("cannot compare ") + ValueTypeName(a) + " with " + ValueTypeName(b);
}

OpTyping TypeArithmetic(ast::OpToken op, ValueType a, ValueType b) {
  using ast::OpToken;
  using VT = ValueType;
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
  std::string message = std::string("operator cannot combine ") + ValueTypeName(a) + " and " +
                        ValueTypeName(b);
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

Value Arithmetic(ast::OpToken op, const Value& a, const Value& b) {
  using ast::OpToken;
  if (IsNull(a) || IsNull(b)) return Null{};
  if (op == OpToken::kConcat) return ToText(a) + ToText(b);
  const auto* ia = std::get_if<int64_t>(&a);
  const auto* ib = std::get_if<int64_t>(&b);
  const auto* pa = std::get_if<Pence>(&a);
  const auto* pb = std::get_if<Pence>(&b);
  int64_t r = 0;
  if (ia && ib) {
    switch (op) {
      case OpToken::kAdd: if (__builtin_add_overflow(*ia, *ib, &r)) return Null{}; return r;
      case OpToken::kSub: if (__builtin_sub_overflow(*ia, *ib, &r)) return Null{}; return r;
      case OpToken::kMul: if (__builtin_mul_overflow(*ia, *ib, &r)) return Null{}; return r;
      case OpToken::kDiv: if (*ib == 0 || (*ia == INT64_MIN && *ib == -1)) return Null{};
                          return *ia / *ib;
      case OpToken::kMod: if (*ib == 0 || *ib == -1) return *ib == 0 ? Value(Null{}) : Value(int64_t{0});
                          return *ia % *ib;
      default: return Null{};
    }
  }
  if (pa && pb) {
    if (op == OpToken::kAdd && !__builtin_add_overflow(pa->value, pb->value, &r)) return Pence{r};
    if (op == OpToken::kSub && !__builtin_sub_overflow(pa->value, pb->value, &r)) return Pence{r};
    return Null{};
  }
  if (pa && ib) {
    if (op == OpToken::kMul && !__builtin_mul_overflow(pa->value, *ib, &r)) return Pence{r};
    if (op == OpToken::kDiv && *ib != 0 && pa->value != INT64_MIN) return Pence{DivRound(pa->value, *ib)};
    return Null{};
  }
  if (ia && pb && op == OpToken::kMul && !__builtin_mul_overflow(*ia, pb->value, &r))
    return Pence{r};
  return Null{};
}

ValueType ValueTypeOf(ColumnType type) {
  switch (type) {
    case ColumnType::kText: return ValueType::kText;
    case ColumnType::kInteger: return ValueType::kInteger;
    case ColumnType::kPence: return ValueType::kPence;
    case ColumnType::kDecimal: return ValueType::kDecimal;
    case ColumnType::kDate: return ValueType::kDate;
    case ColumnType::kBool: return ValueType::kBool;
  }
  return ValueType::kText;
}

Assignability CanAssign(ValueType from, ColumnType to) {
  using VT = ValueType;
  if (from == VT::kNull || from == ValueTypeOf(to)) return Assignability::kDirect;
  switch (to) {
    case ColumnType::kText:
      return Assignability::kDirect;  // everything has a text form
    case ColumnType::kPence:
      return from == VT::kInteger ? Assignability::kDirect : Assignability::kNever;
    case ColumnType::kInteger:
      if (from == VT::kBool) return Assignability::kDirect;
      return from == VT::kText || from == VT::kDecimal ? Assignability::kRuntime
                                                         : Assignability::kNever;
    case ColumnType::kDecimal:
      if (from == VT::kInteger || from == VT::kPence) return Assignability::kDirect;
      return from == VT::kText ? Assignability::kRuntime : Assignability::kNever;
    case ColumnType::kDate:
      return from == VT::kText ? Assignability::kRuntime : Assignability::kNever;
    case ColumnType::kBool:
      return from == VT::kInteger || from == VT::kText ? Assignability::kRuntime
                                                       : Assignability::kNever;
  }
  return Assignability::kNever;
}

std::optional<Value> ConvertForColumn(const Value& v, ColumnType to) {
  if (IsNull(v)) return Value(Null{});
  const ValueType from = TypeOf(v);
  if (from == ValueTypeOf(to)) return v;
  switch (to) {
    case ColumnType::kText:
      return Value(ToText(v));
    case ColumnType::kPence:
      if (auto* i = std::get_if<int64_t>(&v)) return Value(Pence{*i});
      return std::nullopt;
    case ColumnType::kInteger: {
      if (auto* b = std::get_if<bool>(&v)) return Value(int64_t{*b ? 1 : 0});
      if (auto* d = std::get_if<Decimal>(&v)) {
        int64_t m = d->mantissa;
        for (int s = d->scale; s > 0; --s) {
          if (m % 10 != 0) return std::nullopt;
          m /= 10;
        }
        return Value(m);
      }
      if (auto* s = std::get_if<std::string>(&v)) {
        int64_t out = 0;
        const char* b = s->data();
        const char* e = b + s->size();
        if (b != e && *b == '+') ++b;
        auto [ptr, ec] = std::from_chars(b, e, out);
        if (ec != std::errc() || ptr != e || b == e) return std::nullopt;
        return Value(out);
      }
      return std::nullopt;
    }
    case ColumnType::kDecimal: {
      if (auto* i = std::get_if<int64_t>(&v)) return Value(Decimal{*i, 0});
      if (auto* p = std::get_if<Pence>(&v)) return Value(Decimal{p->value, 2});
      if (auto* s = std::get_if<std::string>(&v)) {
        auto d = Decimal::Parse(*s);
        if (!d) return std::nullopt;
        return Value(*d);
      }
      return std::nullopt;
    }
    case ColumnType::kDate:
      if (auto* s = std::get_if<std::string>(&v)) {
        auto d = Date::ParseIso(*s);
        if (!d) return std::nullopt;
        return Value(*d);
      }
      return std::nullopt;
    case ColumnType::kBool:
      if (auto* i = std::get_if<int64_t>(&v)) {
        if (*i == 0 || *i == 1) return Value(*i == 1);
        return std::nullopt;
      }
      if (auto* s = std::get_if<std::string>(&v)) {
        if (*s == "1" || *s == "true" || *s == "t") return Value(true);
        if (*s == "0" || *s == "false" || *s == "f") return Value(false);
      }
      return std::nullopt;
  }
  return std::nullopt;
}

std::string DescribeValue(const Value& v) {
  if (IsNull(v)) return "NULL";
  return ToText(v);
}

}  // namespace handover::transform
