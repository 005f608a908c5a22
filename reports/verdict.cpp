#include "reports/verdict.h"

#include "reports/reconciliation.h"

namespace handover::reports {

Verdict DecideVerdict(const Reconciliation& r, const VerdictRules& rules) {
  Verdict v;
  for (const MappingFigures& m : r.mappings) {
    for (const std::string& d : m.differences) v.reasons.push_back(m.mapping + ": " + d);
    if (const auto limit = rules.max_rejected.find(m.mapping);
        limit != rules.max_rejected.end() && m.ledger.rejected > limit->second)
      v.reasons.push_back(m.mapping + ": " + std::to_string(m.ledger.rejected) + " records rejected, more than the " +
                          std::to_string(limit->second) + " allowed");
  }
  v.go = v.reasons.empty();
  return v;
}

}  // namespace handover::reports
