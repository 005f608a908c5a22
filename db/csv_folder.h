// A csv: source: a folder of CSV files read as a database of their own, one
// table per *.csv file (named after the file, lower-case). The folder is
// checked whole before anything runs, so a broken file fails the command at
// once, not half way through a load; then its files are read in place
// through an in-memory SQLite database, whose SQL the mappings' source
// queries speak.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "db/connection_url.h"
#include "db/csv_table.h"

namespace soci {
class session;
}

namespace handover::db {

// Checks every *.csv file of `folder` (see ScanCsvFile) and returns their
// tables in file-name order; then logs each file not read as UTF-8. Fails with
// one line, "cannot read <shown>: <what and where>; <what to do>", when the
// folder is missing or holds no .csv files, when two files would be the
// same table, or when a file does not check.
core::Result<std::vector<CsvTable>> ScanCsvFolder(const std::filesystem::path& folder, const CsvOptions& options,
                                                  const std::string& shown);

// Scans the folder `url` names and opens an in-memory SQLite session in
// which each of its tables is a read-only virtual table (AttachCsvTables).
core::Result<std::unique_ptr<soci::session>> OpenCsvSession(const ConnectionUrl& url);

}  // namespace handover::db
