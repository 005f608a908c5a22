// The generic bulk path: vector-bound INSERT through SOCI.
#include "db/bulk_paths.h"

#include <soci/soci.h>

namespace handover::db {

core::Status ExecuteWithColumnVectors(Database& db, const std::string& sql, const TextColumns& cells,
                                      const std::vector<size_t>& order, const std::string& context) {
  // Values travel as text: the server converts to the column's type, so no
  // number passes through a double on the way in either.
  std::vector<std::vector<std::string>> text(order.size());
  std::vector<std::vector<soci::indicator>> indicators(order.size());
  for (size_t i = 0; i < order.size(); ++i) {
    text[i] = cells.ColumnStrings(order[i]);
    indicators[i].reserve(text[i].size());
    for (char null : cells.Nulls(order[i])) indicators[i].push_back(null ? soci::i_null : soci::i_ok);
  }
  try {
    soci::statement st(db.session());
    st.alloc();
    st.prepare(sql);
    for (size_t i = 0; i < order.size(); ++i) st.exchange(soci::use(text[i], indicators[i]));
    st.define_and_bind();
    st.execute(true);
  } catch (...) {
    return StatusFromCurrentException(core::ErrorCode::kDatabase, context);
  }
  return core::Status::Ok();
}

namespace {

class InsertWriter final : public TableWriter {
 public:
  using TableWriter::TableWriter;

 private:
  core::Status WriteBuffered(bool may_answer_later) override;
};

core::Status InsertWriter::WriteBuffered(bool /*may_answer_later*/) {
  std::string sql = "INSERT INTO " + db_.QuoteIdentifier(table_) + " (";
  std::string values = ") VALUES (";
  std::vector<size_t> order;
  for (size_t c = 0; c < columns_.size(); ++c) {
    sql += (c ? ", " : "") + db_.QuoteIdentifier(columns_[c]);
    values += (c ? ", :c" : ":c") + std::to_string(c);
    order.push_back(c);
  }
  return ExecuteWithColumnVectors(db_, sql + values + ")", cells_, order, "insert failed");
}

}  // namespace

std::unique_ptr<TableWriter> MakeInsertWriter(Database& db, std::string table,
                                              std::vector<std::string> columns) {
  return std::make_unique<InsertWriter>(db, std::move(table), std::move(columns));
}

}  // namespace handover::db
