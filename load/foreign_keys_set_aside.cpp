#include "load/foreign_keys_set_aside.h"

#include <spdlog/spdlog.h>

namespace handover::load {
namespace {

// The foreign keys the target has now (none where the dialect cannot list them).
core::Result<std::vector<ForeignKey>> ListForeignKeys(db::Database& target) {
  const std::string sql = target.dialect().ForeignKeysSql();
  std::vector<ForeignKey> keys;
  if (sql.empty()) return keys;
  auto rows = target.QueryRows(sql, 6, "listing the foreign keys of the council tables");
  if (!rows.ok()) return rows.status();
  for (auto& row : *rows)
    keys.push_back({std::move(row[0]), std::move(row[1]), std::move(row[2]), std::move(row[3]), std::move(row[4]),
                    std::move(row[5])});
  return keys;
}

std::string AddSql(db::Database& target, const ForeignKey& key, bool validated) {
  return "ALTER TABLE " + target.QuoteIdentifier(key.table) + " ADD CONSTRAINT " + target.QuoteIdentifier(key.name) +
         " " + key.definition + (validated ? "" : " NOT VALID");
}

std::string ForgetSql(db::Database& target, const ForeignKey& key) {
  return "DELETE FROM migration_set_aside WHERE table_name = " + db::Database::QuoteLiteral(key.table) +
         " AND constraint_name = " + db::Database::QuoteLiteral(key.name);
}

// Adds `key` back in a transaction of its own; false when its rows break it.
core::Result<bool> AddBack(db::Database& target, const ForeignKey& key, bool validated) {
  const std::string what = "adding back foreign key " + key.name + " of " + key.table;
  HANDOVER_RETURN_IF_ERROR(target.Begin(what));
  core::Status added = target.Execute(AddSql(target, key, validated), what);
  if (added.ok()) added = target.Execute(ForgetSql(target, key), what);
  if (added.ok()) return target.Commit(what).ok();
  target.Rollback();
  if (!validated) return added;
  return false;
}

}  // namespace

core::Status RestoreSetAsideForeignKeys(db::Database& target) {
  auto rows = target.QueryRows(
      "SELECT table_name, constraint_name, definition FROM migration_set_aside ORDER BY table_name, constraint_name",
      3, "reading the foreign keys set aside by a run");
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return core::Status::Ok();
  auto present = ListForeignKeys(target);
  if (!present.ok()) return present.status();
  std::vector<std::string> broken;
  for (auto& row : *rows) {
    ForeignKey key{row[1], row[0], "", "", "", row[2]};
    bool exists = false;
    for (const ForeignKey& now : *present) exists = exists || (now.table == key.table && now.name == key.name);
    if (exists) {
      HANDOVER_RETURN_IF_ERROR(target.Execute(ForgetSql(target, key), "forgetting foreign key " + key.name));
      continue;
    }
    auto held = AddBack(target, key, /*validated=*/true);
    if (!held.ok()) return held.status();
    if (*held) continue;
    auto again = AddBack(target, key, /*validated=*/false);
    if (!again.ok()) return again.status();
    broken.push_back(key.table + "." + key.name);
  }
  if (broken.empty()) return core::Status::Ok();
  std::string names;
  for (const auto& name : broken) names += (names.empty() ? "" : ", ") + name;
  return core::Status::Error(core::ErrorCode::kData,
                             "rows written while the run loaded break foreign key" +
                                 std::string(broken.size() == 1 ? " " : "s ") + names +
                                 " (something other than this run wrote them); the key is back NOT VALID, enforced "
                                 "for new rows: find the rows with ALTER TABLE ... VALIDATE CONSTRAINT, correct "
                                 "them, and validate it");
}

core::Result<std::vector<ForeignKey>> SetAsideForeignKeys(db::Database& target, int64_t run_id,
                                                          const std::set<std::string>& tables) {
  auto listed = ListForeignKeys(target);
  if (!listed.ok()) return listed.status();
  std::vector<ForeignKey> keys;
  for (ForeignKey& key : *listed)
    if (tables.count(key.table) > 0) keys.push_back(std::move(key));
  if (keys.empty()) return keys;
  const std::string what = "setting aside the foreign keys of the council tables";
  HANDOVER_RETURN_IF_ERROR(target.Begin(what));
  for (const ForeignKey& key : keys) {
    core::Status status = target.Execute(
        "INSERT INTO migration_set_aside (run_id, table_name, constraint_name, definition) VALUES (" +
            std::to_string(run_id) + ", " + db::Database::QuoteLiteral(key.table) + ", " +
            db::Database::QuoteLiteral(key.name) + ", " + db::Database::QuoteLiteral(key.definition) + ")",
        what);
    if (status.ok())
      status = target.Execute("ALTER TABLE " + target.QuoteIdentifier(key.table) + " DROP CONSTRAINT " +
                                  target.QuoteIdentifier(key.name),
                              what);
    if (!status.ok()) {
      // Not the tables' owner, say: the server goes on checking every row.
      target.Rollback();
      spdlog::warn("the target checks foreign keys row by row, which is slower: {}", status.message());
      return std::vector<ForeignKey>{};
    }
  }
  HANDOVER_RETURN_IF_ERROR(target.Commit(what));
  spdlog::info("{} foreign keys of the council tables are checked by handover while the run loads, and added back "
               "after it",
               keys.size());
  return keys;
}

}  // namespace handover::load
