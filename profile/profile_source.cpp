#include "profile/profile_source.h"

#include <chrono>
#include <ctime>

#include "core/interrupt.h"
#include "core/personal_column.h"
#include "db/introspect.h"
#include "extract/row_source.h"
#include "profile/column_profiler.h"

namespace handover::profile {

const ColumnProfile* TableProfile::Find(const std::string& column) const {
  for (const ColumnProfile& c : columns)
    if (c.name == column) return &c;
  return nullptr;
}

const TableProfile* SourceProfile::Find(const std::string& table) const {
  for (const TableProfile& t : tables)
    if (t.name == table) return &t;
  return nullptr;
}

core::Status ForEachTextRow(db::Database& db, const core::TableSchema& table, const std::vector<std::string>& columns,
                            size_t batch_size, const std::function<void(const std::vector<const std::string*>&)>& row) {
  // Every column read as text, as written: the profile judges the text.
  core::TableSchema as_text = table;
  for (core::Column& c : as_text.columns) c.type = core::ColumnType::kText;
  auto source = extract::OpenTableSource(db, as_text, columns, batch_size);
  if (!source.ok()) return source.status();
  core::RowBatch batch;
  std::vector<const std::string*> cells(columns.size());
  for (;;) {
    if (core::InterruptRequested())
      return core::Status::Error(core::ErrorCode::kInterrupted,
                                 std::string(core::InterruptSignalName()) + " while profiling " + table.name);
    auto more = (*source)->Next(batch);
    if (!more.ok()) return more.status();
    if (!*more) return core::Status::Ok();
    for (size_t r = 0; r < batch.size(); ++r) {
      const auto values = batch.Row(r);
      for (size_t c = 0; c < cells.size(); ++c) cells[c] = std::get_if<std::string>(&values[c]);
      row(cells);
    }
  }
}

namespace {

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

core::Result<TableProfile> ProfileTable(db::Database& db, const core::TableSchema& table, size_t batch_size) {
  std::vector<ColumnProfiler> profilers;
  std::vector<std::string> names;
  for (const core::Column& c : table.columns) {
    profilers.emplace_back(c.name, c.declared_type, core::IsPersonalColumn(c.name));
    names.push_back(c.name);
  }
  TableProfile t;
  t.name = table.name;
  const core::Status read = ForEachTextRow(db, table, names, batch_size, [&](const std::vector<const std::string*>& row) {
    ++t.rows;
    for (size_t c = 0; c < row.size(); ++c) profilers[c].Add(row[c]);
  });
  if (!read.ok()) return read.WithContext("profiling table " + table.name);
  for (const ColumnProfiler& p : profilers) t.columns.push_back(p.Finish());
  return t;
}

}  // namespace

core::Result<SourceProfile> ProfileSource(db::Database& db, const ProfileOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto catalog = db::ReadCatalog(db);
  if (!catalog.ok()) return catalog.status().WithContext("reading the tables of " + db.url().Masked());
  SourceProfile profile;
  profile.source = db.url().Masked();
  profile.dialect = db.dialect().name();
  profile.profiled_at = UtcNow();
  for (const auto& [name, table] : catalog->tables) {
    if (!table.query.empty()) continue;
    auto t = ProfileTable(db, table, options.batch_size);
    if (!t.ok()) return t.status();
    if (options.on_table) options.on_table(t->name, t->rows);
    profile.tables.push_back(std::move(*t));
  }
  HANDOVER_RETURN_IF_ERROR(FindKeysAndReferences(db, *catalog, profile, options.batch_size));
  HANDOVER_RETURN_IF_ERROR(FindDuplicatePeople(db, *catalog, profile, options.batch_size));
  profile.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return profile;
}

}  // namespace handover::profile
