// Rows that replace rows already in a table, found by their key column: one
// vector-bound UPDATE per batch (a delta run's changed records).
#include "db/bulk_paths.h"

namespace handover::db {
namespace {

class UpdateWriter final : public TableWriter {
 public:
  UpdateWriter(Database& db, std::string table, std::vector<std::string> columns, size_t key)
      : TableWriter(db, std::move(table), std::move(columns)), key_(key) {}

 private:
  core::Status WriteBuffered(bool /*may_answer_later*/) override {
    std::string sql = "UPDATE " + db_.QuoteIdentifier(table_) + " SET ";
    std::vector<size_t> order;
    for (size_t c = 0; c < columns_.size(); ++c) {
      if (c == key_) continue;
      sql += (order.empty() ? "" : ", ") + db_.QuoteIdentifier(columns_[c]) + " = :c" + std::to_string(c);
      order.push_back(c);
    }
    sql += " WHERE " + db_.QuoteIdentifier(columns_[key_]) + " = :k";
    order.push_back(key_);
    return ExecuteWithColumnVectors(db_, sql, cells_, order, "update failed");
  }

  size_t key_;
};

}  // namespace

std::unique_ptr<TableWriter> MakeUpdateWriter(Database& db, std::string table, std::vector<std::string> columns,
                                              const std::string& key_column) {
  size_t key = 0;
  while (key < columns.size() && columns[key] != key_column) ++key;
  if (key == columns.size()) return nullptr;
  return std::make_unique<UpdateWriter>(db, std::move(table), std::move(columns), key);
}

}  // namespace handover::db
