// The binder: resolves a parsed mapping against the source and target
// catalogs, type-checks it and builds its compiled form (MappingImpl), or
// reports every problem it finds as a diagnostic.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/schema.h"
#include "transform/code_set.h"
#include "transform/mapping_impl.h"
#include "transform/diagnostic.h"
#include "transform/language/parse.h"

namespace handover::transform {

// What the binder knows beyond the mapping being bound.
struct BindEnvironment {
  const core::Catalog* source = nullptr;
  const core::Catalog* target = nullptr;
  // Run parameters, already typed (ISO dates are Dates, integers integers).
  std::map<std::string, core::Value> params;
  std::map<std::string, std::shared_ptr<const CodeSet>> code_sets;
  // Mapping names that can be referenced by xref(): mappings that declare `key`.
  std::set<std::string> keyed_mappings;
  std::set<std::string> all_mappings;
};

// Binds one mapping of `file`. Returns nullptr when it has errors (appended
// to `diagnostics`, as many as can be found).
std::unique_ptr<MappingImpl> BindMapping(const ParsedFile& file, const ast::Mapping& mapping,
                                         const BindEnvironment& env,
                                         std::vector<Diagnostic>& diagnostics);

// A param's text as a typed value: ISO date -> Date, integer -> integer,
// decimal -> Decimal, anything else text.
core::Value TypeParam(const std::string& text);

// The reason code for a rule: its explicit `as` name, or the text made
// snake_case ("Test record!" -> "test_record"), at most 40 characters.
std::string ReasonCode(const std::string& because);

}  // namespace handover::transform
