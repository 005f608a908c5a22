#include "transform/row_outcome.h"

namespace handover::transform {

const char* OutcomeKindName(OutcomeKind kind) {
  switch (kind) {
    case OutcomeKind::kLoaded: return "loaded";
    case OutcomeKind::kRejected: return "rejected";
    case OutcomeKind::kExcluded: return "excluded";
  }
  return "unknown";
}

void RowOutcome::Clear() {
  kind = OutcomeKind::kLoaded;
  reason_code.clear();
  reason.clear();
  column.clear();
  value_seen.clear();
  target_rows.clear();
  other_problems.clear();
  warnings.clear();
}

}  // namespace handover::transform
