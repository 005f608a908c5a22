#include "db/table_writer.h"

#include "db/copy_writer.h"
#include "db/insert_writer.h"

namespace handover::db {

TableWriter::TableWriter(Database& db, std::string table, std::vector<std::string> columns)
    : db_(db), table_(std::move(table)), columns_(std::move(columns)),
      text_(columns_.size()), is_null_(columns_.size()) {}

void TableWriter::Add(std::span<const core::Value> row) {
  for (size_t c = 0; c < columns_.size(); ++c) {
    const bool null = c >= row.size() || core::IsNull(row[c]);
    is_null_[c].push_back(null ? 1 : 0);
    text_[c].push_back(null ? std::string() : core::ToText(row[c]));
  }
  ++rows_;
}

core::Status TableWriter::Flush() {
  if (rows_ == 0) return core::Status::Ok();
  core::Status status = WriteBuffered().WithContext("writing " + std::to_string(rows_) + " rows to " + table_);
  if (status.ok()) written_ += static_cast<int64_t>(rows_);
  Discard();
  return status;
}

void TableWriter::Discard() {
  for (auto& column : text_) column.clear();
  for (auto& column : is_null_) column.clear();
  rows_ = 0;
}

std::unique_ptr<TableWriter> MakeTableWriter(Database& db, std::string table,
                                             std::vector<std::string> columns) {
  if (db.backend() == Backend::kPostgresql)
    return std::make_unique<CopyWriter>(db, std::move(table), std::move(columns));
  return std::make_unique<InsertWriter>(db, std::move(table), std::move(columns));
}

}  // namespace handover::db
