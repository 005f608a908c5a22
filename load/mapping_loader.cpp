#include "load/mapping_loader.h"

#include <soci/soci.h>

#include "core/text_encoding.h"
#include "load/run_progress.h"

namespace handover::load {
namespace {

LedgerOutcome FromTransform(transform::OutcomeKind kind) {
  switch (kind) {
    case transform::OutcomeKind::kLoaded: return LedgerOutcome::kLoaded;
    case transform::OutcomeKind::kRejected: return LedgerOutcome::kRejected;
    case transform::OutcomeKind::kExcluded: return LedgerOutcome::kExcluded;
  }
  return LedgerOutcome::kRejected;
}

// The money a loaded record carries: the first pence column of its first
// target row (what reconciliation balances per record).
std::optional<int64_t> AmountOf(const transform::CompiledMapping& mapping,
                                const transform::RowOutcome& outcome) {
  const auto& targets = mapping.targets();
  for (size_t t = 0; t < targets.size() && t < outcome.target_rows.size(); ++t) {
    if (!outcome.target_rows[t]) continue;
    for (size_t c = 0; c < targets[t].types.size(); ++c)
      if (targets[t].types[c] == core::ColumnType::kPence)
        if (const auto* pence = std::get_if<core::Pence>(&(*outcome.target_rows[t])[c])) return pence->value;
  }
  return std::nullopt;
}

// The first target column ("table.column") whose text is not valid UTF-8.
std::optional<std::string> FindInvalidText(const transform::CompiledMapping& mapping,
                                           const transform::RowOutcome& outcome) {
  const auto& targets = mapping.targets();
  for (size_t t = 0; t < targets.size() && t < outcome.target_rows.size(); ++t) {
    if (!outcome.target_rows[t]) continue;
    const auto& values = *outcome.target_rows[t];
    for (size_t c = 0; c < values.size() && c < targets[t].columns.size(); ++c)
      if (const auto* text = std::get_if<std::string>(&values[c]); text && !core::IsValidUtf8(*text))
        return targets[t].table + "." + targets[t].columns[c];
  }
  return std::nullopt;
}

}  // namespace

MappingLoader::MappingLoader(const transform::CompiledMapping& mapping, db::Database& target,
                             CrosswalkStore& crosswalk, Ledger& ledger, std::optional<MergePlan> merge_plan,
                             const transform::LookupTables* lookups, ReferenceCheck* references)
    : mapping_(mapping), target_(target), crosswalk_(crosswalk), ledger_(ledger),
      merge_plan_(std::move(merge_plan)), lookups_(lookups), references_(references) {
  counts_.mapping = mapping.name();
  counts_.source_table = mapping.source_table();
  for (const auto& spec : mapping.targets()) {
    writers_.push_back(db::MakeTableWriter(target, spec.table, spec.columns));
    written_before_.push_back(0);
    counts_.targets.push_back({spec.table, 0});
    reference_bindings_.push_back(references_ ? references_->Bind(spec.table, spec.columns) : -1);
    keeps_duplicate_rows_ |= spec.including_duplicates;
  }
  ledger_.BeginMapping(mapping.name(), mapping.source_table());
}

void MappingLoader::AddLedger(const LedgerEntry& entry) { ledger_.Add(entry, row_hash_, delta_label_); }

void MappingLoader::Reject(int64_t ordinal, const std::optional<std::string>& key, const std::string& code,
                           const std::string& reason, const std::string& column, const std::string& value,
                           MappingCounts& tally, std::optional<int64_t> amount) {
  if (changed_loaded_) return KeepEarlier(ordinal, key, "is rejected (" + reason + ")", column, value, tally);
  if (key) crosswalk_.RecordNotLoaded(mapping_.name(), *key, /*excluded=*/false, code);
  ++tally.rejected;
  AddLedger({ordinal, key, LedgerOutcome::kRejected, code, std::nullopt, amount});
  ledger_.AddException({ordinal, key, LedgerOutcome::kRejected, code, reason, column, value,
                        SuggestedAction(LedgerOutcome::kRejected, code)});
}

void MappingLoader::RejectForTarget(int64_t ordinal, const std::optional<std::string>& key, const std::string& reason,
                                    const std::string& column, const std::string& value, MappingCounts& tally,
                                    std::optional<int64_t> amount) {
  Reject(ordinal, key, "target_rejected", reason, column, value, tally, amount);
  ++target_rejects_;  // a refused change counts too: the target refused it
  if (first_target_reject_.empty())
    first_target_reject_ = "source row " + std::to_string(ordinal) + ": " + reason;
}

std::optional<BrokenReference> MappingLoader::CheckReferences(const std::function<bool(size_t)>& written) {
  if (!references_) return std::nullopt;
  const size_t mark = references_->Mark();
  for (size_t t = 0; t < reference_bindings_.size() && t < outcome_.target_rows.size(); ++t) {
    if (!outcome_.target_rows[t] || !written(t)) continue;
    if (auto broken = references_->Check(reference_bindings_[t], *outcome_.target_rows[t])) {
      references_->UndoTo(mark);
      return broken;
    }
    references_->Note(reference_bindings_[t], *outcome_.target_rows[t]);
  }
  return std::nullopt;
}

void MappingLoader::ProcessRow(std::span<const core::Value> row, int64_t ordinal, MappingCounts& tally,
                               const std::optional<std::string>* known_key) {
  ++tally.extracted;
  const std::string& entity = mapping_.name();
  std::optional<std::string> key;
  transform::EvalContext context;
  context.crosswalk = &crosswalk_;
  context.lookups = lookups_;
  if (mapping_.has_key()) {
    key = known_key ? *known_key : mapping_.EvaluateKey(row);
    if (key) context.council_id = crosswalk_.IdFor(entity, *key);
  }
  if (const DeltaBase::Record* same = Classify(row, key)) {
    // Unchanged since the base run, which loaded it: the council holds it.
    if (key) crosswalk_.MarkSeen(entity, *key);
    ++tally.loaded;
    AddLedger({ordinal, key, LedgerOutcome::kLoaded, "",
               same->has_target_key ? std::optional<int64_t>(same->target_key) : std::nullopt,
               same->has_amount ? std::optional<int64_t>(same->amount) : std::nullopt});
    return;
  }
  outcome_.Clear();
  mapping_.Evaluate(row, context, outcome_);
  if (outcome_.kind == transform::OutcomeKind::kRejected && mapping_.has_key() && !key)
    return Reject(ordinal, key, "missing_key", "the record has no legacy key", "", "", tally,
                  AmountOf(mapping_, outcome_));
  if (outcome_.kind != transform::OutcomeKind::kLoaded) {
    const LedgerOutcome kind = FromTransform(outcome_.kind);
    if (kind == LedgerOutcome::kExcluded && changed_loaded_) {
      return KeepEarlier(ordinal, key, "is excluded (" + (outcome_.reason.empty() ? outcome_.reason_code : outcome_.reason) + ")",
                         "", "", tally);
    } else if (kind == LedgerOutcome::kExcluded) {
      if (key) crosswalk_.RecordNotLoaded(entity, *key, /*excluded=*/true, outcome_.reason_code);
      ++tally.excluded;
      AddLedger({ordinal, key, kind, outcome_.reason_code, std::nullopt, AmountOf(mapping_, outcome_)});
    } else {
      const bool kept = changed_loaded_ != nullptr;
      Reject(ordinal, key, outcome_.reason_code, outcome_.reason, outcome_.column, outcome_.value_seen, tally,
             AmountOf(mapping_, outcome_));
      // One worklist line for each further problem of the record.
      if (!kept)
        for (const transform::RowProblem& p : outcome_.other_problems)
          ledger_.AddException({ordinal, key, LedgerOutcome::kRejected, p.reason_code, p.reason, p.column,
                                p.value_seen, SuggestedAction(LedgerOutcome::kRejected, p.reason_code)});
    }
    return;
  }
  const std::optional<int64_t> amount = AmountOf(mapping_, outcome_);
  if (mapping_.has_key() && !key)
    return Reject(ordinal, key, "missing_key", "the record has no legacy key", "", "", tally, amount);
  if (mapping_.has_key() && (crosswalk_.SeenThisRun(entity, *key) || key_seen_before_))
    return Reject(ordinal, key, "duplicate_key", "legacy key " + *key + " was already loaded by this mapping",
                  "", *key, tally, amount);
  if (merge_plan_ && key) {
    if (auto survivor = merge_plan_->SurvivorOf(ordinal)) {
      if (changed_loaded_)
        return KeepEarlier(ordinal, key, "is a duplicate of legacy record " + *survivor, "", "", tally);
      ++tally.merged;
      batch_merges_.push_back({ordinal, *key, *survivor, amount, row_hash_, delta_label_,
                               keeps_duplicate_rows_ ? std::vector<core::Value>(row.begin(), row.end())
                                                     : std::vector<core::Value>{}});
      return;
    }
  }
  // Council databases hold UTF-8 only: refuse legacy bytes the same way on
  // every target (PostgreSQL would, SQLite would not), naming the column.
  if (auto bad = FindInvalidText(mapping_, outcome_))
    return Reject(ordinal, key, "invalid_text_encoding",
                  "column " + *bad + " holds bytes that are not UTF-8 (legacy Windows-1252 text?); "
                  "repair it in the mapping with utf8(...)",
                  *bad, "", tally, amount);
  // A changed record the council holds replaces its rows.
  auto& writers = changed_loaded_ ? update_writers_ : writers_;
  // A changed record's `including duplicates` rows (its legacy references)
  // stay as they are: they name keys, which do not change.
  const auto skipped = [&](size_t t) { return changed_loaded_ && mapping_.targets()[t].including_duplicates; };
  for (size_t t = 0; t < writers.size() && t < outcome_.target_rows.size(); ++t)
    if (outcome_.target_rows[t] && !writers[t] && !skipped(t))
      return KeepEarlier(ordinal, key,
                         "cannot be matched to its row in " + mapping_.targets()[t].table +
                             " (no column there is set to council_id)",
                         "", "", tally);
  if (auto broken = CheckReferences([&](size_t t) { return !skipped(t); }))
    return RejectForTarget(ordinal, key, broken->reason, broken->column, broken->value, tally, amount);
  for (size_t t = 0; t < writers.size() && t < outcome_.target_rows.size(); ++t)
    if (outcome_.target_rows[t] && !skipped(t)) writers[t]->Add(*outcome_.target_rows[t]);
  changed_loaded_ = nullptr;
  if (key) crosswalk_.Record(entity, *key, *context.council_id);
  ++tally.loaded;
  AddLedger({ordinal, key, LedgerOutcome::kLoaded, "", context.council_id, amount});
}

void MappingLoader::Resume(const MappingProgress& progress) {
  counts_ = progress.counts;
  for (size_t t = 0; t < writers_.size() && t < counts_.targets.size(); ++t) written_before_[t] = counts_.targets[t].rows;
}

core::Status MappingLoader::ReplayCommitted(const core::RowBatch& batch) {
  if (merge_plan_) {
    // The duplicates these rows hold are merged when the mapping finishes:
    // find them again. Nothing of this pass is kept.
    HANDOVER_RETURN_IF_ERROR(BeginWork("finding the merges of " + mapping_.name()));
    MappingCounts scratch;
    for (size_t r = 0; r < batch.size(); ++r) ProcessRow(batch.Row(r), batch.Ordinal(r), scratch);
    std::vector<PendingMerge> merges = std::move(batch_merges_);
    DiscardAll();
    target_.Rollback();
    counts_.merged += static_cast<int64_t>(merges.size());
    pending_merges_.insert(pending_merges_.end(), merges.begin(), merges.end());
  }
  // Their keys were seen by this run (a later duplicate is still refused),
  // and a delta run found their base records (which are not gone).
  for (size_t r = 0; r < batch.size(); ++r) {
    const auto key = mapping_.has_key() ? mapping_.EvaluateKey(batch.Row(r)) : std::nullopt;
    if (key) crosswalk_.MarkSeen(mapping_.name(), *key);
    if (delta_)
      if (DeltaBase::Record* before =
              delta_->FindUnseen(key ? *key : DeltaBase::KeylessKey(RowHash(batch.Row(r), row_seed_))))
        delta_->MarkSeen(*before);
  }
  crosswalk_.Committed();
  if (delta_) delta_->Committed();
  return core::Status::Ok();
}

const std::optional<std::string>* MappingLoader::KnownKey(size_t row) const {
  static const std::optional<std::string> kNoKey;
  return row < row_keys_.size() ? &row_keys_[row] : &kNoKey;
}

core::Status MappingLoader::LoadBatch(const core::RowBatch& batch) {
  const std::string what = mapping_.name() + " batch " + std::to_string(++batches_);
  MappingCounts tally;
  if (mapping_.has_key()) {
    // The crosswalk entries of this batch's keys (for an entity no other
    // mapping resolves, they are read batch by batch).
    row_keys_.clear();
    batch_keys_.clear();
    for (size_t r = 0; r < batch.size(); ++r) {
      row_keys_.push_back(mapping_.EvaluateKey(batch.Row(r)));
      if (row_keys_.back()) batch_keys_.push_back(*row_keys_.back());
    }
    core::Status read = core::Status::Ok();
    {
      // Reading the target, only once the batch in flight is committed.
      StageClock clock(stages_ ? stages_->load : unclocked_);
      read = crosswalk_.Prefetch(mapping_.name(), batch_keys_, [this] { return Settle(); });
    }
    if (!read.ok()) return read.WithContext(what);
  }
  {
    // Evaluated in memory while the server finishes the batch before.
    StageClock clock(stages_ ? stages_->transform : unclocked_);
    for (size_t r = 0; r < batch.size(); ++r) ProcessRow(batch.Row(r), batch.Ordinal(r), tally, KnownKey(r));
  }
  StageClock clock(stages_ ? stages_->load : unclocked_);
  HANDOVER_RETURN_IF_ERROR(BeginWork(what));
  core::Status written = FlushCouncilRows();
  if (written.ok()) return CommitInFlight(what, tally);
  target_.Rollback();
  DiscardAll();
  // Replay row by row: rows the target accepts load, each refused row is
  // rejected with the server's own reason.
  for (size_t r = 0; r < batch.size(); ++r) {
    MappingCounts one;
    HANDOVER_RETURN_IF_ERROR(BeginWork(what));
    ProcessRow(batch.Row(r), batch.Ordinal(r), one, KnownKey(r));
    core::Status status = FlushAll();
    if (status.ok()) {
      HANDOVER_RETURN_IF_ERROR(Commit(what, one));
      continue;
    }
    target_.Rollback();
    DiscardAll();
    one = MappingCounts{};
    ++one.extracted;
    HANDOVER_RETURN_IF_ERROR(target_.Begin(what));
    // Evaluate again for the key and the money the refused row carried.
    const std::optional<std::string> key = *KnownKey(r);
    Classify(batch.Row(r), key);
    transform::EvalContext context;
    context.crosswalk = &crosswalk_;
    context.lookups = lookups_;
    if (key) context.council_id = crosswalk_.IdFor(mapping_.name(), *key);
    outcome_.Clear();
    mapping_.Evaluate(batch.Row(r), context, outcome_);
    RejectForTarget(batch.Ordinal(r), key, status.message(), "", "", one, AmountOf(mapping_, outcome_));
    core::Status recorded = ledger_.Flush();
    if (!recorded.ok()) {
      target_.Rollback();
      return recorded.WithContext("recording a refused row of " + what);
    }
    HANDOVER_RETURN_IF_ERROR(Commit(what, one));
  }
  return core::Status::Ok();
}

void MappingLoader::WriteDuplicateRows(const PendingMerge& merge, int64_t survivor_id) {
  transform::EvalContext context;
  context.crosswalk = &crosswalk_;
  context.lookups = lookups_;
  context.council_id = survivor_id;
  context.merged = true;
  outcome_.Clear();
  mapping_.Evaluate(merge.row, context, outcome_);
  if (outcome_.kind != transform::OutcomeKind::kLoaded) {
    // The duplicate loaded once already; only a rule reading `merged` can
    // change its fate here. Its reference is then not recorded: say so.
    ledger_.AddException({merge.ordinal, merge.legacy_key, LedgerOutcome::kMerged, outcome_.reason_code,
                          "merged, but its rows 'including duplicates' were not written: " + outcome_.reason,
                          outcome_.column, outcome_.value_seen, SuggestedAction(LedgerOutcome::kMerged, "duplicate")});
    return;
  }
  const auto duplicate_rows = [&](size_t t) { return mapping_.targets()[t].including_duplicates; };
  if (auto broken = CheckReferences(duplicate_rows)) {
    ledger_.AddException({merge.ordinal, merge.legacy_key, LedgerOutcome::kMerged, "target_rejected",
                          "merged, but its rows 'including duplicates' were not written: " + broken->reason,
                          broken->column, broken->value, SuggestedAction(LedgerOutcome::kMerged, "duplicate")});
    return;
  }
  for (size_t t = 0; t < writers_.size() && t < outcome_.target_rows.size(); ++t)
    if (duplicate_rows(t) && outcome_.target_rows[t]) writers_[t]->Add(*outcome_.target_rows[t]);
}

core::Status MappingLoader::Finish() {
  HANDOVER_RETURN_IF_ERROR(BeginWork("the merges of " + mapping_.name()));
  const std::string& entity = mapping_.name();
  if (keeps_duplicate_rows_) {
    std::vector<std::string> keys;
    for (const auto& merge : pending_merges_) keys.push_back(merge.legacy_key);
    if (core::Status read = crosswalk_.Prefetch(entity, keys); !read.ok()) {
      target_.Rollback();
      return read.WithContext("the merges of " + mapping_.name());
    }
  }
  for (const auto& merge : pending_merges_) {
    const auto survivor_id = crosswalk_.Lookup(entity, merge.survivor_key);
    if (!survivor_id) {
      // Cannot happen for rows the plan chose (survivors are loadable), but a
      // survivor refused by the target leaves its duplicates unplaced.
      --counts_.merged;
      MappingCounts one;
      row_hash_ = merge.row_hash;
      delta_label_ = merge.delta;
      changed_loaded_ = nullptr;
      Reject(merge.ordinal, merge.legacy_key, "survivor_not_loaded",
             "duplicate of legacy record " + merge.survivor_key + ", which was not loaded", "", "", one,
             merge.amount);
      counts_.rejected += one.rejected;
      continue;
    }
    // A duplicate an earlier run merged (a delta meets it again) has its rows.
    const bool merged_before = crosswalk_.Lookup(entity, merge.legacy_key).has_value();
    crosswalk_.Record(entity, merge.legacy_key, *survivor_id);
    if (!merge.row.empty() && !merged_before) WriteDuplicateRows(merge, *survivor_id);
    ledger_.Add({merge.ordinal, merge.legacy_key, LedgerOutcome::kMerged, "duplicate", survivor_id, merge.amount},
                merge.row_hash, merge.delta);
    ledger_.AddException({merge.ordinal, merge.legacy_key, LedgerOutcome::kMerged, "duplicate",
                          "merged into legacy record " + merge.survivor_key, "", "",
                          SuggestedAction(LedgerOutcome::kMerged, "duplicate")});
  }
  pending_merges_.clear();
  if (delta_) {
    core::Status gone = RecordGone();
    if (!gone.ok()) {
      target_.Rollback();
      return gone;
    }
  }
  core::Status status = FlushAll();
  if (!status.ok()) {
    target_.Rollback();
    return status.WithContext("recording the merges of " + mapping_.name());
  }
  return Commit("the merges of " + mapping_.name(), MappingCounts{}, /*finished=*/true);
}

}  // namespace handover::load
