// Scaffold: a starting mapping set written from a source's profile and the
// target's schema, so that `handover check` then lists exactly the
// decisions left to a person. One mapping per source table that
// MatchTables links to a target table (named after the target table), with
// `key` from the candidate key, `council_id` for the target's key, `xref`
// from candidate references, `date(...)` with exactly the formats found,
// `money(...)` for money text, `code(...)` with a code set per coded column
// listing every value found (commented out: the council codes are the
// decision), and a commented stub for every NOT NULL target column no
// source column fills; `ignore table ... because "not matched yet"` for the
// other source tables. Comments say what the profile saw.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/schema.h"
#include "core/status.h"
#include "profile/profile.h"

namespace handover::profile {

// One file of the mapping set: its name in the folder and its text.
struct ScaffoldFile {
  std::string name;
  std::string text;
};

// The files: <mapping>.map per linked table, and scope.map. `target` is the
// target's catalog (migration_* tables are skipped).
std::vector<ScaffoldFile> Scaffold(const SourceProfile& profile, const core::Catalog& target);

// Ok when `dir` does not exist or holds no *.map or *.csv file; else kUsage
// naming it (scaffold never overwrites a mapping set).
core::Status ScaffoldFolderIsFree(const std::filesystem::path& dir);

}  // namespace handover::profile
