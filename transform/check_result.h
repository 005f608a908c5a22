// CheckResult: a checked mapping set, or every problem found in it.
#pragma once

#include <memory>
#include <vector>
#include "transform/diagnostic.h"
#include "transform/mapping_program.h"

namespace handover::transform {

// Either a program, or every problem found (parse, name, type, order).
struct CheckResult {
  std::unique_ptr<MappingProgram> program;
  std::vector<Diagnostic> diagnostics;
  bool ok() const { return program != nullptr && diagnostics.empty(); }
};

}  // namespace handover::transform
