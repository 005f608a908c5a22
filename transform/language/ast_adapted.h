// Fusion adaptation of the AST structs so X3 can fill them. Single-member
// structs (Ident, KeyClause) are filled by semantic actions instead: Boost
// 1.74 cannot adapt them.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "transform/language/ast.h"

BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::Literal, kind, text)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::Name, first, second)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::Operation, op, operand)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::Expr, first, rest)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::Unary, op, operand)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::Call, function, args)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::IfExpr, condition, then_value, else_value)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::WhenClause, condition, value)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::CaseExpr, whens, else_value)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::Into, table, including_duplicates, condition)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::Assign, column, value)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::Rule, kind, condition, because, code)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::Merge, keys, keep_earliest, order)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::SourceRef, query, table)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::Lookup, table, alias, key, value)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::Mapping, name, table, alias, where, body)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::CodeSetOption, kind, value)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::CodeEntry, from, to)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::CodeSet, name, options, file, entries)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::IgnoreTable, table, because, code)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::ColumnRef, table, column)
BOOST_FUSION_ADAPT_STRUCT(handover::transform::ast::IgnoreColumn, columns, because)
