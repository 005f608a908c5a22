#include "generator/provider_writer.h"

#include <soci/soci.h>

#include "core/text_encoding.h"

namespace handover::generator {

ProviderWriter::ProviderWriter(db::Database& db, size_t batch_rows) : db_(db), batch_rows_(batch_rows) {
  for (int t = 0; t < kTableCount; ++t) {
    const ProviderTable& spec = TableSpec(static_cast<Table>(t));
    std::vector<std::string> columns;
    for (const ProviderColumn& column : spec.columns) columns.emplace_back(column.name);
    writers_[t] = db::MakeTableWriter(db, spec.name, std::move(columns));
  }
}

core::Status ProviderWriter::Begin() {
  const db::Dialect& dialect = db_.dialect();
  for (const std::string& setting : dialect.BulkLoadSettings())
    HANDOVER_RETURN_IF_ERROR(db_.Execute(setting, "preparing the provider database for a bulk load"));
  if (const char* encoding_sql = dialect.StrictEncodingSql()) {
    auto encoding = db_.QueryText(encoding_sql, "reading the server encoding");
    if (!encoding.ok()) return encoding.status();
    transcode_win1252_ = *encoding == "UTF8";
  }
  try {
    db_.session().begin();
  } catch (...) {
    return db::StatusFromCurrentException(core::ErrorCode::kDatabase, "starting the provider transaction");
  }
  in_transaction_ = true;
  return core::Status::Ok();
}

void ProviderWriter::Text(Table table, std::string value) {
  if (transcode_win1252_) value = core::RepairToUtf8(value);
  Writer(table).AddText(std::move(value));
}

void ProviderWriter::Int(Table table, int64_t value) { Writer(table).AddText(std::to_string(value)); }

void ProviderWriter::Null(Table table) { Writer(table).AddNull(); }

core::Status ProviderWriter::EndRow(Table table) {
  db::TableWriter& writer = Writer(table);
  writer.EndRow();
  ++rows_[static_cast<size_t>(table)];
  if (writer.pending() >= batch_rows_) return Flush(table);
  return core::Status::Ok();
}

core::Status ProviderWriter::SyncInFlight() {
  if (in_flight_ == nullptr) return core::Status::Ok();
  db::TableWriter* writer = in_flight_;
  in_flight_ = nullptr;
  return writer->Sync();
}

core::Status ProviderWriter::Flush(Table table) {
  db::TableWriter& writer = Writer(table);
  if (writer.pending() == 0) return core::Status::Ok();
  // One statement at a time on the connection: the batch sent last must be
  // answered before this one starts.
  HANDOVER_RETURN_IF_ERROR(SyncInFlight());
  rows_since_commit_ += static_cast<int64_t>(writer.pending());
  HANDOVER_RETURN_IF_ERROR(writer.Send());
  in_flight_ = &writer;
  const int64_t commit_rows = db_.dialect().BulkLoadCommitRows();
  if (commit_rows > 0 && rows_since_commit_ >= commit_rows) {
    HANDOVER_RETURN_IF_ERROR(SyncInFlight());
    try {
      db_.session().commit();
      db_.session().begin();
    } catch (...) {
      return db::StatusFromCurrentException(core::ErrorCode::kDatabase, "committing a provider batch");
    }
    rows_since_commit_ = 0;
  }
  return core::Status::Ok();
}

core::Status ProviderWriter::FlushAll() {
  for (int t = 0; t < kTableCount; ++t) HANDOVER_RETURN_IF_ERROR(Flush(static_cast<Table>(t)));
  return SyncInFlight();
}

core::Status ProviderWriter::Finish() {
  core::Status flushed = FlushAll();
  if (!flushed.ok()) {
    Abort();
    return flushed;
  }
  try {
    db_.session().commit();
    in_transaction_ = false;
  } catch (...) {
    Abort();
    return db::StatusFromCurrentException(core::ErrorCode::kDatabase, "committing the provider database");
  }
  for (const std::string& setting : db_.dialect().AfterBulkLoadSettings())
    HANDOVER_RETURN_IF_ERROR(db_.Execute(setting, "finishing the provider database"));
  return core::Status::Ok();
}

void ProviderWriter::Abort() {
  if (!in_transaction_) return;
  in_transaction_ = false;
  (void)SyncInFlight();  // the connection must be idle before the rollback
  for (auto& writer : writers_) writer->Discard();
  try {
    db_.session().rollback();
  } catch (const soci::soci_error&) {
    // Nothing more to undo: the caller discards the file or the connection.
  }
}

}  // namespace handover::generator
