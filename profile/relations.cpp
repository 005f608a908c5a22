// Passes 2 and 3 of the profile: candidate keys checked exactly, then the
// columns that refer to them, every value looked up. Key values are held as
// sorted 64-bit hashes (8 bytes a value) only for keys something may refer
// to: a chance collision of two different values is about n^2 / 2^65, far
// below one for any source this tool reads.
#include <algorithm>
#include <map>

#include "core/ascii.h"
#include "profile/profile_source.h"
#include "profile/text_shape.h"

namespace handover::profile {
namespace {

// The value as a reference reader folds it: trimmed, ASCII upper case.
uint64_t FoldedHash(std::string_view value) {
  std::string folded(Trimmed(value));
  for (char& c : folded) c = core::AsciiUpper(c);
  return HashText(folded);
}

bool Missing(const std::string* value) { return value == nullptr || Trimmed(*value).empty(); }

// A column worth checking as a key: nearly always present, nearly all
// different (the sketch's error allowed for), short, and not personal text.
bool MayBeKey(const TableProfile& t, const ColumnProfile& c) {
  const int64_t n = c.non_blank();
  if (n < 2 || c.personal || c.max_length > 64) return false;
  if (c.looks == Looks::kDate || c.looks == Looks::kMoney || c.looks == Looks::kDecimal) return false;
  if ((c.nulls + c.blanks) * 20 > t.rows) return false;
  return c.distinct * 100 >= n * 97;
}

// The key values of one candidate key, for lookups.
struct KeySet {
  std::string table, column;
  bool textual = false;  // not every value is an integer: may be matched by values
  std::vector<uint64_t> exact, folded;
  bool Has(const std::vector<uint64_t>& set, uint64_t h) const { return std::binary_search(set.begin(), set.end(), h); }
};

bool NameReferenced(const SourceProfile& profile, const std::string& table, const std::string& column) {
  for (const TableProfile& t : profile.tables)
    if (t.name != table && t.Find(column) != nullptr) return true;
  return false;
}

// Pass 2 for one table: every candidate read, its hashes sorted and checked
// for repeats; the sets kept of keys something may refer to.
core::Status CheckKeys(db::Database& db, const core::TableSchema& schema, TableProfile& t, const SourceProfile& profile,
                       size_t batch_size, std::vector<KeySet>& kept) {
  std::vector<std::string> candidates;
  for (const ColumnProfile& c : t.columns)
    if (MayBeKey(t, c)) candidates.push_back(c.name);
  if (candidates.empty()) return core::Status::Ok();
  std::vector<std::vector<uint64_t>> hashes(candidates.size()), folded(candidates.size());
  std::vector<int64_t> missing(candidates.size(), 0);
  // Sized from pass 1, so a set never doubles past its values; the folded
  // form only for text, which a reference may write in another case.
  std::vector<bool> textual(candidates.size());
  for (size_t c = 0; c < candidates.size(); ++c) {
    const ColumnProfile* column = t.Find(candidates[c]);
    textual[c] = column->integer_text < column->non_blank();
    hashes[c].reserve(size_t(column->non_blank()));
    if (textual[c]) folded[c].reserve(size_t(column->non_blank()));
  }
  HANDOVER_RETURN_IF_ERROR(
      ForEachTextRow(db, schema, candidates, batch_size, [&](const std::vector<const std::string*>& row) {
        for (size_t c = 0; c < row.size(); ++c) {
          if (Missing(row[c])) {
            ++missing[c];
            continue;
          }
          hashes[c].push_back(HashText(*row[c]));
          if (textual[c]) folded[c].push_back(FoldedHash(*row[c]));
        }
      }).WithContext("checking the keys of " + t.name));
  for (size_t c = 0; c < candidates.size(); ++c) {
    std::sort(hashes[c].begin(), hashes[c].end());
    if (std::adjacent_find(hashes[c].begin(), hashes[c].end()) != hashes[c].end()) continue;
    t.keys.push_back({candidates[c], int64_t(hashes[c].size()), missing[c]});
    if (!textual[c] && !NameReferenced(profile, t.name, candidates[c])) continue;
    std::sort(folded[c].begin(), folded[c].end());
    kept.push_back({t.name, candidates[c], textual[c], std::move(hashes[c]), std::move(folded[c])});
  }
  return core::Status::Ok();
}

// True when nearly all of the column's frequent values are values of `key`.
bool FrequentValuesAreKeys(const ColumnProfile& c, const KeySet& key) {
  if (!key.textual || c.personal || c.non_blank() < 20 || c.top.empty()) return false;
  if (c.looks == Looks::kDate || c.looks == Looks::kMoney || c.looks == Looks::kInteger) return false;
  int64_t found = 0, all = 0;
  for (const ValueCount& v : c.top) {
    all += v.count;
    if (key.Has(key.exact, HashText(v.value)) || key.Has(key.folded, FoldedHash(v.value))) found += v.count;
  }
  return found * 10 >= all * 9;
}

}  // namespace

core::Status FindKeysAndReferences(db::Database& db, const core::Catalog& catalog, SourceProfile& profile,
                                   size_t batch_size) {
  std::vector<KeySet> keys;
  for (TableProfile& t : profile.tables)
    HANDOVER_RETURN_IF_ERROR(CheckKeys(db, *catalog.Find(t.name), t, profile, batch_size, keys));
  // Pass 3: per table, the columns that may refer to a key, all read at once.
  for (const TableProfile& t : profile.tables) {
    std::vector<CandidateReference> refs;
    std::vector<const KeySet*> targets;
    for (const ColumnProfile& c : t.columns)
      for (const KeySet& key : keys) {
        if (key.table == t.name) continue;
        const bool by_name = key.column == c.name;
        if (!by_name && !FrequentValuesAreKeys(c, key)) continue;
        refs.push_back({t.name, c.name, key.table, key.column, by_name ? "name" : "values"});
        targets.push_back(&key);
      }
    if (refs.empty()) continue;
    std::vector<std::string> columns;
    std::map<std::string, size_t> index;
    std::vector<size_t> cell;  // each reference's column in the rows read
    for (const CandidateReference& r : refs) {
      if (index.emplace(r.column, columns.size()).second) columns.push_back(r.column);
      cell.push_back(index[r.column]);
    }
    HANDOVER_RETURN_IF_ERROR(
        ForEachTextRow(db, *catalog.Find(t.name), columns, batch_size, [&](const std::vector<const std::string*>& row) {
          for (size_t i = 0; i < refs.size(); ++i) {
            CandidateReference& r = refs[i];
            const std::string* v = row[cell[i]];
            ++r.rows;
            if (Missing(v)) ++r.missing;
            else if (targets[i]->Has(targets[i]->exact, HashText(*v))) ++r.matched;
            else if (targets[i]->Has(targets[i]->folded, FoldedHash(*v))) ++r.matched_folded;
            else ++r.orphans;
          }
        }).WithContext("looking up the references of " + t.name));
    for (CandidateReference& r : refs) profile.references.push_back(std::move(r));
  }
  return core::Status::Ok();
}

}  // namespace handover::profile
