#include "load/source_fingerprint.h"

#include <cstdio>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "extract/row_source.h"

namespace handover::load {
namespace {

void Add(XXH3_state_t* state, const std::string& text) {
  // Length first, so that ("ab", "c") and ("a", "bc") differ.
  const uint64_t size = text.size();
  XXH3_128bits_update(state, &size, sizeof size);
  XXH3_128bits_update(state, text.data(), text.size());
}

core::Status AddTable(XXH3_state_t* state, db::Database& source, const core::Catalog& catalog, const std::string& name,
                      const std::vector<std::string>& columns, size_t batch_size) {
  const core::TableSchema* table = catalog.Find(name);
  if (table == nullptr)
    return core::Status::Error(core::ErrorCode::kNotFound, "source table " + name + " is not in " + source.url().Masked());
  auto rows = extract::OpenTableSource(source, *table, columns, batch_size);
  if (!rows.ok()) return rows.status();
  Add(state, name);
  for (const auto& column : columns) Add(state, column);
  core::RowBatch batch;
  while (true) {
    auto more = (*rows)->Next(batch);
    if (!more.ok()) return more.status().WithContext("fingerprinting the source");
    if (!*more) break;
    for (size_t r = 0; r < batch.size(); ++r)
      for (const core::Value& value : batch.Row(r)) {
        const char null_marker = core::IsNull(value) ? 0 : 1;
        XXH3_128bits_update(state, &null_marker, 1);
        Add(state, core::ToText(value));
      }
  }
  return core::Status::Ok();
}

}  // namespace

core::Result<std::string> FingerprintSource(db::Database& source, const core::Catalog& catalog,
                                            const transform::MappingProgram& program, size_t batch_size) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  core::Status status = core::Status::Ok();
  for (const auto& mapping : program.mappings) {
    status = AddTable(state, source, catalog, mapping->source_table(), mapping->source_columns(), batch_size);
    for (const auto& lookup : mapping->lookups())
      if (status.ok()) status = AddTable(state, source, catalog, lookup.table, lookup.columns, batch_size);
    if (!status.ok()) break;
  }
  const XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  if (!status.ok()) return status;
  char text[40];
  std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return std::string(text);
}

}  // namespace handover::load
