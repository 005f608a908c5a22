#include "load/run_record.h"

#include <chrono>
#include <ctime>

namespace handover::load {

std::string UtcTimestamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<int64_t> OpenRun(Database& target, const RunInfo& info) {
  auto next = target.QueryInt("SELECT COALESCE(MAX(run_id), 0) + 1 FROM migration_run", "numbering the run");
  if (!next.ok()) return next.status();
  const std::string sql =
      "INSERT INTO migration_run (run_id, kind, started_at, mappings_hash, source, parameters) VALUES (" +
      std::to_string(*next) + ", " + Database::QuoteLiteral(info.kind) + ", " +
      Database::QuoteLiteral(UtcTimestamp()) + ", " + Database::QuoteLiteral(info.mappings_hash) + ", " +
      Database::QuoteLiteral(info.source) + ", " + Database::QuoteLiteral(info.parameters) + ")";
  HANDOVER_RETURN_IF_ERROR(target.Execute(sql, "recording the run"));
  return *next;
}

Status CloseRun(Database& target, int64_t run_id, const std::string& outcome) {
  return target.Execute("UPDATE migration_run SET finished_at = " + Database::QuoteLiteral(UtcTimestamp()) +
                            ", outcome = " + Database::QuoteLiteral(outcome) +
                            " WHERE run_id = " + std::to_string(run_id),
                        "closing run " + std::to_string(run_id));
}

}  // namespace handover::load
