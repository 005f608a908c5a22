// The SOCI-backed RowSource: one generic implementation for every backend.
// All columns are read as text (CAST in the SELECT) so that numbers never pass
// through a double and every driver behaves the same; typing happens here.
#include <soci/soci.h>

#include <atomic>
#include <charconv>

#include "extract/row_source.h"
#include "core/value_from_text.h"
#include "db/postgres_native.h"
#include "db/source_query.h"
#include "db/text_chunk_reader.h"

namespace handover::extract {
namespace {

class SociTableSource final : public RowSource {
 public:
  // With `numbered`, the query's last column is each row's own number.
  SociTableSource(db::Database& db, std::vector<core::Column> columns, std::string select, size_t batch_size,
                  bool numbered)
      : db_(db), columns_(std::move(columns)), select_(std::move(select)), batch_size_(batch_size),
        numbered_(numbered), reader_(db, columns_.size() + (numbered ? 1 : 0), batch_size) {}

  ~SociTableSource() override {
    if (!cursor_.empty()) {
      try {
        db_.session() << "CLOSE " + cursor_;
        db_.session().commit();
      } catch (const soci::soci_error&) {
        // The session is being torn down anyway; nothing to hand back.
      }
    }
  }

  const std::vector<core::Column>& columns() const override { return columns_; }

  core::Result<bool> Next(core::RowBatch& batch) override {
    batch.Reset(columns_.size());
    // Fill the batch from one or more chunks (ODBC chunks are small).
    while (batch.size() < batch_size_ && !done_) {
      const core::Status status = !started_ ? Start() : !cursor_.empty() ? FetchFromCursor() : reader_.Next();
      if (!status.ok()) {
        done_ = true;
        return status;
      }
      const size_t got = reader_.size();
      for (size_t r = 0; r < got; ++r) {
        auto row = batch.AppendRow(numbered_ ? RowNumber(r) : ++ordinal_);
        for (size_t c = 0; c < columns_.size(); ++c)
          if (!reader_.IsNull(c, r)) row[c] = core::ValueFromDatabaseText(std::move(reader_.Cell(c, r)), columns_[c].type);
      }
      if (got < reader_.chunk_rows()) done_ = true;
    }
    return !batch.empty();
  }

 private:
  std::string description() const { return "the source query '" + select_ + "'"; }

  std::string context() const { return "reading " + description(); }

  // Runs the query and fetches the first chunk.
  core::Status Start() {
    started_ = true;
    if (db::NativePostgresConnection(db_) != nullptr) {
      // libpq buffers a whole result set (+87 MB per million rows); a
      // DECLARE/FETCH cursor streams it in constant memory.
      static std::atomic<int> counter{0};
      try {
        db_.session().begin();
        const std::string cursor = "handover_cursor_" + std::to_string(++counter);
        db_.session() << "DECLARE " + cursor + " NO SCROLL CURSOR FOR " + select_;
        cursor_ = cursor;
      } catch (...) {
        return db::StatusFromCurrentException(core::ErrorCode::kDatabase, context());
      }
      return FetchFromCursor();
    }
    return reader_.Start(select_, context());
  }

  // The number row `r` of the chunk carries (its last column).
  int64_t RowNumber(size_t r) {
    const std::string& text = reader_.Cell(columns_.size(), r);
    int64_t number = 0;
    std::from_chars(text.data(), text.data() + text.size(), number);
    return number;
  }

  // FETCH n from the server-side cursor: one round trip a chunk.
  core::Status FetchFromCursor() {
    return reader_.Start("FETCH " + std::to_string(reader_.chunk_rows()) + " FROM " + cursor_, context());
  }

  db::Database& db_;
  std::vector<core::Column> columns_;
  std::string select_;
  size_t batch_size_;
  bool numbered_;
  db::TextChunkReader reader_;
  std::string cursor_;
  bool started_ = false;
  bool done_ = false;
  int64_t ordinal_ = 0;
};


// The name the rowid goes by in `table`: one of SQLite's three that no
// column of the table has taken, "" when a column has each.
std::string RowidName(const core::TableSchema& table) {
  for (const char* name : {"rowid", "_rowid_", "oid"})
    if (table.Find(name) == nullptr) return name;
  return {};
}

}  // namespace

core::Result<std::unique_ptr<RowSource>> OpenTableSource(db::Database& db, const core::TableSchema& table,
                                                   const std::vector<std::string>& column_names,
                                                   size_t batch_size) {
  std::vector<core::Column> columns;
  std::string select = "SELECT ";
  for (size_t i = 0; i < column_names.size(); ++i) {
    const core::Column* column = table.Find(column_names[i]);
    if (column == nullptr)
      return core::Status::Error(core::ErrorCode::kNotFound, "table " + table.name + " has no column " +
                                                     column_names[i] + " in " + db.url().Masked());
    columns.push_back(*column);
    if (i > 0) select += ", ";
    select += db.dialect().ColumnAsText(db.QuoteIdentifier(column->name));
  }
  // Rows of a table that carries their numbers (a CSV file's lines) are
  // known by them; a source query's rows are numbered as they come.
  const bool numbered = db.rows_numbered_by_rowid() && table.query.empty();
  if (numbered) {
    const std::string rowid = RowidName(table);
    if (rowid.empty())
      return core::Status::Error(core::ErrorCode::kConfig,
                                 "table " + table.name + " in " + db.url().Masked() +
                                     " has columns named rowid, _rowid_ and oid, so its rows' line numbers cannot be "
                                     "read; rename one of them");
    select += (columns.empty() ? "" : ", ") + db.dialect().ColumnAsText(rowid);
  } else if (columns.empty()) {
    select += "1";
  }
  select += " FROM " + db::FromItem(db, table);
  return std::unique_ptr<RowSource>(
      new SociTableSource(db, std::move(columns), std::move(select), batch_size, numbered));
}

}  // namespace handover::extract
