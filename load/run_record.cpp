#include "load/run_record.h"

#include <algorithm>

#include <chrono>
#include <ctime>

#include "db/introspect.h"

namespace handover::load {

std::string UtcTimestamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

core::Result<int64_t> OpenRun(db::Database& target, const RunInfo& info) {
  auto next = target.QueryInt("SELECT COALESCE(MAX(run_id), 0) + 1 FROM migration_run", "numbering the run");
  if (!next.ok()) return next.status();
  const std::string sql =
      "INSERT INTO migration_run (run_id, kind, started_at, mappings_hash, source, parameters, source_fingerprint, "
      "base_run_id) VALUES (" +
      std::to_string(*next) + ", " + db::Database::QuoteLiteral(info.kind) + ", " +
      db::Database::QuoteLiteral(UtcTimestamp()) + ", " + db::Database::QuoteLiteral(info.mappings_hash) + ", " +
      db::Database::QuoteLiteral(info.source) + ", " + db::Database::QuoteLiteral(info.parameters) + ", " +
      db::Database::QuoteLiteral(info.source_fingerprint) + ", " +
      (info.base_run_id > 0 ? std::to_string(info.base_run_id) : std::string("NULL")) + ")";
  HANDOVER_RETURN_IF_ERROR(target.Execute(sql, "recording the run"));
  return *next;
}

core::Status ReopenRun(db::Database& target, int64_t run_id) {
  return target.Execute("UPDATE migration_run SET finished_at = NULL, outcome = NULL WHERE run_id = " +
                            std::to_string(run_id),
                        "reopening run " + std::to_string(run_id));
}

core::Status CloseRun(db::Database& target, int64_t run_id, const std::string& outcome) {
  return target.Execute("UPDATE migration_run SET finished_at = " + db::Database::QuoteLiteral(UtcTimestamp()) +
                            ", outcome = " + db::Database::QuoteLiteral(outcome) +
                            " WHERE run_id = " + std::to_string(run_id),
                        "closing run " + std::to_string(run_id));
}

core::Status RecordRunReport(db::Database& target, int64_t run_id, const std::string& reconciliation_json) {
  const std::string id = std::to_string(run_id);
  const std::string context = "recording the reconciliation of run " + id;
  HANDOVER_RETURN_IF_ERROR(target.Begin(context));
  core::Status s = target.Execute("DELETE FROM migration_report WHERE run_id = " + id, context);
  // In parts of at most kReportPart bytes, cut between UTF-8 characters, so
  // that no driver meets a long text value.
  int64_t part = 0;
  for (size_t at = 0; s.ok() && at < reconciliation_json.size(); ++part) {
    size_t end = std::min(reconciliation_json.size(), at + kReportPart);
    while (end < reconciliation_json.size() && end > at + 1 &&
           (static_cast<unsigned char>(reconciliation_json[end]) & 0xC0) == 0x80)
      --end;
    s = target.Execute("INSERT INTO migration_report (run_id, part, text) VALUES (" + id + ", " +
                           std::to_string(part) + ", " +
                           db::Database::QuoteLiteral(reconciliation_json.substr(at, end - at)) + ")",
                       context);
    at = end;
  }
  if (s.ok()) return target.Commit(context);
  target.Rollback();
  return s;
}

std::string RunRow::State() const {
  if (outcome.empty()) return "did not finish (killed or crashed)";
  if (outcome == "interrupted") return "interrupted (stopped on request)";
  if (outcome == "failed") return "failed";
  return outcome;
}

core::Result<std::vector<RunRow>> ListRuns(db::Database& target) {
  std::vector<RunRow> runs;
  auto catalog = db::ReadCatalog(target);
  if (!catalog.ok()) return catalog.status();
  if (!catalog->tables.count("migration_run") || !catalog->tables.count("migration_ledger")) return runs;
  auto rows = target.QueryRows(
      "SELECT CAST(r.run_id AS VARCHAR(20)), CAST(r.kind AS VARCHAR(20)), CAST(r.started_at AS VARCHAR(40)), "
      "CAST(COALESCE(r.finished_at, '') AS VARCHAR(40)), CAST(COALESCE(r.outcome, '') AS VARCHAR(20)), "
      "CAST((SELECT count(*) FROM migration_ledger l WHERE l.run_id = r.run_id AND l.outcome <> 'gone') "
      "AS VARCHAR(20)), "
      "CAST(r.mappings_hash AS VARCHAR(100)), CAST(r.source AS VARCHAR(1000)), CAST(r.parameters AS VARCHAR(1000)), "
      "CAST(COALESCE(r.source_fingerprint, '') AS VARCHAR(100)), CAST(COALESCE(r.base_run_id, 0) AS VARCHAR(20)) "
      "FROM migration_run r ORDER BY r.run_id",
      11, "reading the recorded runs");
  if (!rows.ok()) return rows.status();
  for (const auto& row : *rows) {
    RunRow run{std::stoll(row[0]), row[1], row[2], row[3], row[4], row[6], row[7], row[8], row[9], std::stoll(row[5]),
               std::stoll(row[10])};
    runs.push_back(std::move(run));
  }
  return runs;
}

std::string UnfinishedRunNote(db::Database& target) {
  auto runs = ListRuns(target);
  if (!runs.ok() || runs->empty() || !runs->back().unfinished()) return "";
  const RunRow& last = runs->back();
  return last.kind + " " + std::to_string(last.run_id) + " " + last.State() + ": the target holds the " +
         std::to_string(last.ledger_lines) + " source records its committed batches reached";
}

}  // namespace handover::load
