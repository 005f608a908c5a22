// ExistingRows: rows in the council tables that no handover run wrote (the
// council's own records, or another tool's). A run refuses a target holding
// such rows unless told to keep them; kept, they are left untouched, council
// ids are allocated above them, and reconciliation counts them apart. What a
// run accepted is recorded in migration_existing and inherited by the runs
// that resume it or build on it.
#pragma once

#include <map>
#include <string>

#include "db/database.h"
#include "transform/mapping_program.h"

namespace handover::load {

// Rows and money (the table's first pence column the mappings write) of one
// council table.
struct TableTotals {
  int64_t rows = 0;
  int64_t pence = 0;
};
using ExistingRows = std::map<std::string, TableTotals>;  // by council table

// What run `run_id` accepted (empty for none, or a target without the table).
core::Result<ExistingRows> ReadExistingRows(db::Database& target, int64_t run_id);
// Records `rows` as what run `run_id` accepted, inside the caller's transaction.
core::Status RecordExistingRows(db::Database& target, int64_t run_id, const ExistingRows& rows);

// Finds the rows of the council tables `program` writes beyond those run
// `ours_run_id` wrote (0: a new run) and those it accepted (`accepted`), and
// returns what the new run accepts. Without `keep`, the first such table
// fails with kConfig and what to do. With `keep`, a new run accepts every
// row it finds (with its money); a later run refuses rows added since, which
// it cannot tell apart from its own.
core::Result<ExistingRows> CheckExistingRows(db::Database& target, const transform::MappingProgram& program,
                                             int64_t ours_run_id, ExistingRows accepted, bool keep);

}  // namespace handover::load
