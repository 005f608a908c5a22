// CheckMappings: parse a mapping set (a folder, or files in memory), bind it
// to the source and target catalogs, derive load order and compile it.
#pragma once

#include <string>
#include <vector>

#include <filesystem>

#include "core/schema.h"
#include "transform/check_result.h"
#include "transform/mapping_folder.h"
#include "transform/params.h"
#include "transform/source_columns.h"
#include "transform/query_sources.h"

namespace handover::transform {

// What a check demands beyond the mappings themselves.
struct CheckOptions {
  // Every source table must be read by a mapping or left out with `ignore
  // table` (check, rehearse and run demand it; unit tests of one mapping
  // against a larger catalog need not).
  bool require_full_scope = false;
  // Describes a source query (`from query "..."`, `lookup query "..."`) on
  // the real source: called once per distinct query; see query_sources.h.
  // Without it every query is a check error ("no source connection").
  DescribeQueryFn describe_query;
  // A source column of a migrated table that no mapping reads and no
  // `ignore column` names: allowed, a warning (CheckResult::warnings), or an
  // error. check, rehearse and run warn unless told --unread-columns error.
  UnreadColumns unread_columns = UnreadColumns::kAllowed;
};

// The source catalog the result was bound to is `source` plus one
// pseudo-table per query (CheckResult::source_catalog): hand that one to the
// load stage, which finds query sources in it like tables.
//
// Parses every *.map and code-set file under `mappings_dir` (read with
// ReadMappingFolder; its failure is one diagnostic), binds them to the source
// and target catalogs, type-checks, derives load order and compiles.
CheckResult CheckMappings(const std::filesystem::path& mappings_dir, const core::Catalog& source,
                          const core::Catalog& target, const Params& params, const CheckOptions& options = {});

// As CheckMappings, on the given files.
CheckResult CheckMappingSources(const std::vector<MappingSource>& files, const core::Catalog& source,
                                const core::Catalog& target, const Params& params, const CheckOptions& options = {});

}  // namespace handover::transform
