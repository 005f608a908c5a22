#include "load/keys_set_aside.h"

#include <spdlog/spdlog.h>

#include "db/introspect.h"

namespace handover::load {
namespace {

// A key as migration_set_aside records it.
struct SetAsideKey {
  std::string table, name;
  std::string definition;  // what ADD CONSTRAINT <name> takes to add it back
  bool primary() const { return definition.rfind("PRIMARY KEY", 0) == 0; }
};

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

// The primary key of `table` the target has now, if the dialect can say.
core::Result<std::optional<SetAsideKey>> PrimaryKeyOf(db::Database& target, const std::string& table) {
  const std::string sql = target.dialect().PrimaryKeySql(table);
  if (sql.empty()) return std::optional<SetAsideKey>();
  auto rows = target.QueryRows(sql, 2, "reading the primary key of " + table);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<SetAsideKey>();
  return std::optional<SetAsideKey>(SetAsideKey{table, (*rows)[0][0], (*rows)[0][1]});
}

core::Result<bool> Present(db::Database& target, const SetAsideKey& key, const std::vector<ForeignKey>& foreign) {
  if (key.primary()) {
    auto now = PrimaryKeyOf(target, key.table);
    if (!now.ok()) return now.status();
    return now->has_value() && (*now)->name == key.name;
  }
  for (const ForeignKey& k : foreign)
    if (k.table == key.table && k.name == key.name) return true;
  return false;
}

std::string ForgetSql(const SetAsideKey& key) {
  return "DELETE FROM migration_set_aside WHERE table_name = " + db::Database::QuoteLiteral(key.table) +
         " AND constraint_name = " + db::Database::QuoteLiteral(key.name);
}

// Adds `key` back and forgets it, in a transaction of its own.
core::Status AddBack(db::Database& target, const SetAsideKey& key, bool validated) {
  const std::string what = "adding back key " + key.name + " of " + key.table;
  HANDOVER_RETURN_IF_ERROR(target.Begin(what));
  core::Status added = target.Execute("ALTER TABLE " + target.QuoteIdentifier(key.table) + " ADD CONSTRAINT " +
                                          target.QuoteIdentifier(key.name) + " " + key.definition +
                                          (validated ? "" : " NOT VALID"),
                                      what);
  if (added.ok()) added = target.Execute(ForgetSql(key), what);
  if (added.ok()) return target.Commit(what);
  target.Rollback();
  return added;
}

// Records and drops `keys` for `run_id` in one transaction; false, with
// nothing dropped, where the target refuses (not the tables' owner, say).
core::Result<bool> RecordAndDrop(db::Database& target, int64_t run_id, const std::vector<SetAsideKey>& keys,
                                 const std::string& what) {
  HANDOVER_RETURN_IF_ERROR(target.Begin(what));
  for (const SetAsideKey& key : keys) {
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
      target.Rollback();
      spdlog::warn("the target keeps its keys row by row, which is slower: {}", status.message());
      return false;
    }
  }
  HANDOVER_RETURN_IF_ERROR(target.Commit(what));
  return true;
}

std::string Names(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

}  // namespace

core::Status RestoreSetAsideKeys(db::Database& target) {
  auto rows = target.QueryRows(
      "SELECT table_name, constraint_name, definition FROM migration_set_aside ORDER BY table_name, constraint_name",
      3, "reading the keys set aside by a run");
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return core::Status::Ok();
  auto foreign = ListForeignKeys(target);
  if (!foreign.ok()) return foreign.status();
  std::vector<std::string> broken, broken_primary;
  std::string primary_reason;
  for (auto& row : *rows) {
    const SetAsideKey key{row[0], row[1], row[2]};
    auto present = Present(target, key, *foreign);
    if (!present.ok()) return present.status();
    if (*present) {
      HANDOVER_RETURN_IF_ERROR(target.Execute(ForgetSql(key), "forgetting key " + key.name));
      continue;
    }
    const core::Status held = AddBack(target, key, /*validated=*/true);
    if (held.ok()) continue;
    if (key.primary()) {
      // Left recorded: every run tries again until the rows are put right.
      broken_primary.push_back(key.table + "." + key.name);
      primary_reason = held.message();
      continue;
    }
    HANDOVER_RETURN_IF_ERROR(AddBack(target, key, /*validated=*/false));
    broken.push_back(key.table + "." + key.name);
  }
  if (!broken_primary.empty())
    return core::Status::Error(
        core::ErrorCode::kData,
        "primary key " + Names(broken_primary) + " could not be built again after the load (" + primary_reason +
            "): two rows share a key, which handover never writes; find them with GROUP BY on the key's "
            "columns HAVING count(*) > 1, remove what wrote them, and run again (the key is built then)");
  if (broken.empty()) return core::Status::Ok();
  return core::Status::Error(core::ErrorCode::kData,
                             "rows written while the run loaded break foreign key" +
                                 std::string(broken.size() == 1 ? " " : "s ") + Names(broken) +
                                 " (something other than this run wrote them); the key is back NOT VALID, enforced "
                                 "for new rows: find the rows with ALTER TABLE ... VALIDATE CONSTRAINT, correct "
                                 "them, and validate it");
}

core::Status RestoreKeysLeftSetAside(db::Database& target) {
  auto catalog = db::ReadCatalog(target);
  if (!catalog.ok()) return catalog.status();
  if (!catalog->tables.count("migration_set_aside")) return core::Status::Ok();
  return RestoreSetAsideKeys(target);
}

core::Result<std::vector<ForeignKey>> SetAsideForeignKeys(db::Database& target, int64_t run_id,
                                                          const std::set<std::string>& tables) {
  auto listed = ListForeignKeys(target);
  if (!listed.ok()) return listed.status();
  std::vector<ForeignKey> keys;
  std::vector<SetAsideKey> recorded;
  for (ForeignKey& key : *listed) {
    if (tables.count(key.table) == 0) continue;
    recorded.push_back({key.table, key.name, key.definition});
    keys.push_back(std::move(key));
  }
  if (keys.empty()) return keys;
  auto dropped = RecordAndDrop(target, run_id, recorded, "setting aside the foreign keys of the council tables");
  if (!dropped.ok()) return dropped.status();
  if (!*dropped) return std::vector<ForeignKey>{};
  spdlog::info("{} foreign keys of the council tables are checked by handover while the run loads, and added back "
               "after it",
               keys.size());
  return keys;
}

core::Status SetAsideLedgerKey(db::Database& target, int64_t run_id) {
  auto key = PrimaryKeyOf(target, "migration_ledger");
  if (!key.ok()) return key.status();
  if (!key->has_value()) return core::Status::Ok();
  // Lines of earlier runs would be sorted again with this run's.
  auto lines = target.QueryInt("SELECT count(*) FROM (SELECT 1 FROM migration_ledger LIMIT 1) AS l",
                               "looking for lines in the ledger");
  if (!lines.ok()) return lines.status();
  if (*lines > 0) return core::Status::Ok();
  auto dropped = RecordAndDrop(target, run_id, {**key}, "setting aside the primary key of the ledger");
  if (!dropped.ok()) return dropped.status();
  if (*dropped) spdlog::info("the ledger's primary key is built once the run has loaded, in one pass");
  return core::Status::Ok();
}

}  // namespace handover::load
