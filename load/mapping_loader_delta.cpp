// The delta side of MappingLoader (see UseDelta in mapping_loader.h): each
// record compared with the base run's, changed records the council holds
// replaced or kept, and base records no longer in the source recorded gone.
#include <unordered_map>

#include "load/mapping_loader.h"

namespace handover::load {

void MappingLoader::UseDelta(DeltaBase& base, const MappingCounts& base_counts) {
  delta_ = &base;
  for (const auto& spec : mapping_.targets())
    update_writers_.push_back(spec.key_column ? db::MakeUpdateWriter(target_, spec.table, spec.columns, *spec.key_column)
                                              : nullptr);
  for (size_t t = 0; t < written_before_.size() && t < base_counts.targets.size(); ++t)
    counts_.targets[t].rows = written_before_[t] = base_counts.targets[t].rows;
}

const DeltaBase::Record* MappingLoader::Classify(std::span<const core::Value> row,
                                                 const std::optional<std::string>& key) {
  row_hash_ = RowHash(row, row_seed_);
  delta_label_ = nullptr;
  changed_loaded_ = nullptr;
  key_seen_before_ = false;
  if (delta_ == nullptr) return nullptr;
  // An earlier row of this run met a base record of the same key: this one
  // is a duplicate, whatever the crosswalk (read batch by batch) remembers.
  key_seen_before_ = key && delta_->KeySeen(*key);
  DeltaBase::Record* before = delta_->FindUnseen(key ? *key : DeltaBase::KeylessKey(row_hash_));
  if (before == nullptr) {
    delta_label_ = "new";
    return nullptr;
  }
  delta_->MarkSeen(*before);
  const bool same = before->row_hash == row_hash_;
  delta_label_ = same ? "unchanged" : "changed";
  // A record the council does not hold is evaluated again: an orphan whose
  // parent has arrived since loads now.
  if (before->outcome != LedgerOutcome::kLoaded) return nullptr;
  if (same) return before;
  changed_loaded_ = before;
  return nullptr;
}

void MappingLoader::KeepEarlier(int64_t ordinal, const std::optional<std::string>& key, const std::string& why,
                                const std::string& column, const std::string& value, MappingCounts& tally) {
  const DeltaBase::Record& before = *changed_loaded_;
  changed_loaded_ = nullptr;
  if (key) crosswalk_.MarkSeen(mapping_.name(), *key);
  ++tally.loaded;
  AddLedger({ordinal, key, LedgerOutcome::kLoaded, "change_not_applied",
             before.has_target_key ? std::optional<int64_t>(before.target_key) : std::nullopt,
             before.has_amount ? std::optional<int64_t>(before.amount) : std::nullopt});
  ledger_.AddException({ordinal, key, LedgerOutcome::kLoaded, "change_not_applied",
                        "changed in the source since run " + std::to_string(delta_->base_run_id()) +
                            ", but the new version " + why + "; the council keeps the earlier version",
                        column, value, SuggestedAction(LedgerOutcome::kLoaded, "change_not_applied")});
}

core::Status MappingLoader::RecordGone() {
  const std::vector<const DeltaBase::Record*> unseen = delta_->Unseen();
  const std::string base = std::to_string(delta_->base_run_id());
  constexpr size_t kChunk = 500;
  for (size_t first = 0; first < unseen.size(); first += kChunk) {
    // Their legacy keys, from the base run's ledger (the base holds hashes).
    std::unordered_map<int64_t, size_t> by_row;
    std::string rows;
    for (size_t i = first; i < unseen.size() && i < first + kChunk; ++i) {
      by_row[unseen[i]->base_row] = i;
      rows += (rows.empty() ? "" : ", ") + std::to_string(unseen[i]->base_row);
    }
    auto keys = target_.QueryRows("SELECT CAST(source_row AS VARCHAR(24)), CAST(legacy_key AS VARCHAR(" +
                                      std::to_string(kMaxKeyBytes) + ")) "
                                  "FROM migration_ledger WHERE run_id = " + base + " AND mapping = " +
                                      db::Database::QuoteLiteral(mapping_.name()) + " AND source_row IN (" + rows + ")",
                                  2, "finding the records of " + mapping_.name() + " no longer in the source");
    if (!keys.ok()) return keys.status();
    for (const auto& row : *keys) {
      const size_t i = by_row.at(std::stoll(row[0]));
      const DeltaBase::Record& gone = *unseen[i];
      const std::string was = LedgerOutcomeName(gone.outcome);
      const bool in_council = gone.outcome == LedgerOutcome::kLoaded || gone.outcome == LedgerOutcome::kMerged;
      // Gone records are numbered -1, -2, ...: they have no row in this source.
      const int64_t line = -static_cast<int64_t>(i + 1);
      const std::optional<std::string> key = row[1].empty() ? std::nullopt : std::optional<std::string>(row[1]);
      ledger_.Add({line, key, LedgerOutcome::kGone, "was_" + was,
                   gone.has_target_key ? std::optional<int64_t>(gone.target_key) : std::nullopt,
                   gone.has_amount ? std::optional<int64_t>(gone.amount) : std::nullopt},
                  gone.row_hash);
      ledger_.AddException({line, key, LedgerOutcome::kGone, "gone",
                            "no longer in the source (run " + base + " found it " + was + ")" +
                                (in_council ? "; the council's record was kept, not deleted" : "; nothing to undo"),
                            "", "", SuggestedAction(LedgerOutcome::kGone, "gone")});
      ++counts_.gone;
    }
  }
  return core::Status::Ok();
}

}  // namespace handover::load
