// Verdict: the go / no-go decision a migration board signs, with its reasons
// first. Decided from a Reconciliation against the sign-off rules a mapping
// set states in `signoff.json` (see docs/signoff.md): a run that does not
// balance is no-go unless the difference is an accepted, unexpired one, and
// so is one whose rejects exceed a mapping's threshold.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/value.h"

namespace handover::reports {

struct Reconciliation;

// A known difference the board has accepted for a while: a difference of
// `mapping` whose text contains `contains`, until `expires` (inclusive).
struct AcceptedDifference {
  std::string mapping;
  std::string contains;
  std::string justification;
  core::Date expires;
};

// The thresholds a mapping set states for its verdict.
struct VerdictRules {
  // Most rejected records allowed per mapping ("payment" -> 400); a mapping
  // not listed has no limit of its own.
  std::map<std::string, int64_t> max_rejected;
  // The same as a share of the mapping's source rows ("payment" -> 2.5 %).
  std::map<std::string, double> max_rejected_percent;
  std::vector<AcceptedDifference> accepted;
};

struct Verdict {
  bool go = false;
  // One plain sentence per reason the verdict is no-go (empty for go).
  std::vector<std::string> reasons;
  // Differences that did not count, each with the board's justification.
  std::vector<std::string> accepted;
};

// Reads `<mappings>/signoff.json`; no file means the default rules (every
// difference counts, no reject limits). A file that does not parse, an
// unknown field or a bad date is a one-line error naming the file and field.
core::Result<VerdictRules> ReadVerdictRules(const std::filesystem::path& mappings_dir);

// The verdict on `reconciliation` on the day `today` (acceptances expire).
Verdict DecideVerdict(const Reconciliation& reconciliation, const VerdictRules& rules, core::Date today);

}  // namespace handover::reports
