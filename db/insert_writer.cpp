// The generic bulk path: vector-bound INSERT through SOCI.
#include "db/bulk_paths.h"

#include <soci/soci.h>

namespace handover::db {
namespace {

class InsertWriter final : public TableWriter {
 public:
  using TableWriter::TableWriter;

 private:
  core::Status WriteBuffered() override;
};

core::Status InsertWriter::WriteBuffered() {
  // Values travel as text: the server converts to the column's type, so no
  // number passes through a double on the way in either.
  std::string sql = "INSERT INTO " + db_.QuoteIdentifier(table_) + " (";
  std::string values = ") VALUES (";
  for (size_t c = 0; c < columns_.size(); ++c) {
    sql += (c ? ", " : "") + db_.QuoteIdentifier(columns_[c]);
    values += (c ? ", :c" : ":c") + std::to_string(c);
  }
  sql += values + ")";
  std::vector<std::vector<soci::indicator>> indicators(columns_.size());
  for (size_t c = 0; c < columns_.size(); ++c) {
    indicators[c].reserve(rows_);
    for (char null : is_null_[c]) indicators[c].push_back(null ? soci::i_null : soci::i_ok);
  }
  try {
    soci::statement st(db_.session());
    st.alloc();
    st.prepare(sql);
    for (size_t c = 0; c < columns_.size(); ++c) st.exchange(soci::use(text_[c], indicators[c]));
    st.define_and_bind();
    st.execute(true);
  } catch (...) {
    return StatusFromCurrentException(core::ErrorCode::kDatabase, "insert failed");
  }
  return core::Status::Ok();
}

}  // namespace

std::unique_ptr<TableWriter> MakeInsertWriter(Database& db, std::string table,
                                              std::vector<std::string> columns) {
  return std::make_unique<InsertWriter>(db, std::move(table), std::move(columns));
}

}  // namespace handover::db
