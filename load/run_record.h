// RunRecord: the migration_run row of one rehearsal or run: opened before
// any data moves, closed with its outcome.
#pragma once

#include <string>
#include <vector>

#include "db/database.h"
#include "core/status.h"

namespace handover::load {

struct RunInfo {
  std::string kind = "rehearsal";  // or "run"
  std::string mappings_hash;
  std::string source;      // masked URL
  std::string parameters;  // "cutover=2018-10-01 ..."
  std::string source_fingerprint;  // FingerprintSource(...) of what the run read
  int64_t base_run_id = 0;  // a delta run: the committed run it loads changes since
};

// Inserts a run row and returns its id (one more than the largest so far).
core::Result<int64_t> OpenRun(db::Database& target, const RunInfo& info);
// Marks an unfinished run as running again (outcome cleared), to resume it.
core::Status ReopenRun(db::Database& target, int64_t run_id);
// Records the run's outcome: "balanced", "unbalanced", "failed" or "interrupted".
core::Status CloseRun(db::Database& target, int64_t run_id, const std::string& outcome);
// Keeps a committed run's reconciliation (reconciliation.json's text) in
// migration_report, in parts of at most kReportPart bytes read back in
// `part` order, so that runs of one target can be compared by id. Parts
// stay under 256 bytes because migration_report.text is VARCHAR(255) in
// every target made so far (PostgreSQL enforces it). They were chosen when
// SOCI's ODBC fetch garbled longer computed text through the SQLite driver;
// ODBC reads now fetch each value whole (db/odbc_text_reader.h).
inline constexpr size_t kReportPart = 250;
core::Status RecordRunReport(db::Database& target, int64_t run_id, const std::string& reconciliation_json);

// One recorded run as `handover status` shows it.
struct RunRow {
  int64_t run_id = 0;
  std::string kind, started_at, finished_at, outcome;  // outcome "" while open
  std::string mappings_hash, source, parameters, source_fingerprint;
  int64_t ledger_lines = 0;                           // source records it has an outcome for
  int64_t base_run_id = 0;                            // a delta run: the run it built on
  // True when the run did not end well: still open (killed, crashed) or
  // recorded as interrupted or failed. Its committed batches are in the target.
  bool unfinished() const { return outcome.empty() || outcome == "interrupted" || outcome == "failed"; }
  // "balanced", "did not finish (killed or crashed)", ...
  std::string State() const;
};

// The runs recorded in the target, oldest first; empty when it has no
// migration tables.
core::Result<std::vector<RunRow>> ListRuns(db::Database& target);

// One sentence about the latest run when it did not finish ("run 2 did not
// finish (killed or crashed): the target holds the 1,032 records its committed
// batches loaded"), or "" when the latest run finished or there is none.
std::string UnfinishedRunNote(db::Database& target);

// Now, UTC, as "YYYY-MM-DDTHH:MM:SSZ".
std::string UtcTimestamp();

}  // namespace handover::load
