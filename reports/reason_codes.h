// The reason codes the engine itself gives a record it does not load
// (orphan, unmapped_code, duplicate...), explained in plain English for the
// people who read the reports. A mapping set's own codes (`reject when ...
// because "..."`) are explained by their rule's text, in the worklist.
#pragma once

#include <string_view>

namespace handover::reports {

// What an engine reason code means, as one sentence about "the record"
// ("cites a record the source does not have"); "" for a code the engine
// does not give (a mapping set's own rule).
std::string_view ReasonMeaning(std::string_view code);

}  // namespace handover::reports
