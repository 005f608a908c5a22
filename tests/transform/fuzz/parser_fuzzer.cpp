// libFuzzer target: the mapping-file parser must never crash, hang or leak
// on any input; it either parses or returns one diagnostic.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "transform/language/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace handover::transform;
  ParsedFile file;
  std::vector<Diagnostic> diagnostics;
  const bool ok = ParseMappingText("fuzz.map", std::string(reinterpret_cast<const char*>(data), size),
                                   file, diagnostics);
  if (ok != diagnostics.empty()) __builtin_trap();
  if (!ok) (void)FormatDiagnostics(diagnostics);
  // Every recorded position must lie inside the text.
  for (size_t offset : file.offsets)
    if (offset > file.text.size()) __builtin_trap();
  return 0;
}
