// A fingerprint of what a mapping program reads from the source: every column
// each mapping (and lookup) extracts, of every row, in source order. Two runs
// with equal fingerprints read exactly the same data; `run` uses it to see that
// an unchanged source has nothing more to migrate.
#pragma once

#include <string>

#include "core/schema.h"
#include "db/database.h"
#include "transform/mapping_program.h"

namespace handover::load {

// 32 hex digits (XXH3-128). Reads every mapped source table once, streaming.
core::Result<std::string> FingerprintSource(db::Database& source, const core::Catalog& catalog,
                                            const transform::MappingProgram& program, size_t batch_size);

}  // namespace handover::load
