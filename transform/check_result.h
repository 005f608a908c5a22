// CheckResult: a checked mapping set, or every problem found in it.
#pragma once

#include <memory>
#include <vector>
#include "core/schema.h"
#include "transform/diagnostic.h"
#include "transform/mapping_program.h"

namespace handover::transform {

// Either a program, or every problem found (parse, name, type, order).
struct CheckResult {
  std::unique_ptr<MappingProgram> program;
  std::vector<Diagnostic> diagnostics;
  // The source catalog the mappings were bound to: the one given, plus one
  // pseudo-table ("query:<mapping>.<alias>", TableSchema::query set) for
  // every source query. The load stage reads query sources through it.
  core::Catalog source_catalog;
  // Problems that do not stop a run (source columns no mapping reads, under
  // CheckOptions::unread_columns = kWarning), in the diagnostics' format.
  std::vector<Diagnostic> warnings;
  bool ok() const { return program != nullptr && diagnostics.empty(); }
};

}  // namespace handover::transform
