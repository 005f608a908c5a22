#include "db/text_chunk_reader.h"

#include <soci/soci.h>

#include "db/mysql_stream.h"

#include <algorithm>

namespace handover::db {
namespace {

// ODBC drivers give every text cell a buffer as wide as the column's declared
// size (SQLite TEXT: 64 KiB) and zero-fill it per fetch: fetch few rows at a
// time (reconciliation through ODBC went from 21 s to 2.7 s).
constexpr size_t kOdbcChunkRows = 64;

}  // namespace

TextChunkReader::TextChunkReader(Database& db, size_t columns, size_t wanted_rows)
    : db_(db),
      chunk_rows_(db.backend() == Backend::kOdbc ? std::min(wanted_rows, kOdbcChunkRows) : wanted_rows),
      cells_(columns), inds_(columns) {}

TextChunkReader::~TextChunkReader() = default;

void TextChunkReader::ResizeBuffers() {
  // SOCI shrinks the vectors to the rows it fetched: restore them each time.
  for (size_t c = 0; c < cells_.size(); ++c) {
    cells_[c].resize(chunk_rows_);
    inds_[c].resize(chunk_rows_);
  }
}

void TextChunkReader::Start(const std::string& sql) {
  if (st_mysql* connection = NativeMysqlConnection(db_)) {
    statement_.reset();
    mysql_ = std::make_unique<MysqlRowStream>(connection);
    mysql_->Start(sql);
    mysql_->Fill(cells_, inds_, chunk_rows_);
    return;
  }
  statement_ = std::make_unique<soci::statement>(db_.session());
  ResizeBuffers();
  statement_->alloc();
  statement_->prepare(sql);
  for (size_t c = 0; c < cells_.size(); ++c) statement_->exchange(soci::into(cells_[c], inds_[c]));
  statement_->define_and_bind();
  if (!statement_->execute(true)) MarkExhausted();
}

bool TextChunkReader::Next() {
  if (mysql_ != nullptr) return mysql_->Fill(cells_, inds_, chunk_rows_) > 0;
  ResizeBuffers();
  if (statement_->fetch()) return true;
  MarkExhausted();
  return false;
}

void TextChunkReader::MarkExhausted() {
  for (auto& column : cells_) column.clear();
  for (auto& column : inds_) column.clear();
}

bool TextChunkReader::IsNull(size_t column, size_t row) const { return inds_[column][row] != soci::i_ok; }

}  // namespace handover::db
