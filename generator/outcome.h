// Outcome: what a correct migration does with one provider row — load it,
// fold it into another person (merge), reject it for a reason, or exclude it
// by a rule. Reasons are the snake_case codes of docs/provider-database.md.
#pragma once

#include <string_view>

namespace handover::generator {

enum class OutcomeKind { kLoaded, kMerged, kRejected, kExcluded };

struct Outcome {
  OutcomeKind kind = OutcomeKind::kLoaded;
  std::string_view reason;  // empty when loaded; "duplicate" when merged

  static Outcome Loaded() { return {}; }
  static Outcome Merged() { return {OutcomeKind::kMerged, "duplicate"}; }
  static Outcome Rejected(std::string_view reason) { return {OutcomeKind::kRejected, reason}; }
  static Outcome Excluded(std::string_view rule) { return {OutcomeKind::kExcluded, rule}; }
  bool loaded() const { return kind == OutcomeKind::kLoaded; }
};

// Combines a row's checks in the documented order, first failure wins: its
// own deleted flag, then the client it cites (missing key, orphan, parent
// rejected or excluded), then its own values.
inline Outcome RowOutcome(bool deleted, const Outcome& cited, const Outcome& own_values) {
  if (deleted) return Outcome::Excluded("soft_deleted");
  if (!cited.loaded()) return cited;
  return own_values;
}

}  // namespace handover::generator
