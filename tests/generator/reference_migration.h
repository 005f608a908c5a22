// A reference migration for the tests: the rules of docs/provider-database.md
// implemented a second time, independently of the generator, straight from
// the generated rows. Its result has the answer key's shape, so a test can
// prove that the documented rules reproduce the key from the data alone.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "db/database.h"
#include "core/value.h"

namespace handover::generator::testing {

// Documented readers, written independently of the generator's writers.
std::optional<core::Date> ParseLegacyDate(const std::string& text);
std::optional<int64_t> ParseLegacyMoney(const std::string& text);
std::string MatchSkeleton(const std::string& name);

// Applies every rule to the provider database in `db` (small databases only:
// it holds all rows in memory) and returns the answer key's sections
// "people", "tables", "money" and "oc3" (without descriptive strings).
core::Result<nlohmann::ordered_json> ReferenceMigration(db::Database& db, core::Date cutover);

}  // namespace handover::generator::testing
