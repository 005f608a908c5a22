// AttachCsvTables: the tables of a csv: folder as SQLite virtual tables
// (module "handover_csv") of a session's own database, so that every query
// handover runs on a source (the catalog, counts, source queries, the
// streaming table source) reads the files where they lie, one record at a
// time, each scan through its own CsvReader. The tables are read-only, and
// a row's rowid is the line of the file its record starts on.
#pragma once

#include <vector>

#include "core/status.h"
#include "db/csv_options.h"
#include "db/csv_table.h"

namespace soci {
class session;
}

namespace handover::db {

// Creates one virtual table per entry of `tables` (checked by ScanCsvFile)
// in the SQLite database of `session`, which must be an SQLite session.
// Fails (kDatabase) with SQLite's reason.
core::Status AttachCsvTables(soci::session& session, std::vector<CsvTable> tables, const CsvOptions& options);

}  // namespace handover::db
