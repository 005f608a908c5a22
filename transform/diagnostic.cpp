#include "transform/diagnostic.h"

#include <algorithm>

#include "core/display_text.h"

namespace handover::transform {

Diagnostic DiagnosticAt(const std::string& file, const std::string& text, size_t offset,
                        std::string message) {
  offset = std::min(offset, text.size());
  const size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const size_t begin = (line_start == std::string::npos || (offset == 0)) ? 0 : line_start + 1;
  size_t end = text.find('\n', begin);
  if (end == std::string::npos) end = text.size();
  Diagnostic d;
  d.file = file;
  d.line = 1 + int(std::count(text.begin(), text.begin() + long(begin), '\n'));
  d.column = 1 + int(offset - begin);
  d.message = std::move(message);
  d.source_line = text.substr(begin, end - begin);
  if (!d.source_line.empty() && d.source_line.back() == '\r') d.source_line.pop_back();
  return d;
}

std::string FormatDiagnostics(const std::vector<Diagnostic>& diagnostics, const std::string& severity) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += d.file;
    if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    // A hostile file cannot flood the terminal or drive it: the message and
    // the shown line are bounded and control bytes are escaped.
    out += ": " + severity + ": " + core::PrintableClip(d.message, 1000) + "\n";
    if (d.line > 0) {
      size_t column = size_t(d.column);
      const std::string shown = core::LineAround(d.source_line, column);
      out += "    " + shown + "\n    ";
      // Keep tabs so the caret lines up under the token.
      for (size_t i = 0; i + 1 < column; ++i) out += i < shown.size() && shown[i] == '\t' ? '\t' : ' ';
      out += "^\n";
    }
  }
  const size_t n = diagnostics.size();
  out += std::to_string(n) + " " + severity + (n == 1 ? "\n" : "s\n");
  return out;
}

}  // namespace handover::transform
