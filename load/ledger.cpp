#include "load/ledger.h"

#include "core/display_text.h"

namespace handover::load {
namespace {

void AddTextOrNull(db::TableWriter& writer, std::string_view text) {
  if (text.empty()) writer.AddNull();
  else writer.AddText(text);
}

}  // namespace

const char* LedgerOutcomeName(LedgerOutcome outcome) {
  switch (outcome) {
    case LedgerOutcome::kLoaded: return "loaded";
    case LedgerOutcome::kRejected: return "rejected";
    case LedgerOutcome::kExcluded: return "excluded";
    case LedgerOutcome::kMerged: return "merged";
    case LedgerOutcome::kGone: return "gone";
  }
  return "unknown";
}

Ledger::Ledger(db::Database& target, int64_t run_id)
    : run_id_(run_id),
      entries_(db::MakeTableWriter(target, "migration_ledger",
                               {"run_id", "mapping", "source_row", "legacy_key", "outcome",
                                "reason_code", "target_key", "amount_pence", "row_hash", "delta"})),
      exceptions_(db::MakeTableWriter(target, "migration_exception",
                                  {"run_id", "mapping", "source_table", "source_row", "legacy_key",
                                   "outcome", "reason_code", "reason", "column_name", "value_seen",
                                   "action"})) {}

void Ledger::BeginMapping(const std::string& mapping, const std::string& source_table) {
  mapping_ = mapping;
  source_table_ = source_table;
}

void Ledger::Add(const LedgerEntry& e, std::optional<int64_t> row_hash, const char* delta) {
  db::TableWriter& w = *entries_;
  w.AddInteger(run_id_);
  w.AddText(mapping_);
  w.AddInteger(e.source_row);
  w.AddOptional(e.legacy_key);
  w.AddText(LedgerOutcomeName(e.outcome));
  AddTextOrNull(w, e.reason_code);
  w.AddOptional(e.target_key);
  w.AddOptional(e.amount_pence);
  w.AddOptional(row_hash);
  AddTextOrNull(w, delta ? delta : "");
  w.EndRow();
}

void Ledger::AddException(const ExceptionEntry& e) {
  // A worklist cell is bounded and printable whatever the legacy value was
  // (a 5 MB note, NUL bytes): the cell says how long the value really was.
  db::TableWriter& w = *exceptions_;
  w.AddInteger(run_id_);
  w.AddText(mapping_);
  w.AddText(source_table_);
  w.AddInteger(e.source_row);
  w.AddOptional(e.legacy_key);
  w.AddText(LedgerOutcomeName(e.outcome));
  w.AddText(e.reason_code);
  w.AddText(core::PrintableClip(e.reason, 4 * core::kShownValueBytes));
  AddTextOrNull(w, e.column);
  AddTextOrNull(w, core::PrintableClip(e.value_seen));
  w.AddText(e.action);
  w.EndRow();
}

core::Status Ledger::Flush() {
  HANDOVER_RETURN_IF_ERROR(exceptions_->Flush());
  return entries_->Flush();
}

void Ledger::Discard() {
  entries_->Discard();
  exceptions_->Discard();
}

std::string SuggestedAction(LedgerOutcome outcome, const std::string& reason_code) {
  if (outcome == LedgerOutcome::kGone)
    return "confirm with the provider whether the record was deleted; the council's record was kept: close it by "
           "hand if it should go";
  if (reason_code == "change_not_applied")
    return "the council keeps the earlier version: correct the record in the source, or update the council's "
           "record by hand";
  if (outcome == LedgerOutcome::kMerged)
    return "confirm these records are the same person; if not, split them in the source and rerun";
  if (reason_code == "parent_rejected" || reason_code == "parent_excluded")
    return "the record it belongs to was not migrated (its own worklist line says why): correct that record, and "
           "this one follows it on the next run";
  if (reason_code == "orphan")
    return "find the missing parent record in the source, or confirm the row can be written off";
  if (reason_code == "duplicate_key")
    return "two source records share this legacy key: correct one of them in the source";
  if (reason_code == "missing_key")
    return "give the record its legacy reference in the source, or exclude it by rule";
  if (reason_code == "unmapped_code")
    return "add the provider value to the code set, or correct it in the source";
  if (reason_code == "target_rejected")
    return "the council database refused the row: correct the value in the source or the mapping";
  return "correct the value in the source and rerun, or record why it is not migrated";
}

}  // namespace handover::load
