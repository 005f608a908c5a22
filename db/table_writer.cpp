#include "db/table_writer.h"

#include <cassert>

#include "db/bulk_paths.h"
#include "db/postgres_native.h"
#include "db/sqlite_native.h"

namespace handover::db {

std::vector<std::string> TextColumns::ColumnStrings(size_t column) const {
  std::vector<std::string> out;
  out.reserve(columns_[column].ends.size());
  for (size_t r = 0; r < columns_[column].ends.size(); ++r) out.emplace_back(Cell(column, r));
  return out;
}

TableWriter::TableWriter(Database& db, std::string table, std::vector<std::string> columns)
    : db_(db), table_(std::move(table)), columns_(std::move(columns)),
      cells_(columns_.size()) {}

void TableWriter::Add(std::span<const core::Value> row) {
  assert(next_cell_ == 0 && "Add in the middle of a row");
  for (size_t c = 0; c < columns_.size(); ++c) {
    if (c < row.size()) cells_.AppendValue(c, row[c]);
    else cells_.AppendNull(c);
  }
  ++rows_;
}

void TableWriter::AddText(std::string_view value) {
  assert(next_cell_ < columns_.size() && "more cells than columns");
  cells_.Append(next_cell_, value);
  ++next_cell_;
}

void TableWriter::AddInteger(int64_t number) {
  assert(next_cell_ < columns_.size() && "more cells than columns");
  cells_.AppendInteger(next_cell_, number);
  ++next_cell_;
}

void TableWriter::AddNull() {
  assert(next_cell_ < columns_.size() && "more cells than columns");
  cells_.AppendNull(next_cell_);
  ++next_cell_;
}

void TableWriter::EndRow() {
  assert(next_cell_ == columns_.size() && "a row has fewer cells than columns");
  next_cell_ = 0;
  ++rows_;
}

core::Status TableWriter::Send() { return SendRows(/*may_answer_later=*/true); }

core::Status TableWriter::SendRows(bool may_answer_later) {
  if (rows_ == 0) return core::Status::Ok();
  core::Status status = WriteBuffered(may_answer_later).WithContext(Writing(rows_));
  if (status.ok()) unanswered_ += static_cast<int64_t>(rows_);
  Discard();
  return status;
}

std::string TableWriter::Writing(int64_t rows) const {
  return "writing " + std::to_string(rows) + (rows == 1 ? " row to " : " rows to ") + table_;
}

core::Status TableWriter::Sync() {
  core::Status status = AwaitAnswer().WithContext(Writing(unanswered_));
  if (status.ok()) written_ += unanswered_;
  unanswered_ = 0;
  return status;
}

core::Status TableWriter::Flush() {
  HANDOVER_RETURN_IF_ERROR(SendRows(/*may_answer_later=*/false));
  return Sync();
}

void TableWriter::Discard() {
  cells_.Clear();
  rows_ = 0;
  next_cell_ = 0;
}

std::unique_ptr<TableWriter> MakeTableWriter(Database& db, std::string table,
                                             std::vector<std::string> columns) {
  if (NativePostgresConnection(db) != nullptr)
    return MakeCopyWriter(db, std::move(table), std::move(columns));
  if (NativeSqliteConnection(db) != nullptr)
    return MakeSqliteInsertWriter(db, std::move(table), std::move(columns));
  return MakeInsertWriter(db, std::move(table), std::move(columns));
}

}  // namespace handover::db
