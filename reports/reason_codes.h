// The reason codes the engine itself gives a record it does not load
// (orphan, unmapped_code, duplicate...), explained in plain English for the
// people who read the reports. A mapping set's own codes (`reject when ...
// because "..."`) are explained by their rule's text, in the worklist.
#pragma once

#include <string>
#include <string_view>

namespace handover::reports {

// What an engine reason code means, as one sentence about "the record"
// ("cites a record the source does not have"); "" for a code the engine
// does not give (a mapping set's own rule).
std::string_view ReasonMeaning(std::string_view code);

// The worklist's plain-English explanation of one exception: for an engine
// code, its ReasonMeaning followed by the detail the engine recorded
// ("... does not list. Here: value 'X' is not in code set 'y'"); for a
// mapping set's own code, the rule's own text (`reason`), or the code itself
// when a rule gave none.
std::string Explanation(std::string_view code, std::string_view reason);

}  // namespace handover::reports
