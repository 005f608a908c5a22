// Declares the mapping-file grammar. Its definition (grammar_def.h) is
// compiled once, in grammar.cpp; everything else calls Parse (parse.h).
#pragma once

#include "transform/language/ast.h"
#include "transform/language/config.h"

namespace handover::transform::parser {

struct file_class;
using FileRule = x3::rule<file_class, ast::File>;
BOOST_SPIRIT_DECLARE(FileRule)

// The grammar's start rule: a whole mapping file.
const FileRule& FileGrammar();

}  // namespace handover::transform::parser
