#include "load/reference_check.h"

#include <algorithm>

namespace handover::load {
namespace {

std::optional<size_t> ColumnIndex(const std::vector<std::string>& columns, const std::string& name) {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return i;
  return std::nullopt;
}

}  // namespace

core::Result<ReferenceCheck> ReferenceCheck::Read(db::Database& target, std::vector<ForeignKey> keys) {
  ReferenceCheck check;
  check.keys_ = std::move(keys);
  for (const ForeignKey& key : check.keys_) {
    auto same = [&](const Parent& p) { return p.table == key.parent_table && p.column == key.parent_column; };
    auto found = std::find_if(check.parents_.begin(), check.parents_.end(), same);
    check.parent_of_.push_back(static_cast<size_t>(found - check.parents_.begin()));
    if (found == check.parents_.end()) check.parents_.push_back({key.parent_table, key.parent_column, {}});
  }
  for (Parent& parent : check.parents_) {
    const std::string column = target.QuoteIdentifier(parent.column);
    HANDOVER_RETURN_IF_ERROR(target.ForEachRow(
        "SELECT CAST(" + column + " AS " + target.dialect().TextType() + ") FROM " +
            target.QuoteIdentifier(parent.table) + " WHERE " + column + " IS NOT NULL",
        1, "reading the keys of " + parent.table + "." + parent.column + " that council tables refer to",
        [&](std::vector<std::string>& row) { parent.keys.insert(std::move(row[0])); }));
  }
  return check;
}

int ReferenceCheck::Bind(const std::string& table, const std::vector<std::string>& columns) {
  Binding binding;
  for (size_t k = 0; k < keys_.size(); ++k)
    if (keys_[k].table == table)
      if (auto at = ColumnIndex(columns, keys_[k].column)) binding.checks.emplace_back(*at, k);
  for (size_t p = 0; p < parents_.size(); ++p)
    if (parents_[p].table == table)
      if (auto at = ColumnIndex(columns, parents_[p].column)) binding.provides.emplace_back(*at, p);
  if (binding.checks.empty() && binding.provides.empty()) return -1;
  bindings_.push_back(std::move(binding));
  return static_cast<int>(bindings_.size() - 1);
}

std::optional<BrokenReference> ReferenceCheck::Check(int binding, std::span<const core::Value> row) {
  if (binding < 0) return std::nullopt;
  for (const auto& [column, k] : bindings_[binding].checks) {
    if (column >= row.size() || core::IsNull(row[column])) continue;
    text_.clear();
    core::AppendText(row[column], text_);
    if (parents_[parent_of_[k]].keys.contains(text_)) continue;
    const ForeignKey& key = keys_[k];
    return BrokenReference{"refused before writing: it would break foreign key " + key.name + " of " + key.table +
                               " (" + key.column + " must name a row of " + key.parent_table + "." +
                               key.parent_column + ", and none has this value)",
                           key.table + "." + key.column, text_};
  }
  return std::nullopt;
}

void ReferenceCheck::Note(int binding, std::span<const core::Value> row) {
  if (binding < 0) return;
  for (const auto& [column, p] : bindings_[binding].provides) {
    if (column >= row.size() || core::IsNull(row[column])) continue;
    text_.clear();
    core::AppendText(row[column], text_);
    if (parents_[p].keys.insert(text_).second) pending_.emplace_back(p, text_);
  }
}

void ReferenceCheck::UndoTo(size_t mark) {
  while (pending_.size() > mark) {
    parents_[pending_.back().first].keys.erase(pending_.back().second);
    pending_.pop_back();
  }
}

}  // namespace handover::load
