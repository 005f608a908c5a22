#include "load/crosswalk_store.h"

#include <algorithm>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace handover::load {

core::Status KeyTooLong(const std::string& entity) {
  return core::Status::Error(core::ErrorCode::kData,
                             "the crosswalk holds a legacy key of " + entity + " of " + std::to_string(kMaxKeyBytes) +
                                 " bytes or more, longer than a key can be read back; shorten the mapping's key "
                                 "expression (a reference, not free text) and run into an empty target");
}

CrosswalkStore::CrosswalkStore(db::Database& target, std::string legacy_system, int64_t run_id,
                               std::set<std::string> resident)
    : target_(target), legacy_system_(std::move(legacy_system)), run_id_(run_id), resident_(std::move(resident)),
      writer_(db::MakeTableWriter(target, "migration_crosswalk",
                              {"legacy_system", "entity", "legacy_key", "council_id", "first_run_id"})) {}

namespace {

// Declared widths: an ODBC driver fills a buffer as wide as each cell's
// declared size (64 KiB for an undeclared SQLite TEXT) on every fetch.
const std::string& EntrySelect() {
  static const std::string select = "SELECT CAST(entity AS VARCHAR(200)), CAST(legacy_key AS VARCHAR(" +
                                    std::to_string(kMaxKeyBytes) +
                                    ")), CAST(council_id AS VARCHAR(20)), CAST(first_run_id AS VARCHAR(20)) "
                                    "FROM migration_crosswalk WHERE legacy_system = ";
  return select;
}

std::string InList(std::vector<std::string>::const_iterator first, std::vector<std::string>::const_iterator last) {
  std::string list;
  for (auto it = first; it != last; ++it) list += (list.empty() ? "" : ", ") + db::Database::QuoteLiteral(*it);
  return list;
}

}  // namespace

core::Result<std::unique_ptr<CrosswalkStore>> CrosswalkStore::Open(db::Database& target, std::string legacy_system,
                                                                   int64_t run_id, std::set<std::string> resident) {
  std::unique_ptr<CrosswalkStore> store(new CrosswalkStore(target, legacy_system, run_id, resident));
  const std::string system = db::Database::QuoteLiteral(legacy_system);
  auto largest = target.QueryRows("SELECT CAST(entity AS VARCHAR(200)), CAST(max(council_id) AS VARCHAR(20)) FROM "
                                  "migration_crosswalk WHERE legacy_system = " + system + " GROUP BY entity",
                                  2, "reading the crosswalk");
  if (!largest.ok()) return largest.status();
  for (const auto& row : *largest) {
    store->next_id_[row[0]] = std::stoll(row[1]) + 1;
    store->stored_entities_.insert(row[0]);
  }
  store->next_id_at_flush_ = store->next_id_;
  if (resident.empty()) return store;
  std::vector<std::string> names(resident.begin(), resident.end());
  const std::string this_run = std::to_string(run_id);
  std::string too_long;
  core::Status read = target.ForEachRow(
      EntrySelect() + system + " AND entity IN (" + InList(names.begin(), names.end()) + ")", 4,
      "reading the crosswalk", [&](std::vector<std::string>& row) {
        if (row[1].size() >= kMaxKeyBytes) too_long = row[0];
        Entry& entry = store->keys_[Hash(row[0], row[1])];
        entry.id = std::stoll(row[2]);
        // Resuming a run: the keys its committed batches recorded were seen by it.
        entry.seen = row[3] == this_run;
      });
  if (!read.ok()) return read;
  if (!too_long.empty()) return KeyTooLong(too_long);
  // Resuming a run: the records it rejected or excluded, which references
  // from the mappings still to load must recognise.
  read = target.ForEachRow(
      "SELECT CAST(mapping AS VARCHAR(200)), CAST(legacy_key AS VARCHAR(" + std::to_string(kMaxKeyBytes) +
          ")), CAST(outcome AS VARCHAR(20)), CAST(COALESCE(reason_code, '') AS VARCHAR(100)) FROM migration_ledger "
          "WHERE run_id = " + this_run + " AND outcome IN ('rejected', 'excluded') AND legacy_key IS NOT NULL AND "
          "mapping IN (" + InList(names.begin(), names.end()) + ")",
      4, "reading the records the run did not load", [&](std::vector<std::string>& row) {
        store->RecordNotLoaded(row[0], row[1], row[2] == "excluded", row[3]);
      });
  if (!read.ok()) return read;
  store->pending_not_loaded_.clear();
  return store;
}

std::optional<transform::NotLoaded> CrosswalkStore::WhyNotLoaded(const std::string& entity,
                                                                 const std::string& legacy_key) const {
  const auto it = not_loaded_.find(Hash(entity, legacy_key));
  if (it == not_loaded_.end()) return std::nullopt;
  constexpr uint32_t kExcluded = 1u << 31;
  return transform::NotLoaded{(it->second & kExcluded) != 0, reasons_[it->second & ~kExcluded]};
}

void CrosswalkStore::RecordNotLoaded(const std::string& entity, const std::string& legacy_key, bool excluded,
                                     const std::string& reason_code) {
  if (!resident_.count(entity)) return;
  const KeyHash key = Hash(entity, legacy_key);
  if (not_loaded_.count(key)) return;  // the first record of the key says
  uint32_t reason = 0;
  while (reason < reasons_.size() && reasons_[reason] != reason_code) ++reason;
  if (reason == reasons_.size()) reasons_.push_back(reason_code);
  constexpr uint32_t kExcluded = 1u << 31;
  not_loaded_[key] = reason | (excluded ? kExcluded : 0u);
  pending_not_loaded_.push_back(key);
}

core::Status CrosswalkStore::Prefetch(const std::string& entity, const std::vector<std::string>& keys,
                                     const std::function<core::Status()>& before_reading) {
  if (resident_.count(entity)) return core::Status::Ok();
  for (const KeyHash& key : prefetched_) keys_.erase(key);
  prefetched_.clear();
  const std::string this_run = std::to_string(run_id_);
  const std::string where = db::Database::QuoteLiteral(legacy_system_) +
                            " AND entity = " + db::Database::QuoteLiteral(entity) + " AND legacy_key IN (";
  const std::vector<std::string>* lookup = &keys;
  if (!stored_entities_.count(entity)) {
    // Only this run can have recorded keys of the entity.
    maybe_recorded_.clear();
    for (const std::string& k : keys) {
      const KeyHash h = Hash(entity, k);
      if (recorded_this_run_.MayContain(h.high, h.low)) maybe_recorded_.push_back(k);
    }
    lookup = &maybe_recorded_;
  }
  if (!lookup->empty() && before_reading) HANDOVER_RETURN_IF_ERROR(before_reading());
  constexpr size_t kChunk = 500;
  for (size_t first = 0; first < lookup->size(); first += kChunk) {
    const auto from = lookup->begin() + static_cast<std::ptrdiff_t>(first);
    const auto to = lookup->begin() + static_cast<std::ptrdiff_t>(std::min(lookup->size(), first + kChunk));
    HANDOVER_RETURN_IF_ERROR(target_.ForEachRow(
        EntrySelect() + where + InList(from, to) + ")", 4, "reading the crosswalk of " + entity,
        [&](std::vector<std::string>& row) {
          const KeyHash key = Hash(row[0], row[1]);
          Entry& entry = keys_[key];
          entry.id = std::stoll(row[2]);
          entry.seen = row[3] == this_run;
          prefetched_.push_back(key);
        }));
  }
  return core::Status::Ok();
}

CrosswalkStore::KeyHash CrosswalkStore::Hash(const std::string& entity, const std::string& legacy_key) {
  const XXH128_hash_t h =
      XXH3_128bits_withSeed(legacy_key.data(), legacy_key.size(), XXH3_64bits(entity.data(), entity.size()));
  return {h.high64, h.low64};
}

std::optional<int64_t> CrosswalkStore::Lookup(const std::string& entity, const std::string& legacy_key) const {
  const auto it = keys_.find(Hash(entity, legacy_key));
  if (it == keys_.end() || it->second.id == 0) return std::nullopt;
  return it->second.id;
}

int64_t CrosswalkStore::IdFor(const std::string& entity, const std::string& legacy_key) const {
  if (auto id = Lookup(entity, legacy_key)) return *id;
  const auto it = next_id_.find(entity);
  return it == next_id_.end() ? 1 : it->second;
}

void CrosswalkStore::Mark(const KeyHash& key) {
  Entry& entry = keys_[key];
  if (entry.seen) return;
  entry.seen = true;
  pending_seen_.push_back(key);
}

void CrosswalkStore::Record(const std::string& entity, const std::string& legacy_key, int64_t council_id) {
  const KeyHash key = Hash(entity, legacy_key);
  if (!resident_.count(entity)) {
    prefetched_.push_back(key);  // forgotten after the batch, found again by Prefetch
    recorded_this_run_.Add(key.high, key.low);
  }
  Mark(key);
  Entry& entry = keys_[key];
  if (entry.id != 0) return;
  entry.id = council_id;
  pending_ids_.push_back(key);
  int64_t& next = next_id_[entity];
  next = std::max(next == 0 ? 1 : next, council_id + 1);
  writer_->AddText(legacy_system_);
  writer_->AddText(entity);
  writer_->AddText(legacy_key);
  writer_->AddInteger(council_id);
  writer_->AddInteger(run_id_);
  writer_->EndRow();
}

void CrosswalkStore::ReserveUpTo(const std::string& entity, int64_t id) {
  int64_t& next = next_id_[entity];
  next = std::max({next, id + 1, int64_t{1}});
  next_id_at_flush_[entity] = std::max(next_id_at_flush_[entity], next);
}

void CrosswalkStore::MarkSeen(const std::string& entity, const std::string& legacy_key) {
  const KeyHash key = Hash(entity, legacy_key);
  if (!resident_.count(entity)) {
    prefetched_.push_back(key);
    recorded_this_run_.Add(key.high, key.low);
  }
  Mark(key);
}

core::Status CrosswalkStore::Flush() { return writer_->Flush(); }
core::Status CrosswalkStore::Send() { return writer_->Send(); }
core::Status CrosswalkStore::Sync() { return writer_->Sync(); }

void CrosswalkStore::Committed() {
  pending_not_loaded_.clear();
  pending_ids_.clear();
  pending_seen_.clear();
  next_id_at_flush_ = next_id_;
}

void CrosswalkStore::EraseIfEmpty(const KeyHash& key) {
  const auto it = keys_.find(key);
  if (it != keys_.end() && it->second.id == 0 && !it->second.seen) keys_.erase(it);
}

void CrosswalkStore::Discard() {
  writer_->Discard();
  for (const auto& key : pending_ids_) keys_[key].id = 0;
  for (const auto& key : pending_seen_) keys_[key].seen = false;
  for (const auto& key : pending_ids_) EraseIfEmpty(key);
  for (const auto& key : pending_seen_) EraseIfEmpty(key);
  for (const auto& key : pending_not_loaded_) not_loaded_.erase(key);
  pending_not_loaded_.clear();
  pending_ids_.clear();
  pending_seen_.clear();
  next_id_ = next_id_at_flush_;
}

bool CrosswalkStore::SeenThisRun(const std::string& entity, const std::string& legacy_key) const {
  const auto it = keys_.find(Hash(entity, legacy_key));
  return it != keys_.end() && it->second.seen;
}

}  // namespace handover::load
