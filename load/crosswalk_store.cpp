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

CrosswalkStore::CrosswalkStore(db::Database& target, std::string legacy_system, int64_t run_id)
    : legacy_system_(std::move(legacy_system)), run_id_(run_id),
      writer_(db::MakeTableWriter(target, "migration_crosswalk",
                              {"legacy_system", "entity", "legacy_key", "council_id", "first_run_id"})) {}

core::Result<std::unique_ptr<CrosswalkStore>> CrosswalkStore::Open(db::Database& target, std::string legacy_system,
                                                                   int64_t run_id) {
  std::unique_ptr<CrosswalkStore> store(new CrosswalkStore(target, legacy_system, run_id));
  const std::string this_run = std::to_string(run_id);
  std::string too_long;
  core::Status read = target.ForEachRow(
      // Declared widths: an ODBC driver fills a buffer as wide as each cell's
      // declared size (64 KiB for an undeclared SQLite TEXT) on every fetch.
      "SELECT CAST(entity AS VARCHAR(200)), CAST(legacy_key AS VARCHAR(" + std::to_string(kMaxKeyBytes) + ")), "
      "CAST(council_id AS VARCHAR(20)), CAST(first_run_id AS VARCHAR(20)) "
      "FROM migration_crosswalk WHERE legacy_system = " + db::Database::QuoteLiteral(legacy_system),
      4, "reading the crosswalk", [&](std::vector<std::string>& row) {
        if (row[1].size() >= kMaxKeyBytes) too_long = row[0];
        const int64_t id = std::stoll(row[2]);
        Entry& entry = store->keys_[Hash(row[0], row[1])];
        entry.id = id;
        // Resuming a run: the keys its committed batches recorded were seen by it.
        entry.seen = row[3] == this_run;
        int64_t& next = store->next_id_[row[0]];
        next = std::max(next, id + 1);
      });
  if (!read.ok()) return read;
  if (!too_long.empty()) return KeyTooLong(too_long);
  store->next_id_at_flush_ = store->next_id_;
  return store;
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
  Mark(key);
  Entry& entry = keys_[key];
  if (entry.id != 0) return;
  entry.id = council_id;
  pending_ids_.push_back(key);
  int64_t& next = next_id_[entity];
  next = std::max(next == 0 ? 1 : next, council_id + 1);
  const core::Value row[] = {legacy_system_, entity, legacy_key, council_id, run_id_};
  writer_->Add(row);
}

void CrosswalkStore::ReserveUpTo(const std::string& entity, int64_t id) {
  int64_t& next = next_id_[entity];
  next = std::max({next, id + 1, int64_t{1}});
  next_id_at_flush_[entity] = std::max(next_id_at_flush_[entity], next);
}

void CrosswalkStore::MarkSeen(const std::string& entity, const std::string& legacy_key) {
  Mark(Hash(entity, legacy_key));
}

core::Status CrosswalkStore::Flush() { return writer_->Flush(); }

void CrosswalkStore::Committed() {
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
  pending_ids_.clear();
  pending_seen_.clear();
  next_id_ = next_id_at_flush_;
}

bool CrosswalkStore::SeenThisRun(const std::string& entity, const std::string& legacy_key) const {
  const auto it = keys_.find(Hash(entity, legacy_key));
  return it != keys_.end() && it->second.seen;
}

}  // namespace handover::load
