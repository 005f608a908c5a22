// The mapping-file grammar (X3). Included only by grammar.cpp.
//
//   file       := (mapping | codeset | ignore)*
//   mapping    := 'mapping' name 'from' source alias ['where' expr] statement*
//   source     := 'query' string | table
//   statement  := 'into' table ['when' expr] | 'key' expr | column '=' expr
//               | ('reject'|'exclude') 'when' expr 'because' string ['as' name]
//               | 'merge' 'duplicates' 'on' '(' expr, ... ')' 'keep' ('earliest'|'latest') expr
//               | 'lookup' source alias 'on' alias '.' column '=' expr
//   codeset    := 'codeset' name option* ['from' string] (string '->' string)*
//   ignore     := 'ignore' 'table' table 'because' string ['as' name]
//   expr       := not_term (('and'|'or') not_term)*          precedence: see bind_expr.cpp
//   not_term   := 'not' not_term | chain
//   chain      := unary ((op unary) | 'is' ['not'] 'null')*
//   unary      := '-' unary | primary
//   primary    := literal | if | case | call | name | '(' expr ')'
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "transform/language/ast.h"
#include "transform/language/ast_adapted.h"
#include "transform/language/error_handler.h"
#include "transform/language/grammar.h"

namespace handover::transform::parser {

namespace x3 = boost::spirit::x3;
using ast::LiteralKind;
using ast::OpToken;

// ---- tokens -------------------------------------------------------------

// Explicit ASCII sets: X3's character classes (alnum, alpha) assert on bytes
// >= 0x80, which legacy text (Windows-1252, UTF-8) is full of.
const auto letter = x3::char_("a-zA-Z_");
const auto word_char = x3::char_("a-zA-Z0-9_");
const auto digit = x3::char_("0-9");

inline auto Kw(const char* word, const char* name) {
  return x3::rule<struct keyword_class>{name} =
             x3::lexeme[x3::lit(word) >> !word_char];
}

struct ReservedWords : x3::symbols<> {
  ReservedWords() {
    add("and")("or")("not")("is")("null")("true")("false")("if")("then")("else")("end")
       ("case")("when")("council_id")("mapping")("from")("where")("into")("key")("reject")
       ("exclude")("merge")("because")("codeset")("lookup")("merged");
  }
};
inline const ReservedWords kReserved;

struct ChainOps : x3::symbols<OpToken> {
  ChainOps() {
    add("=", OpToken::kEq)("!=", OpToken::kNe)("<>", OpToken::kNe)("<", OpToken::kLt)
       ("<=", OpToken::kLe)(">", OpToken::kGt)(">=", OpToken::kGe)("+", OpToken::kAdd)
       ("-", OpToken::kSub)("*", OpToken::kMul)("/", OpToken::kDiv)("%", OpToken::kMod)
       ("||", OpToken::kConcat);
  }
};
inline const ChainOps kChainOps;

const auto word_chars = x3::rule<struct word_chars_class, std::string>{"name"} =
    x3::lexeme[letter >> *word_char];

const auto reserved = x3::lexeme[kReserved >> !word_char];

// Rules with semantic actions get no on_success call with their attribute,
// so these annotate by hand. The identifier is the last name.size() characters
// matched (what precedes it is skipped blank space and comments).
const auto set_name = [](auto& ctx) {
  ast::Ident& ident = x3::_val(ctx);
  ident.name = x3::_attr(ctx);
  const auto end = x3::_where(ctx).begin();  // where the action runs: just past the name
  x3::get<PositionTag>(ctx).get().annotate(ident, end - long(ident.name.size()), end);
};
const auto set_key = [](auto& ctx) {
  ast::KeyClause& key = x3::_val(ctx);
  key.expr = x3::_attr(ctx);
  key.id_first = key.expr.id_first;
  key.id_last = key.expr.id_last;
};

const auto string_lit = x3::rule<struct string_class, std::string>{"string"} =
    x3::lexeme['"' > *(('\\' > x3::char_) | ~x3::char_("\"\\")) > '"'];

const auto number = x3::rule<struct number_class, std::string>{"number"} =
    x3::lexeme[+digit >> -(x3::char_('.') >> +digit)];

// ---- rule declarations --------------------------------------------------

struct identifier_class : Annotated {};
struct member_class : Annotated {};
struct literal_class : Annotated {};
struct name_class : Annotated {};
struct call_class : Annotated {};
struct if_class : Annotated {};
struct case_class : Annotated {};
struct when_class : Annotated {};
struct primary_class {};
struct unary_class {};
struct neg_class : Annotated {};
struct chain_class : Annotated {};
struct chain_op_class : Annotated {};
struct not_term_class {};
struct not_class : Annotated {};
struct logic_op_class : Annotated {};
struct expression_class : Annotated {};
struct into_class : Annotated {};
struct key_class : Annotated {};
struct assign_class : Annotated {};
struct rule_class : Annotated {};
struct merge_class : Annotated {};
struct lookup_class : Annotated {};
struct source_ref_class : Annotated {};
struct statement_class {};
struct mapping_class : Annotated {};
struct codeset_option_class : Annotated {};
struct code_entry_class : Annotated {};
struct codeset_class : Annotated {};
struct ignore_table_class : Annotated {};
struct column_ref_class : Annotated {};
struct ignore_column_class : Annotated {};
struct top_item_class {};
struct file_class {};

const x3::rule<identifier_class, ast::Ident> identifier = "name";
const x3::rule<member_class, ast::Ident> member = "column name";
const x3::rule<literal_class, ast::Literal> literal = "literal";
const x3::rule<name_class, ast::Name> name = "name";
const x3::rule<call_class, ast::Call> call = "function call";
const x3::rule<if_class, ast::IfExpr> if_expr = "if expression";
const x3::rule<case_class, ast::CaseExpr> case_expr = "case expression";
const x3::rule<when_class, ast::WhenClause> when_clause = "'when'";
const x3::rule<primary_class, ast::Operand> primary = "operand";
const x3::rule<unary_class, ast::Operand> unary = "operand";
const x3::rule<neg_class, ast::Unary> neg = "operand";
const x3::rule<chain_class, ast::Expr> chain = "expression";
const x3::rule<chain_op_class, ast::Operation> chain_op = "operator";
const x3::rule<not_term_class, ast::Operand> not_term = "expression";
const x3::rule<not_class, ast::Unary> not_expr = "expression";
const x3::rule<logic_op_class, ast::Operation> logic_op = "'and' or 'or'";
const x3::rule<expression_class, ast::Expr> expression = "expression";
const x3::rule<into_class, ast::Into> into = "'into'";
const x3::rule<key_class, ast::KeyClause> key_clause = "'key'";
const x3::rule<assign_class, ast::Assign> assign = "assignment";
const x3::rule<rule_class, ast::Rule> rule_stmt = "rule";
const x3::rule<merge_class, ast::Merge> merge = "merge";
const x3::rule<lookup_class, ast::Lookup> lookup = "lookup";
const x3::rule<source_ref_class, ast::SourceRef> source_ref = "table name or query";
const x3::rule<statement_class, ast::Statement> statement = "statement";
const x3::rule<mapping_class, ast::Mapping> mapping = "mapping";
const x3::rule<codeset_option_class, ast::CodeSetOption> codeset_option = "code set option";
const x3::rule<code_entry_class, ast::CodeEntry> code_entry = "code entry";
const x3::rule<codeset_class, ast::CodeSet> codeset = "codeset";
const x3::rule<ignore_table_class, ast::IgnoreTable> ignore_table = "ignore table";
const x3::rule<column_ref_class, ast::ColumnRef> column_ref = "table.column";
const x3::rule<ignore_column_class, ast::IgnoreColumn> ignore_column = "ignore column";
const x3::rule<top_item_class, ast::TopItem> top_item = "'mapping', 'codeset' or 'ignore'";
const FileRule file = "mapping file";

// ---- expressions --------------------------------------------------------

const auto identifier_def = (!reserved >> word_chars)[set_name];
const auto member_def = word_chars[set_name];

const auto no_text = x3::attr(std::string());
const auto literal_def =
    (x3::attr(LiteralKind::kString) >> string_lit) |
    (x3::attr(LiteralKind::kNumber) >> number) |
    (Kw("null", "'null'") >> x3::attr(LiteralKind::kNull) >> no_text) |
    (Kw("true", "'true'") >> x3::attr(LiteralKind::kTrue) >> no_text) |
    (Kw("false", "'false'") >> x3::attr(LiteralKind::kFalse) >> no_text) |
    (Kw("council_id", "'council_id'") >> x3::attr(LiteralKind::kCouncilId) >> no_text) |
    (Kw("merged", "'merged'") >> x3::attr(LiteralKind::kMerged) >> no_text) |
    (x3::attr(LiteralKind::kParam) >> x3::lexeme['$' > word_chars]);

const auto name_def = identifier >> -('.' > member);
const auto call_def = identifier >> '(' >> -(expression % ',') > ')';
const auto if_expr_def = Kw("if", "'if'") > expression > Kw("then", "'then'") > expression >
                         -(Kw("else", "'else'") > expression) > Kw("end", "'end'");
const auto when_clause_def =
    Kw("when", "'when'") > expression > Kw("then", "'then'") > expression;
const auto case_expr_def = Kw("case", "'case'") > +when_clause >
                           -(Kw("else", "'else'") > expression) > Kw("end", "'end'");
const auto primary_def =
    literal | if_expr | case_expr | call | name | ('(' > expression > ')');
const auto neg_def = '-' >> x3::attr(OpToken::kNeg) > unary;
const auto unary_def = neg | primary;
const auto is_what = x3::rule<struct is_what_class, OpToken>{"'null' or 'not null'"} =
    (Kw("not", "'not'") > Kw("null", "'null'") >> x3::attr(OpToken::kIsNotNull)) |
    (Kw("null", "'null'") >> x3::attr(OpToken::kIsNull));
const auto chain_op_def =
    (kChainOps > unary) |
    ((Kw("is", "'is'") > is_what) >> x3::attr(ast::Operand()));
const auto chain_def = unary >> *chain_op;
const auto not_expr_def = Kw("not", "'not'") >> x3::attr(OpToken::kNot) > not_term;
const auto not_term_def = not_expr | chain;
const auto logic_op_def = ((Kw("and", "'and'") >> x3::attr(OpToken::kAnd)) |
                           (Kw("or", "'or'") >> x3::attr(OpToken::kOr))) > not_term;
const auto expression_def = not_term >> *logic_op;

// ---- statements ---------------------------------------------------------

const auto into_def = Kw("into", "'into'") > identifier >
                      x3::matches[Kw("including", "'including'") >> Kw("duplicates", "'duplicates'")] >
                      -(Kw("when", "'when'") > expression);
const auto key_clause_def = (Kw("key", "'key'") > expression)[set_key];
const auto assign_def = identifier >> '=' > expression;
const auto rule_kind = (Kw("reject", "'reject'") >> x3::attr(ast::RuleKind::kReject)) |
                       (Kw("exclude", "'exclude'") >> x3::attr(ast::RuleKind::kExclude));
const auto rule_stmt_def = rule_kind > Kw("when", "'when'") > expression >
                           Kw("because", "'because'") > string_lit >
                           -(Kw("as", "'as'") > identifier);
const auto keep_kind = (Kw("earliest", "'earliest'") >> x3::attr(true)) |
                       (Kw("latest", "'latest'") >> x3::attr(false));
const auto keep_rule = x3::rule<struct keep_class, bool>{"'earliest' or 'latest'"} = keep_kind;
const auto merge_def = Kw("merge", "'merge'") > Kw("duplicates", "'duplicates'") >
                       Kw("on", "'on'") > '(' > (expression % ',') > ')' >
                       Kw("keep", "'keep'") > keep_rule > expression;
// `query` is a keyword only here, before the SQL string: a table named
// `query` cannot be read by name.
const auto query_sql = x3::rule<struct query_sql_class, std::string>{"the SQL as a string"} = string_lit;
const auto source_ref_def = (Kw("query", "'query'") > query_sql > x3::attr(ast::Ident())) |
                            (x3::attr(boost::optional<std::string>()) >> identifier);
const auto lookup_def = Kw("lookup", "'lookup'") > source_ref > identifier > Kw("on", "'on'") >
                        name > '=' > expression;
const auto statement_def = into | key_clause | rule_stmt | merge | lookup | assign;
const auto mapping_def = Kw("mapping", "'mapping'") > identifier > Kw("from", "'from'") >
                         source_ref > identifier > -(Kw("where", "'where'") > expression) >
                         *statement;

// ---- code sets ----------------------------------------------------------

const auto codeset_option_def =
    (Kw("ignore", "'ignore'") >> Kw("case", "'case'") >>
     x3::attr(ast::CodeSetOptionKind::kIgnoreCase) >> no_text) |
    // `ignore table` after a code set is the next top-level item.
    (Kw("ignore", "'ignore'") >> !Kw("table", "'table'") > Kw("spaces", "'case' or 'spaces'") >>
     x3::attr(ast::CodeSetOptionKind::kIgnoreSpaces) >> no_text) |
    (Kw("unmapped", "'unmapped'") >> Kw("reject", "'reject'") >>
     x3::attr(ast::CodeSetOptionKind::kUnmappedReject) >> no_text) |
    (Kw("unmapped", "'unmapped'") >> Kw("keep", "'keep'") >>
     x3::attr(ast::CodeSetOptionKind::kUnmappedKeep) >> no_text) |
    (Kw("unmapped", "'unmapped'") > Kw("default", "'reject', 'keep' or 'default'") >
     x3::attr(ast::CodeSetOptionKind::kUnmappedDefault) > string_lit);
const auto code_entry_def = string_lit >> x3::lit("->") > string_lit;
const auto codeset_def = Kw("codeset", "'codeset'") > identifier > *codeset_option >
                         -(Kw("from", "'from'") > string_lit) > *code_entry;

// ---- declared scope -----------------------------------------------------

const auto column_ref_def = identifier > '.' > member;
const auto ignore_column_def = Kw("ignore", "'ignore'") >> Kw("column", "'column'") > (column_ref % ',') >
                               Kw("because", "'because'") > string_lit;
const auto ignore_table_def = Kw("ignore", "'ignore'") > Kw("table", "'table' or 'column'") > identifier >
                              Kw("because", "'because'") > string_lit > -(Kw("as", "'as'") > identifier);

const auto top_item_def = mapping | codeset | ignore_column | ignore_table;
const auto file_def = *top_item;

BOOST_SPIRIT_DEFINE(identifier, member, literal, name, call, if_expr, case_expr, when_clause,
                    primary, unary, neg, chain, chain_op, not_term, not_expr, logic_op,
                    expression, into, key_clause, assign, rule_stmt, merge, source_ref, lookup, statement, mapping,
                    codeset_option, code_entry, codeset, ignore_table, column_ref, ignore_column, top_item, file)

}  // namespace handover::transform::parser
