// Position tagging for the grammar: every rule whose ID derives from
// `Annotated` records where its node starts and ends, so the binder can point
// its diagnostics at the exact token. Parse errors (X3 expectation failures)
// are caught in parse.cpp, not here.
#pragma once

#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/utility/annotate_on_success.hpp>

namespace handover::transform::parser {

// The context key under which the position cache is passed to the rules.
struct PositionTag;

struct Annotated {
  template <typename Iterator, typename Context, typename Attribute>
  void on_success(const Iterator& first, const Iterator& last, Attribute& attr,
                  const Context& context) {
    auto& positions = boost::spirit::x3::get<PositionTag>(context).get();
    positions.annotate(attr, first, last);
  }
};

}  // namespace handover::transform::parser
