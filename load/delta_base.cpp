#include "load/delta_base.h"

#include "load/crosswalk_store.h"

#include <algorithm>
#include <tuple>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace handover::load {
namespace {

XXH128_hash_t KeyHash(const std::string& key) { return XXH3_128bits(key.data(), key.size()); }

bool KeyLess(const DeltaBase::Record& a, const DeltaBase::Record& b) {
  return std::tie(a.key_high, a.key_low) < std::tie(b.key_high, b.key_low);
}

LedgerOutcome OutcomeNamed(const std::string& name) {
  for (LedgerOutcome o : {LedgerOutcome::kLoaded, LedgerOutcome::kRejected, LedgerOutcome::kExcluded,
                          LedgerOutcome::kMerged, LedgerOutcome::kGone})
    if (name == LedgerOutcomeName(o)) return o;
  return LedgerOutcome::kRejected;
}

}  // namespace

int64_t RowHash(std::span<const core::Value> row, uint64_t seed) {
  XXH3_state_t state;
  XXH3_INITSTATE(&state);
  XXH3_64bits_reset_withSeed(&state, seed);
  for (const core::Value& value : row) {
    const std::string text = core::ToText(value);
    // A null marker and the length first, so that (NULL, "") and ("a", "bc")
    // versus ("ab", "c") hash apart.
    const uint64_t size = core::IsNull(value) ? ~uint64_t{0} : text.size();
    XXH3_64bits_update(&state, &size, sizeof size);
    XXH3_64bits_update(&state, text.data(), text.size());
  }
  return static_cast<int64_t>(XXH3_64bits_digest(&state));
}

core::Result<DeltaBase> DeltaBase::Read(db::Database& target, int64_t base_run_id, const std::string& mapping) {
  DeltaBase base;
  base.base_run_id_ = base_run_id;
  bool too_long = false;
  core::Status status = target.ForEachRow(
      "SELECT CAST(legacy_key AS VARCHAR(" + std::to_string(kMaxKeyBytes) + ")), CAST(row_hash AS VARCHAR(24)), CAST(source_row AS VARCHAR(24)), "
      "CAST(outcome AS VARCHAR(20)), CAST(reason_code AS VARCHAR(100)), CAST(target_key AS VARCHAR(24)), "
      "CAST(amount_pence AS VARCHAR(24)) FROM migration_ledger WHERE run_id = " +
          std::to_string(base_run_id) + " AND mapping = " + db::Database::QuoteLiteral(mapping) +
          " AND row_hash IS NOT NULL",
      7, "reading what run " + std::to_string(base_run_id) + " migrated of " + mapping,
      [&base, &too_long](std::vector<std::string>& row) {
        if (row[0].size() >= kMaxKeyBytes) too_long = true;
        Record r;
        r.row_hash = std::stoll(row[1]);
        const XXH128_hash_t key = KeyHash(row[0].empty() ? KeylessKey(r.row_hash) : row[0]);
        r.key_high = key.high64;
        r.key_low = key.low64;
        r.base_row = std::stoll(row[2]);
        r.outcome = OutcomeNamed(row[3]);
        if (r.outcome == LedgerOutcome::kGone) {
          // A gone record's reason says what it was when last seen ("was_loaded").
          r.was_gone = true;
          r.outcome = OutcomeNamed(row[4].rfind("was_", 0) == 0 ? row[4].substr(4) : row[4]);
        }
        r.has_target_key = !row[5].empty();
        if (r.has_target_key) r.target_key = std::stoll(row[5]);
        r.has_amount = !row[6].empty();
        if (r.has_amount) r.amount = std::stoll(row[6]);
        base.records_.push_back(r);
      });
  if (!status.ok()) return status;
  if (too_long) return KeyTooLong(mapping);
  // Records sharing a key (a duplicate_key reject after the first) are
  // matched in the base run's order; gone records after those it saw.
  std::sort(base.records_.begin(), base.records_.end(), [](const Record& a, const Record& b) {
    return std::tie(a.key_high, a.key_low, a.was_gone, a.base_row) <
           std::tie(b.key_high, b.key_low, b.was_gone, b.base_row);
  });
  base.records_.shrink_to_fit();
  return base;
}

DeltaBase::Record* DeltaBase::FindUnseen(const std::string& legacy_key) {
  const auto [first, last] = RecordsOf(legacy_key);
  for (size_t i = first; i < last; ++i)
    if (!records_[i].seen) return &records_[i];
  return nullptr;
}

bool DeltaBase::KeySeen(const std::string& legacy_key) const {
  const auto [first, last] = RecordsOf(legacy_key);
  for (size_t i = first; i < last; ++i)
    if (records_[i].seen) return true;
  return false;
}

std::pair<size_t, size_t> DeltaBase::RecordsOf(const std::string& legacy_key) const {
  Record probe;
  const XXH128_hash_t key = KeyHash(legacy_key);
  probe.key_high = key.high64;
  probe.key_low = key.low64;
  const auto [first, last] = std::equal_range(records_.begin(), records_.end(), probe, KeyLess);
  return {static_cast<size_t>(first - records_.begin()), static_cast<size_t>(last - records_.begin())};
}

void DeltaBase::MarkSeen(Record& record) {
  record.seen = true;
  pending_.push_back(&record);
}

void DeltaBase::Discard() {
  for (Record* record : pending_) record->seen = false;
  pending_.clear();
}

std::vector<const DeltaBase::Record*> DeltaBase::Unseen() const {
  std::vector<const Record*> unseen;
  for (const Record& r : records_)
    if (!r.seen) unseen.push_back(&r);
  std::sort(unseen.begin(), unseen.end(), [](const Record* a, const Record* b) {
    return std::tie(a->was_gone, a->base_row) < std::tie(b->was_gone, b->base_row);
  });
  return unseen;
}

}  // namespace handover::load
