#include "db/text_chunk_reader.h"

#include <soci/soci.h>

#include "db/odbc_text_reader.h"
#include "db/row_stream.h"

namespace handover::db {

TextChunkReader::TextChunkReader(Database& db, size_t columns, size_t chunk_rows)
    : db_(db), chunk_rows_(chunk_rows), cells_(columns), inds_(columns) {}

TextChunkReader::~TextChunkReader() = default;

void TextChunkReader::ResizeBuffers() {
  // SOCI shrinks the vectors to the rows it fetched: restore them each time.
  for (size_t c = 0; c < cells_.size(); ++c) {
    cells_[c].resize(chunk_rows_);
    inds_[c].resize(chunk_rows_);
  }
}

core::Status TextChunkReader::Start(const std::string& sql, const std::string& context) {
  context_ = context;
  exhausted_ = false;
  statement_.reset();
  native_.reset();
  odbc_.reset();
  if (SQLHDBC connection = OdbcConnection(db_)) {
    odbc_ = std::make_unique<OdbcTextReader>(connection);
    HANDOVER_RETURN_IF_ERROR(odbc_->Start(sql, cells_.size(), context));
    return FetchChunk();
  }
  try {
    if ((native_ = OpenRowStream(db_))) {
      native_->Start(sql);
      return FetchChunk();
    }
    statement_ = std::make_unique<soci::statement>(db_.session());
    ResizeBuffers();
    statement_->alloc();
    statement_->prepare(sql);
    for (size_t c = 0; c < cells_.size(); ++c) statement_->exchange(soci::into(cells_[c], inds_[c]));
    statement_->define_and_bind();
    if (!statement_->execute(true)) MarkExhausted();
  } catch (...) {
    MarkExhausted();
    return StatusFromCurrentException(core::ErrorCode::kDatabase, context);
  }
  return core::Status::Ok();
}

core::Status TextChunkReader::Next() {
  if (exhausted_) {
    MarkExhausted();
    return core::Status::Ok();
  }
  return FetchChunk();
}

core::Status TextChunkReader::FetchChunk() {
  if (odbc_ != nullptr) {
    auto got = odbc_->Fill(cells_, inds_, chunk_rows_);
    if (!got.ok()) {
      MarkExhausted();
      return got.status();
    }
    if (*got == 0) MarkExhausted();
    return core::Status::Ok();
  }
  try {
    if (native_ != nullptr) {
      if (native_->Fill(cells_, inds_, chunk_rows_) == 0) MarkExhausted();
      return core::Status::Ok();
    }
    ResizeBuffers();
    if (!statement_->fetch()) MarkExhausted();
  } catch (...) {
    MarkExhausted();
    return StatusFromCurrentException(core::ErrorCode::kDatabase, context_);
  }
  return core::Status::Ok();
}

void TextChunkReader::MarkExhausted() {
  exhausted_ = true;
  for (auto& column : cells_) column.clear();
  for (auto& column : inds_) column.clear();
}

bool TextChunkReader::IsNull(size_t column, size_t row) const { return inds_[column][row] != soci::i_ok; }

}  // namespace handover::db
