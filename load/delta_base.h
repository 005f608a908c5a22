// DeltaBase: what a delta run compares one mapping's source records with:
// every record the base run (the latest committed run) accounted for, found
// by legacy key, with the hash of its source values and the outcome it got.
// Held compactly (a 128-bit hash of the key and ~48 bytes a record, in one
// sorted vector), never as one heap string per key.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/value.h"
#include "db/database.h"
#include "load/ledger.h"

namespace handover::load {

// The hash of one source record's values (the columns its mapping reads),
// seeded with what else its evaluation depends on (the lookup tables'
// contents): equal hashes mean the record would be migrated the same way.
int64_t RowHash(std::span<const core::Value> row, uint64_t seed);

class DeltaBase {
 public:
  struct Record {
    uint64_t key_high = 0, key_low = 0;  // XXH3-128 of the legacy key
    int64_t row_hash = 0;
    int64_t base_row = 0;     // its source_row in the base run's ledger
    int64_t target_key = 0;   // council id (0: none)
    int64_t amount = 0;
    bool has_amount = false;
    bool has_target_key = false;
    bool was_gone = false;    // the base run already reported it gone
    bool seen = false;        // found in the source by this run
    LedgerOutcome outcome = LedgerOutcome::kLoaded;  // what it last was
  };

  // Reads the ledger of `mapping` in run `base_run_id`. A record without a
  // legacy key is known by its contents (KeylessKey of its row hash).
  // Records that share a key are matched in the base run's order.
  static core::Result<DeltaBase> Read(db::Database& target, int64_t base_run_id, const std::string& mapping);

  int64_t base_run_id() const { return base_run_id_; }
  size_t size() const { return records_.size(); }

  // The stand-in key of a record without a legacy key: its row hash.
  static std::string KeylessKey(int64_t row_hash) { return std::string("\x01#row ") + std::to_string(row_hash); }

  // The base record of `legacy_key` not yet seen by this run, or null.
  Record* FindUnseen(const std::string& legacy_key);
  // True when a base record of `legacy_key` was found by this run already.
  bool KeySeen(const std::string& legacy_key) const;
  // Marks `record` found; undone by Discard until Committed.
  void MarkSeen(Record& record);
  void Committed() { pending_.clear(); }
  void Discard();

  // Base records this run did not find, in base ledger order.
  std::vector<const Record*> Unseen() const;

 private:
  // The index range of the base records of `legacy_key` (adjacent: records_
  // is sorted by key).
  std::pair<size_t, size_t> RecordsOf(const std::string& legacy_key) const;

  int64_t base_run_id_ = 0;
  std::vector<Record> records_;  // sorted by key
  std::vector<Record*> pending_;
};

}  // namespace handover::load
