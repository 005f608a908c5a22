// The iterator and context types the grammar is instantiated with. They must
// match what parse.cpp passes to x3::parse, or linking fails.
#pragma once

#include <string>

#include <boost/spirit/home/x3.hpp>

#include "transform/language/error_handler.h"

namespace handover::transform::parser {

namespace x3 = boost::spirit::x3;

using Iterator = std::string::const_iterator;
using PositionCache = x3::position_cache<std::vector<Iterator>>;

// Blank space and comments ('#' to the end of the line). ASCII sets only:
// X3's space class asserts on bytes >= 0x80.
inline const auto kSkipper =
    x3::char_(" \t\r\n\f\v") | x3::lexeme['#' >> *(x3::char_ - x3::eol)];
using SkipperType = std::remove_cv_t<decltype(kSkipper)>;

using PhraseContext = x3::phrase_parse_context<SkipperType>::type;
using Context = x3::context<PositionTag, std::reference_wrapper<PositionCache>, PhraseContext>;

}  // namespace handover::transform::parser
