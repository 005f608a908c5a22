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

core::Result<int64_t> OpenRun(db::Database& target, const RunInfo& info) {
  auto next = target.QueryInt("SELECT COALESCE(MAX(run_id), 0) + 1 FROM migration_run", "numbering the run");
  if (!next.ok()) return next.status();
  const std::string sql =
      "INSERT INTO migration_run (run_id, kind, started_at, mappings_hash, source, parameters) VALUES (" +
      std::to_string(*next) + ", " + db::Database::QuoteLiteral(info.kind) + ", " +
      db::Database::QuoteLiteral(UtcTimestamp()) + ", " + db::Database::QuoteLiteral(info.mappings_hash) + ", " +
      db::Database::QuoteLiteral(info.source) + ", " + db::Database::QuoteLiteral(info.parameters) + ")";
  HANDOVER_RETURN_IF_ERROR(target.Execute(sql, "recording the run"));
  return *next;
}

core::Status CloseRun(db::Database& target, int64_t run_id, const std::string& outcome) {
  return target.Execute("UPDATE migration_run SET finished_at = " + db::Database::QuoteLiteral(UtcTimestamp()) +
                            ", outcome = " + db::Database::QuoteLiteral(outcome) +
                            " WHERE run_id = " + std::to_string(run_id),
                        "closing run " + std::to_string(run_id));
}

}  // namespace handover::load
