// Source columns: a mapping set accounts for every column of every source
// table it migrates. A column no mapping reads is either left out on purpose
// (`ignore column t.c because "why"`) or reported, as a warning or an error
// as the caller chooses. Internal to the checker (check_mappings.cpp).
#pragma once

#include <string>
#include <vector>

#include "core/schema.h"
#include "transform/compiled_mapping.h"
#include "transform/diagnostic.h"
#include "transform/language/parse.h"

namespace handover::transform {

// What becomes of a source column no mapping reads and no `ignore column`
// names.
enum class UnreadColumns { kAllowed, kWarning, kError };

// Checks every `ignore column` of `parsed` (the table and column exist, the
// table is migrated, no mapping reads the column, it is named once) into
// `errors`. When `mappings` holds every bound mapping (none failed), each
// column of a table they read that is neither read nor ignored is reported,
// one line per table, into `errors` or `warnings` as `policy` says.
void CheckSourceColumns(const std::vector<ParsedFile>& parsed, const core::Catalog& source,
                        const std::vector<const CompiledMapping*>& mappings, UnreadColumns policy,
                        const std::string& folder, std::vector<Diagnostic>& errors,
                        std::vector<Diagnostic>& warnings);

}  // namespace handover::transform
