// CrosswalkStore: the legacy key -> council id map, persisted in
// migration_crosswalk so that a legacy record gets the same council id in
// every rehearsal and in the final run. Entities other mappings resolve
// through xref() (or that merge duplicates) are resident: held in memory for
// O(1) lookups, compactly (a flat hash table from a 128-bit hash of (entity,
// legacy key) to the id and a seen-this-run flag, never one heap string per
// key). The others (payments: the bulk of the keys) are read from the target
// batch by batch (Prefetch), so memory does not grow with them.
#pragma once

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "db/database.h"
#include "db/table_writer.h"
#include "load/key_filter.h"
#include "transform/mapping_program.h"

namespace handover::load {

// Legacy keys are read back up to this many bytes (a key is a reference,
// not free text); a longer one fails with KeyTooLong.
inline constexpr size_t kMaxKeyBytes = 4000;
core::Status KeyTooLong(const std::string& entity);

class CrosswalkStore final : public transform::Crosswalk {
 public:
  // Reads the existing crosswalk of `legacy_system` from the target: every
  // entry of the `resident` entities, the largest id of the others.
  static core::Result<std::unique_ptr<CrosswalkStore>> Open(db::Database& target, std::string legacy_system,
                                                            int64_t run_id, std::set<std::string> resident);

  // Before a batch of a non-resident entity: reads the entries of `keys`
  // (and forgets those read for the batch before). No-op for a resident one.
  // Of an entity the crosswalk held no entry of when the run began, only the
  // keys this run may have recorded are looked up (for a first load, hardly
  // any: the rest cannot be there). `before_reading`, when given, runs
  // once before the first statement, only if one is needed.
  core::Status Prefetch(const std::string& entity, const std::vector<std::string>& keys,
                        const std::function<core::Status()>& before_reading = {});

  std::optional<int64_t> Lookup(const std::string& entity,
                                const std::string& legacy_key) const override;

  std::optional<transform::NotLoaded> WhyNotLoaded(const std::string& entity,
                                                   const std::string& legacy_key) const override;
  // Notes that this run rejected or excluded the record of `legacy_key`
  // (resident entities only: the others are never referenced).
  void RecordNotLoaded(const std::string& entity, const std::string& legacy_key, bool excluded,
                       const std::string& reason_code);

  // The id `legacy_key` has, or the id it would get if recorded now.
  int64_t IdFor(const std::string& entity, const std::string& legacy_key) const;
  // Makes IdFor's answer permanent (queued for the next Flush). No-op if the
  // key already has an id.
  void Record(const std::string& entity, const std::string& legacy_key, int64_t council_id);
  // New ids of `entity` will be above `id` (ids other rows hold already).
  void ReserveUpTo(const std::string& entity, int64_t id);
  // Counts `legacy_key` as seen by this run without recording anything (a
  // record an earlier run loaded, met again unchanged).
  void MarkSeen(const std::string& entity, const std::string& legacy_key);
  // True if `legacy_key` was recorded during this run (a duplicate key).
  bool SeenThisRun(const std::string& entity, const std::string& legacy_key) const;

  // Writes queued entries inside the caller's transaction.
  core::Status Flush();
  // Flush in two halves (TableWriter::Send and Sync): Send leaves the
  // entries' answer to come while the caller evaluates its next batch; Sync
  // collects it and must come before any other statement on the connection.
  core::Status Send();
  core::Status Sync();
  // The caller's transaction committed: what was recorded is now permanent.
  void Committed();
  // Forgets everything recorded since the last Committed (the transaction
  // was rolled back, whether or not it had been flushed).
  void Discard();

 private:
  // The 128-bit hash (XXH3) a key is held by.
  struct KeyHash {
    uint64_t high = 0, low = 0;
    bool operator==(const KeyHash& other) const { return high == other.high && low == other.low; }
    template <typename H>
    friend H AbslHashValue(H h, const KeyHash& k) {
      return H::combine(std::move(h), k.high, k.low);
    }
  };
  struct Entry {
    int64_t id = 0;  // 0: no id (a key seen this run that was not loaded)
    bool seen = false;
  };

  CrosswalkStore(db::Database& target, std::string legacy_system, int64_t run_id, std::set<std::string> resident);
  static KeyHash Hash(const std::string& entity, const std::string& legacy_key);
  void Mark(const KeyHash& key);
  // Drops the entry when it holds neither an id nor a seen mark.
  void EraseIfEmpty(const KeyHash& key);

  db::Database& target_;
  std::string legacy_system_;
  int64_t run_id_;
  std::set<std::string> resident_;
  absl::flat_hash_map<KeyHash, Entry> keys_;
  std::vector<KeyHash> prefetched_;  // entries of non-resident entities, for one batch
  // The entities the crosswalk held entries of when the run began; for the
  // others, the keys of non-resident entities this run recorded or met.
  std::set<std::string> stored_entities_;
  KeyFilter recorded_this_run_;
  std::vector<std::string> maybe_recorded_;  // Prefetch's keys to look up
  // Keys of resident entities this run rejected or excluded: index into
  // reasons_, plus one for exclusions in the top bit.
  absl::flat_hash_map<KeyHash, uint32_t> not_loaded_;
  std::vector<std::string> reasons_;
  std::vector<KeyHash> pending_not_loaded_;
  std::unordered_map<std::string, int64_t> next_id_;  // per entity
  std::unique_ptr<db::TableWriter> writer_;
  // Changed since the last Committed, so that Discard can undo them.
  std::vector<KeyHash> pending_ids_;
  std::vector<KeyHash> pending_seen_;
  std::unordered_map<std::string, int64_t> next_id_at_flush_;
};

}  // namespace handover::load
