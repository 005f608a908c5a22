// RowOutcome: the fate of one source row (loaded, rejected, excluded), with
// its reason and the target rows it produces.
#pragma once

#include <optional>
#include <string>
#include <vector>
#include "core/value.h"

namespace handover::transform {

// The fate of one source row. Exactly one kind per row.
enum class OutcomeKind { kLoaded, kRejected, kExcluded };

const char* OutcomeKindName(OutcomeKind kind);

// One data problem of a row: its reason code, text, column and value seen.
struct RowProblem {
  std::string reason_code;
  std::string reason;
  std::string column;
  std::string value_seen;
};

struct RowOutcome {
  OutcomeKind kind = OutcomeKind::kLoaded;
  // For rejected/excluded: the rule's reason code ("unreadable_dob", "filter",
  // "orphan", "unmapped_code", "test_record"...) and its human text.
  std::string reason_code;
  std::string reason;
  // For rejected: the target or source column and the value seen, if known.
  std::string column;
  std::string value_seen;
  // For loaded: one entry per CompiledMapping::targets(); nullopt where that
  // target's condition did not hold. Values are typed to the target columns.
  // A row rejected or excluded by a rule or a data problem keeps the values
  // that could be computed (a failed one is NULL) so the engine can account
  // for its money; they are never written. Empty when the row was filtered
  // out before any target was computed.
  std::vector<std::optional<std::vector<core::Value>>> target_rows;
  // For rejected: every further data problem of the row after the one that
  // decided it (each unmapped code, unreadable value, rule that holds), so a
  // data officer corrects the record in one pass, not one rehearsal each.
  std::vector<RowProblem> other_problems;
  // Row-level warnings that do not change the outcome (e.g. an unmapped code
  // kept as is under `unmapped keep`).
  std::vector<std::string> warnings;

  void Clear();
};

}  // namespace handover::transform
