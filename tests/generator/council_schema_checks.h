// Checks of the council's target schema shared by the SQLite and the
// PostgreSQL test binaries: it loads, and its constraints reject what the
// council's system would.
#pragma once

#include <string>

#include "db/database.h"

namespace handover::generator::testing {

// The council schema (one portable file for every dialect).
std::string CouncilSchemaSql();

// Loads the schema into `db` (empty) and checks code rows and constraints.
void CheckCouncilSchema(db::Database& db);

}  // namespace handover::generator::testing
