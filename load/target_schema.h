// Target preparation before any data moves: the council schema a mapping set
// ships (schema.sql, or schema.<dialect>.sql) created in an empty target, and
// (existing_rows.h checks what the council tables already hold).
#pragma once

#include <filesystem>

#include "core/schema.h"
#include "core/status.h"
#include "db/database.h"
#include "transform/mapping_program.h"

namespace handover::load {

// What EnsureCouncilSchema may do to a target that has no council tables.
enum class SchemaPolicy {
  kCreateInTarget,  // create the mapping set's council schema in the target
  kCheckInMemory,   // never write: load the schema file into an in-memory database
};

// When `catalog` (the target's) holds no council tables, applies the mapping
// set's schema file (atomically) and replaces `catalog` with what it created;
// with kCheckInMemory the target is left untouched. Fails with kConfig when
// the folder holds no schema file, kDatabase when the script fails.
core::Status EnsureCouncilSchema(db::Database& target, const std::filesystem::path& mappings_dir,
                                 SchemaPolicy policy, core::Catalog& catalog);


}  // namespace handover::load
