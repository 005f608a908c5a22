// "Did you mean" suggestions for misspelled names.
#pragma once

#include <string>
#include <vector>

namespace handover::transform {

// The candidate closest to `name` (case-insensitive edit distance), if close
// enough to be a plausible misspelling; "" otherwise.
std::string ClosestName(const std::string& name, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or "".
std::string DidYouMean(const std::string& name, const std::vector<std::string>& candidates,
                       const std::string& prefix = "");

}  // namespace handover::transform
