// The one translation unit that compiles the grammar (slow: keep it alone).
#include "transform/language/grammar_def.h"

namespace handover::transform::parser {

BOOST_SPIRIT_INSTANTIATE(FileRule, Iterator, Context)

const FileRule& FileGrammar() { return file; }

}  // namespace handover::transform::parser
