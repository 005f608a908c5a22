// Verdict: the go / no-go decision a migration board signs, with its reasons
// first. Decided from a Reconciliation: a run that does not balance is no-go,
// and so is one whose rejects exceed the mapping set's thresholds.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace handover::reports {

struct Reconciliation;

// The thresholds a mapping set may state for its verdict.
struct VerdictRules {
  // Most rejected records allowed per mapping ("payment" -> 400); a mapping
  // not listed has no limit of its own.
  std::map<std::string, int64_t> max_rejected;
};

struct Verdict {
  bool go = false;
  // One plain sentence per reason the verdict is no-go (empty for go).
  std::vector<std::string> reasons;
};

Verdict DecideVerdict(const Reconciliation& reconciliation, const VerdictRules& rules);

}  // namespace handover::reports
