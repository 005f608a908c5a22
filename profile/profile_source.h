// ProfileSource: the profile of every table of a source database, read at
// any source the tool reads (SQLite, PostgreSQL, MySQL/MariaDB, ODBC, csv:
// folders) through extract's streaming table source, in bounded memory:
//   pass 1, every table whole: per-column counts and sketches;
//   pass 2, the columns that may be keys: checked exactly with 64-bit hashes;
//   pass 3, the columns that may refer to a key: every value looked up;
//   pass 4, a table with a date of birth and names: candidate duplicates.
// Memory: 16 KiB and 256 counters per column; while a table's keys are
// checked, 8 bytes per value of each candidate key (16 for text), kept only
// for keys something may refer to; one counter per match key of the people
// table.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "db/database.h"
#include "profile/profile.h"

namespace handover::profile {

struct ProfileOptions {
  // Rows per batch read from the source.
  size_t batch_size = 5000;
  // Called after each table of pass 1 with its name and rows (progress).
  std::function<void(const std::string& table, int64_t rows)> on_table;
};

// Profiles every table and view of `db` (as db::ReadCatalog lists them).
// Fails with the reading's Status (kDatabase naming the table) or
// kInterrupted on SIGINT/SIGTERM between batches.
core::Result<SourceProfile> ProfileSource(db::Database& db, const ProfileOptions& options = {});

// The cells of `columns` of `table`, streamed as text: `row` is called once
// per row with one pointer per column (nullptr for NULL). Checks for an
// interruption between batches.
core::Status ForEachTextRow(db::Database& db, const core::TableSchema& table, const std::vector<std::string>& columns,
                            size_t batch_size, const std::function<void(const std::vector<const std::string*>&)>& row);

// Pass 2 and 3 (relations.cpp): the candidate keys of each table, then the
// references to them, with their orphans.
core::Status FindKeysAndReferences(db::Database& db, const core::Catalog& catalog, SourceProfile& profile,
                                   size_t batch_size);

// Pass 4 (duplicates.cpp): candidate duplicate people in every table that
// has a date-of-birth column and forename and surname columns.
core::Status FindDuplicatePeople(db::Database& db, const core::Catalog& catalog, SourceProfile& profile,
                                 size_t batch_size);

// The name match key's surname part: ASCII letters only, lower case, the
// first kept, later vowels (a e i o u y) dropped, runs of one letter
// collapsed ("Thommpsén" -> "thmpsn").
std::string SurnameSkeleton(std::string_view surname);

}  // namespace handover::profile
