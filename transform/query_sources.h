// Query sources: the inline SQL a mapping or lookup reads instead of a table
// (`from query "..." q`, `lookup query "..." w on ...`). Each query is
// described on the real source through a caller-supplied callback (transform
// knows no database) and becomes a pseudo-table of an extended copy of the
// source catalog, so the binder checks it exactly like a table.
// Internal to the checker (check_mappings.cpp) and the binder.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/schema.h"
#include "core/status.h"
#include "transform/diagnostic.h"
#include "transform/language/parse.h"

namespace handover::transform {

// Describes a source query: its columns (names lower-case) and their types,
// as the source database reports them. `name` is the pseudo-table name the
// query will be known by. On failure, a Status whose message is the
// database's own message ("no such column: worker_nam").
using DescribeQueryFn =
    std::function<core::Result<core::TableSchema>(const std::string& name, const std::string& sql)>;

// The pseudo-table name of the query a mapping (or one of its lookups) reads
// under `alias`: "query:<mapping>.<alias>", lower-case. Stable across runs,
// and what reports and the ledger show as the source table.
std::string QueryTableName(const std::string& mapping, const std::string& alias);

// "table 'client'" or "query 'query:allocation.w'", for messages.
std::string RelationLabel(const core::TableSchema& table);

// Returns `source` plus one pseudo-table (TableSchema::query set) for every
// query of every mapping in `parsed`. `describe` is called once per distinct
// SQL text. A query that cannot be described (no callback, empty, fails on
// the source, repeats a column name) is left out and becomes a diagnostic at
// its position; the binder then skips names of that alias silently.
core::Catalog AddQuerySources(const std::vector<ParsedFile>& parsed, const core::Catalog& source,
                              const DescribeQueryFn& describe, std::vector<Diagnostic>& diagnostics);

}  // namespace handover::transform
