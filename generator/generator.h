// The public face of the generator: writes a provider's legacy leaving care
// database full of the quirks a real one has, plus the answer key saying
// what a correct migration of it must produce. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "db/database.h"
#include "core/status.h"
#include "core/value.h"

namespace handover::generator {

struct GeneratorOptions {
  int64_t people = 0;  // identities to generate (> 0)
  uint64_t seed = 1;
  core::Date cutover;                           // the date the council takes the service over
  std::filesystem::path answer_key_path;  // answer-key.json, created 0600
  bool answer_key_detail = false;         // also per-person CSVs beside the key
  size_t batch_rows = 5000;               // rows per insert batch, per table
  bool replace_existing = false;          // drop provider tables already in `db` first
};

// Rows written per provider table, for the CLI's summary.
struct GeneratorSummary {
  std::vector<std::pair<std::string, int64_t>> rows_per_table;
  int64_t people_after_deduplication = 0;
};

// Earliest and latest cut-over dates the generator accepts: all generated
// dates then lie in 1969-2068, where dd-Mon-yy years read as strptime %y does.
core::Date EarliestCutover();
core::Date LatestCutover();

// Creates the provider tables in `db` (which must hold none of them) and
// fills them; writes the answer key; fills `summary` when given. On failure
// nothing is committed (one transaction; the caller discards an SQLite file),
// no answer key is written, and the Status says what failed: kUsage for
// options out of range, kDatabase or kIo otherwise.
core::Status GenerateProvider(const GeneratorOptions& options, db::Database& db,
                        GeneratorSummary* summary = nullptr);

}  // namespace handover::generator
