#include "db/table_writer.h"

#include <cassert>

#include "db/bulk_paths.h"
#include "db/postgres_native.h"
#include "db/sqlite_native.h"

namespace handover::db {

TableWriter::TableWriter(Database& db, std::string table, std::vector<std::string> columns)
    : db_(db), table_(std::move(table)), columns_(std::move(columns)),
      text_(columns_.size()), is_null_(columns_.size()) {}

void TableWriter::Add(std::span<const core::Value> row) {
  for (size_t c = 0; c < columns_.size(); ++c) {
    if (c >= row.size() || core::IsNull(row[c])) AddNull();
    else AddText(core::ToText(row[c]));
  }
  EndRow();
}

void TableWriter::AddText(std::string value) {
  assert(next_cell_ < columns_.size() && "more cells than columns");
  text_[next_cell_].push_back(std::move(value));
  is_null_[next_cell_].push_back(0);
  ++next_cell_;
}

void TableWriter::AddNull() {
  assert(next_cell_ < columns_.size() && "more cells than columns");
  text_[next_cell_].emplace_back();
  is_null_[next_cell_].push_back(1);
  ++next_cell_;
}

void TableWriter::EndRow() {
  assert(next_cell_ == columns_.size() && "a row has fewer cells than columns");
  next_cell_ = 0;
  ++rows_;
}

core::Status TableWriter::Send() {
  if (rows_ == 0) return core::Status::Ok();
  core::Status status =
      WriteBuffered().WithContext("writing " + std::to_string(rows_) + (rows_ == 1 ? " row to " : " rows to ") + table_);
  if (status.ok()) unanswered_ += static_cast<int64_t>(rows_);
  Discard();
  return status;
}

core::Status TableWriter::Sync() {
  core::Status status = AwaitAnswer();
  if (status.ok()) written_ += unanswered_;
  unanswered_ = 0;
  return status;
}

core::Status TableWriter::Flush() {
  HANDOVER_RETURN_IF_ERROR(Send());
  return Sync();
}

void TableWriter::Discard() {
  for (auto& column : text_) column.clear();
  for (auto& column : is_null_) column.clear();
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
