#include "load/existing_rows.h"

#include <set>

#include "db/introspect.h"
#include "load/run_record.h"

namespace handover::load {
namespace {

// The council tables the program writes, each with its first pence column.
std::map<std::string, std::string> CouncilTables(const transform::MappingProgram& program) {
  std::map<std::string, std::string> tables;
  for (const auto& mapping : program.mappings)
    for (const auto& spec : mapping->targets()) {
      std::string& money = tables[spec.table];
      for (size_t c = 0; c < spec.types.size() && money.empty(); ++c)
        if (spec.types[c] == core::ColumnType::kPence) money = spec.columns[c];
    }
  return tables;
}

// Rows run `run_id` wrote to each table (migration_progress).
core::Result<std::map<std::string, int64_t>> RowsWrittenBy(db::Database& target, int64_t run_id) {
  std::map<std::string, int64_t> written;
  if (run_id == 0) return written;
  auto rows = target.QueryRows("SELECT CAST(target_table AS VARCHAR(200)), CAST(sum(rows_written) AS VARCHAR(24)) "
                               "FROM migration_progress WHERE run_id = " + std::to_string(run_id) +
                                   " GROUP BY target_table",
                               2, "reading what run " + std::to_string(run_id) + " wrote");
  if (!rows.ok()) return rows.status();
  for (const auto& row : *rows) written[row[0]] = std::stoll(row[1]);
  return written;
}

}  // namespace

core::Result<ExistingRows> ReadExistingRows(db::Database& target, int64_t run_id) {
  ExistingRows existing;
  auto catalog = db::ReadCatalog(target);
  if (!catalog.ok()) return catalog.status();
  if (!catalog->tables.count("migration_existing")) return existing;
  auto rows = target.QueryRows("SELECT CAST(target_table AS VARCHAR(200)), CAST(row_count AS VARCHAR(24)), "
                               "CAST(pence AS VARCHAR(24)) FROM migration_existing WHERE run_id = " +
                                   std::to_string(run_id),
                               3, "reading the rows run " + std::to_string(run_id) + " found in the council tables");
  if (!rows.ok()) return rows.status();
  for (const auto& row : *rows) existing[row[0]] = {std::stoll(row[1]), std::stoll(row[2])};
  return existing;
}

core::Status RecordExistingRows(db::Database& target, int64_t run_id, const ExistingRows& rows) {
  const std::string run = std::to_string(run_id);
  HANDOVER_RETURN_IF_ERROR(
      target.Execute("DELETE FROM migration_existing WHERE run_id = " + run, "recording the existing rows"));
  for (const auto& [table, totals] : rows)
    HANDOVER_RETURN_IF_ERROR(target.Execute(
        "INSERT INTO migration_existing VALUES (" + run + ", " + db::Database::QuoteLiteral(table) + ", " +
            std::to_string(totals.rows) + ", " + std::to_string(totals.pence) + ")",
        "recording the existing rows"));
  return core::Status::Ok();
}

core::Result<ExistingRows> CheckExistingRows(db::Database& target, const transform::MappingProgram& program,
                                             int64_t ours_run_id, ExistingRows accepted, bool keep) {
  auto ours = RowsWrittenBy(target, ours_run_id);
  if (!ours.ok()) return ours.status();
  for (const auto& [table, money] : CouncilTables(program)) {
    const std::string from = " FROM " + target.QuoteIdentifier(table);
    auto rows = target.QueryInt("SELECT count(*)" + from, "inspecting the target");
    if (!rows.ok()) return rows.status();
    const auto written = ours->find(table);
    const auto kept = accepted.find(table);
    const int64_t known =
        (written == ours->end() ? 0 : written->second) + (kept == accepted.end() ? 0 : kept->second.rows);
    if (*rows <= known) continue;
    const int64_t foreign = *rows - known;
    if (keep && ours_run_id == 0) {
      auto pence = money.empty() ? core::Result<int64_t>(0)
                                 : target.QueryInt("SELECT sum(" + target.QuoteIdentifier(money) + ")" + from,
                                                   "summing " + table + "." + money);
      if (!pence.ok()) return pence.status();
      accepted[table] = {*rows, *pence};
      continue;
    }
    if (keep)
      return core::Status::Error(
          core::ErrorCode::kConfig,
          "target table " + table + " holds " + std::to_string(foreign) + " rows written since run " +
              std::to_string(ours_run_id) + " by something other than handover, and they cannot be told apart "
              "from the run's own; --existing-rows keep accepts only rows that were there before the first run: "
              "remove them from " + table + " and run again");
    const std::string unfinished = UnfinishedRunNote(target);
    const std::string whose = ours_run_id == 0 ? "" : " beyond the " + std::to_string(*rows - foreign) +
                                                          " that run " + std::to_string(ours_run_id) + " wrote";
    return core::Status::Error(
        core::ErrorCode::kConfig,
        "target table " + table + " already holds " + std::to_string(*rows) + " rows" +
            (unfinished.empty() ? "" : " (" + unfinished + ")") + ", " + std::to_string(foreign) +
            " of them" + whose + " written by no handover run; rehearse or run into an empty council database (a "
            "new sqlite: file, or a freshly created PostgreSQL database), or pass --existing-rows keep to leave "
            "them in place and count them apart");
  }
  return accepted;
}

}  // namespace handover::load
