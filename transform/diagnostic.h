// Diagnostic: one problem found in a mapping file, with its position, printed
// compiler-style. All problems are collected and reported at once.
#pragma once

#include <string>
#include <vector>

namespace handover::transform {

struct Diagnostic {
  std::string file;         // path as given (relative to the mappings folder's parent is fine)
  int line = 0;             // 1-based; 0 when the problem is about the file as a whole
  int column = 0;           // 1-based
  std::string message;      // "unknown column 'dobb' in table 'clients'; did you mean 'dob'?"
  std::string source_line;  // the text of that line, for the caret display
};

// Renders diagnostics as
//   mappings/x/person.map:4:19: error: unknown column 'dobb' in table 'clients'
//       date_of_birth = date(c.dobb, "%Y-%m-%d")
//                            ^
// one after another, followed by "N errors".
// With `severity` "warning" the lines say "warning:" and the count "N warnings".
std::string FormatDiagnostics(const std::vector<Diagnostic>& diagnostics, const std::string& severity = "error");

// A diagnostic at byte `offset` of `text` (the contents of `file`): fills in
// line, column and the source line.
Diagnostic DiagnosticAt(const std::string& file, const std::string& text, size_t offset,
                        std::string message);

}  // namespace handover::transform
