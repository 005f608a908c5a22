// ReferenceCheck: the foreign keys of the council tables, checked by the load
// engine itself before a row is sent, so that a target whose per-row checks
// are slow (PostgreSQL's triggers were half its time) can have them set aside
// while a run loads (keys_set_aside.h). A reference holds when its
// parent key was in the target when the load began, or was written by this
// run: committed, or pending in the batch in hand (an earlier row, or an
// earlier table of the same record). Keys are compared as text, the way the
// values are sent.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_set.h>

#include "core/status.h"
#include "core/value.h"
#include "db/database.h"

namespace handover::load {

// One single-column foreign key of a council table.
struct ForeignKey {
  std::string name;  // the constraint's name
  std::string table, column;
  std::string parent_table, parent_column;
  std::string definition;  // what ADD CONSTRAINT <name> takes to add it back
};

// A reference that does not hold: what the worklist says about it.
struct BrokenReference {
  std::string reason;  // names the constraint and the parent, never the row
  std::string column;  // "table.column"
  std::string value;   // the key that names no parent row
};

class ReferenceCheck {
 public:
  // Checks `keys`, reading from `target` the parent keys it holds already.
  static core::Result<ReferenceCheck> Read(db::Database& target, std::vector<ForeignKey> keys);

  bool empty() const { return keys_.empty(); }

  // What rows of `table` written with `columns` check and provide; -1 when
  // they do neither. Bind once per writer, before its first row.
  int Bind(const std::string& table, const std::vector<std::string>& columns);

  // The first reference of `row` (of a table bound as `binding`) whose
  // parent key is not known; nullopt when every one holds (NULLs hold).
  std::optional<BrokenReference> Check(int binding, std::span<const core::Value> row);
  // Records the parent keys `row` provides, pending until Committed.
  void Note(int binding, std::span<const core::Value> row);

  // Undoing the Notes of one record whose later table was refused.
  size_t Mark() const { return pending_.size(); }
  void UndoTo(size_t mark);
  // The batch committed: its keys stay. The batch rolled back: they go.
  void Committed() { pending_.clear(); }
  void Discard() { UndoTo(0); }

 private:
  struct Parent {
    std::string table, column;
    absl::flat_hash_set<std::string> keys;
  };
  struct Binding {
    std::vector<std::pair<size_t, size_t>> checks;    // (column index, key index)
    std::vector<std::pair<size_t, size_t>> provides;  // (column index, parent index)
  };
  std::vector<ForeignKey> keys_;
  std::vector<size_t> parent_of_;  // per key: its parent's index
  std::vector<Parent> parents_;
  std::vector<Binding> bindings_;
  std::vector<std::pair<size_t, std::string>> pending_;  // (parent index, key) inserted by this batch
  std::string text_;  // scratch for a value's text
};

}  // namespace handover::load
