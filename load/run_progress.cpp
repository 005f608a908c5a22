#include "load/run_progress.h"

#include <algorithm>

namespace handover::load {

core::Result<MappingProgress> ReadProgress(db::Database& target, int64_t run_id,
                                           const transform::CompiledMapping& mapping) {
  MappingProgress progress;
  MappingCounts& counts = progress.counts;
  counts.mapping = mapping.name();
  counts.source_table = mapping.source_table();
  for (const auto& spec : mapping.targets()) counts.targets.push_back({spec.table, 0});
  const std::string where = " WHERE run_id = " + std::to_string(run_id) +
                            " AND mapping = " + db::Database::QuoteLiteral(mapping.name());
  auto outcomes = target.QueryRows("SELECT CAST(outcome AS VARCHAR(20)), CAST(count(*) AS VARCHAR(20)), "
                                   "CAST(max(source_row) AS VARCHAR(20)) FROM migration_ledger" +
                                       where + " AND outcome <> 'gone' GROUP BY outcome",
                                   3, "reading the progress of " + mapping.name());
  if (!outcomes.ok()) return outcomes.status();
  for (const auto& row : *outcomes) {
    const int64_t n = std::stoll(row[1]);
    counts.extracted += n;
    if (row[0] == "loaded") counts.loaded = n;
    if (row[0] == "rejected") counts.rejected = n;
    if (row[0] == "excluded") counts.excluded = n;
    if (row[0] == "merged") counts.merged = n;
    // Merges are recorded when the mapping finishes, after its last batch.
    if (row[0] != "merged") progress.last_source_row = std::max<int64_t>(progress.last_source_row, std::stoll(row[2]));
  }
  auto written = target.QueryRows("SELECT CAST(target_table AS VARCHAR(200)), CAST(rows_written AS VARCHAR(20)), "
                                  "CAST(finished AS VARCHAR(20)) FROM migration_progress" + where,
                                  3, "reading the progress of " + mapping.name());
  if (!written.ok()) return written.status();
  for (const auto& row : *written) {
    for (auto& t : counts.targets)
      if (t.table == row[0]) t.rows = std::stoll(row[1]);
    progress.finished = progress.finished || row[2] == "1";
  }
  return progress;
}

core::Status WriteProgress(db::Database& target, int64_t run_id, const MappingCounts& counts, bool finished) {
  for (const auto& t : counts.targets) {
    const std::string key = std::to_string(run_id) + ", " + db::Database::QuoteLiteral(counts.mapping) + ", " +
                            db::Database::QuoteLiteral(t.table);
    HANDOVER_RETURN_IF_ERROR(target.Execute(
        "DELETE FROM migration_progress WHERE run_id = " + std::to_string(run_id) + " AND mapping = " +
            db::Database::QuoteLiteral(counts.mapping) + " AND target_table = " + db::Database::QuoteLiteral(t.table),
        "recording progress"));
    HANDOVER_RETURN_IF_ERROR(target.Execute("INSERT INTO migration_progress VALUES (" + key + ", " +
                                                std::to_string(t.rows) + ", " + (finished ? "1" : "0") + ")",
                                            "recording progress"));
  }
  return core::Status::Ok();
}

}  // namespace handover::load
