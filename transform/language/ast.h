// The parsed mapping language: plain structs with names and source positions,
// exactly as written. Nothing here is resolved against a schema; the binder
// (bind.h) turns it into the typed, index-resolved form.
#pragma once

#include <list>
#include <string>
#include <vector>

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

namespace handover::transform::ast {

namespace x3 = boost::spirit::x3;

// A name as written (table, column, alias, function, code set...), with its position.
struct Ident : x3::position_tagged {
  std::string name;
};

enum class LiteralKind { kString, kNumber, kNull, kTrue, kFalse, kParam, kCouncilId, kMerged };

// A literal, a `$param` or `council_id`; `text` holds the string, digits or param name.
struct Literal : x3::position_tagged {
  LiteralKind kind = LiteralKind::kNull;
  std::string text;
};

// `alias.column` (qualifier set) or a bare `name` (an assigned target column,
// or a code set / entity name where a function expects one).
struct Name : x3::position_tagged {
  Ident first;
  boost::optional<Ident> second;
};

enum class OpToken {
  kOr, kAnd,
  kEq, kNe, kLt, kLe, kGt, kGe,
  kAdd, kSub, kMul, kDiv, kMod, kConcat,
  kIsNull, kIsNotNull,  // postfix: the operation's operand is nil
  kNot, kNeg            // prefix, in Unary
};

struct Call;
struct Unary;
struct Expr;
struct IfExpr;
struct CaseExpr;
struct InList;

struct Nil {};

struct Operand
    : x3::variant<Nil, Literal, Name, x3::forward_ast<Call>, x3::forward_ast<Unary>,
                  x3::forward_ast<Expr>, x3::forward_ast<IfExpr>, x3::forward_ast<CaseExpr>> {
  using base_type::base_type;
  using base_type::operator=;
};

// One `op operand` step of a flat operator chain; precedence is applied by the binder.
struct Operation : x3::position_tagged {
  OpToken op = OpToken::kAdd;
  Operand operand;
};

// `first op operand op operand ...`, flat.
struct Expr : x3::position_tagged {
  Operand first;
  std::list<Operation> rest;
};

// `not x` or `-x`.
struct Unary : x3::position_tagged {
  OpToken op = OpToken::kNeg;
  Operand operand;
};

// `name(args...)`.
struct Call : x3::position_tagged {
  Ident function;
  std::vector<Expr> args;
};

// `if c then a [else b] end`.
struct IfExpr : x3::position_tagged {
  Expr condition;
  Expr then_value;
  boost::optional<Expr> else_value;
};

struct WhenClause : x3::position_tagged {
  Expr condition;
  Expr value;
};

// `case when c then a ... [else b] end`.
struct CaseExpr : x3::position_tagged {
  std::vector<WhenClause> whens;
  boost::optional<Expr> else_value;
};

// ---- mapping statements -------------------------------------------------

// `into table [when cond]`: starts a target; the assignments after it belong to it.
struct Into : x3::position_tagged {
  Ident table;
  bool including_duplicates = false;  // `including duplicates`
  boost::optional<Expr> condition;
};

// `key expr`: the row's legacy key.
struct KeyClause : x3::position_tagged {
  Expr expr;
};

// `column = expr`.
struct Assign : x3::position_tagged {
  Ident column;
  Expr value;
};

enum class RuleKind { kReject, kExclude };

// `reject|exclude when cond because "text" [as code]`.
struct Rule : x3::position_tagged {
  RuleKind kind = RuleKind::kReject;
  Expr condition;
  std::string because;
  boost::optional<Ident> code;
};

// `merge duplicates on (k1, k2...) keep earliest|latest expr`.
struct Merge : x3::position_tagged {
  std::vector<Expr> keys;
  bool keep_earliest = true;
  Expr order;
};

// What a mapping or lookup reads: a source table by name, or an inline
// source query (`query "SELECT ..."`), checked on the source like a table.
struct SourceRef : x3::position_tagged {
  boost::optional<std::string> query;  // the SQL of `query "..."`; none for a table
  Ident table;                          // the table's name; empty for a query
};

// `lookup (table | query "SQL") alias on alias.column = expr`: a left join on one key.
struct Lookup : x3::position_tagged {
  SourceRef table;
  Ident alias;
  Name key;
  Expr value;
};

struct Statement : x3::variant<Into, KeyClause, Assign, Rule, Merge, Lookup> {
  using base_type::base_type;
  using base_type::operator=;
};

// `mapping name from (table | query "SQL") alias [where cond] statements...`.
struct Mapping : x3::position_tagged {
  Ident name;
  SourceRef table;
  Ident alias;
  boost::optional<Expr> where;
  std::vector<Statement> body;
};

enum class CodeSetOptionKind { kIgnoreCase, kIgnoreSpaces, kUnmappedReject, kUnmappedKeep,
                               kUnmappedDefault };

struct CodeSetOption : x3::position_tagged {
  CodeSetOptionKind kind = CodeSetOptionKind::kIgnoreCase;
  std::string value;  // the default for kUnmappedDefault
};

struct CodeEntry : x3::position_tagged {
  std::string from;
  std::string to;
};

// `codeset name [options] (from "file.csv" | "provider" -> "council" ...)`.
struct CodeSet : x3::position_tagged {
  Ident name;
  std::vector<CodeSetOption> options;
  boost::optional<std::string> file;
  std::vector<CodeEntry> entries;
};

// `ignore table name because "why" [as code]`: a source table the migration
// deliberately leaves out; each of its rows is excluded with that reason.
struct IgnoreTable : x3::position_tagged {
  Ident table;
  std::string because;
  boost::optional<Ident> code;
};

// `table.column` in an `ignore column` line.
struct ColumnRef : x3::position_tagged {
  Ident table;
  Ident column;
};

// `ignore column t.c, ... because "why"`: source columns of migrated tables
// the migration deliberately does not carry over.
struct IgnoreColumn : x3::position_tagged {
  std::vector<ColumnRef> columns;
  std::string because;
};

struct TopItem : x3::variant<Mapping, CodeSet, IgnoreTable, IgnoreColumn> {
  using base_type::base_type;
  using base_type::operator=;
};

// A whole file.
using File = std::vector<TopItem>;

}  // namespace handover::transform::ast
