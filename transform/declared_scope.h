// Declared scope: the source tables a mapping set leaves out (`ignore table
// ... because ...`), checked against the source, and the rule that every
// source table is either read by a mapping or left out on purpose.
// Internal to the checker (check_mappings.cpp).
#pragma once

#include <memory>
#include <vector>

#include "core/schema.h"
#include "transform/compiled_mapping.h"
#include "transform/diagnostic.h"
#include "transform/language/parse.h"

namespace handover::transform {

// One IgnoredTable mapping per valid `ignore table` of `parsed`; every
// problem (no such table, one a mapping reads, declared twice, named like a
// mapping) becomes a diagnostic. With `require_full_scope`, a source table
// neither read (as a mapping's table or lookup) nor ignored is one too,
// reported against `folder`. Query sources are not source tables: a table a
// query reads must still be mapped or ignored.
std::vector<std::unique_ptr<CompiledMapping>> BindDeclaredScope(const std::vector<ParsedFile>& parsed,
                                                                const core::Catalog& source, bool require_full_scope,
                                                                const std::string& folder,
                                                                std::vector<Diagnostic>& diagnostics);

}  // namespace handover::transform
