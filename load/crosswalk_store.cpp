#include "load/crosswalk_store.h"

#include <algorithm>

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
  auto rows = target.QueryRows(
      // Declared widths: an ODBC driver fills a buffer as wide as each cell's
      // declared size (64 KiB for an undeclared SQLite TEXT) on every fetch.
      "SELECT CAST(entity AS VARCHAR(200)), CAST(legacy_key AS VARCHAR(" + std::to_string(kMaxKeyBytes) + ")), "
      "CAST(council_id AS VARCHAR(20)), CAST(first_run_id AS VARCHAR(20)) "
      "FROM migration_crosswalk WHERE legacy_system = " + db::Database::QuoteLiteral(legacy_system),
      4, "reading the crosswalk");
  if (!rows.ok()) return rows.status();
  const std::string this_run = std::to_string(run_id);
  for (const auto& row : *rows) {
    if (row[1].size() >= kMaxKeyBytes) return KeyTooLong(row[0]);
    const int64_t id = std::stoll(row[2]);
    store->ids_[Slot(row[0], row[1])] = id;
    // Resuming a run: the keys its committed batches recorded were seen by it.
    if (row[3] == this_run) store->seen_this_run_.insert(Slot(row[0], row[1]));
    int64_t& next = store->next_id_[row[0]];
    next = std::max(next, id + 1);
  }
  store->next_id_at_flush_ = store->next_id_;
  return store;
}

std::optional<int64_t> CrosswalkStore::Lookup(const std::string& entity,
                                              const std::string& legacy_key) const {
  const auto it = ids_.find(Slot(entity, legacy_key));
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

int64_t CrosswalkStore::IdFor(const std::string& entity, const std::string& legacy_key) const {
  if (auto id = Lookup(entity, legacy_key)) return *id;
  const auto it = next_id_.find(entity);
  return it == next_id_.end() ? 1 : it->second;
}

void CrosswalkStore::Record(const std::string& entity, const std::string& legacy_key, int64_t council_id) {
  const std::string slot = Slot(entity, legacy_key);
  if (seen_this_run_.insert(slot).second) pending_seen_.push_back(slot);
  if (ids_.count(slot)) return;
  ids_[slot] = council_id;
  pending_slots_.push_back(slot);
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
  const std::string slot = Slot(entity, legacy_key);
  if (seen_this_run_.insert(slot).second) pending_seen_.push_back(slot);
}

core::Status CrosswalkStore::Flush() { return writer_->Flush(); }

void CrosswalkStore::Committed() {
  pending_slots_.clear();
  pending_seen_.clear();
  next_id_at_flush_ = next_id_;
}

void CrosswalkStore::Discard() {
  writer_->Discard();
  for (const auto& slot : pending_slots_) ids_.erase(slot);
  for (const auto& slot : pending_seen_) seen_this_run_.erase(slot);
  pending_slots_.clear();
  pending_seen_.clear();
  next_id_ = next_id_at_flush_;
}

bool CrosswalkStore::SeenThisRun(const std::string& entity, const std::string& legacy_key) const {
  return seen_this_run_.count(Slot(entity, legacy_key)) > 0;
}

}  // namespace handover::load
