#include "core/display_text.h"

#include <cstdio>

namespace handover::core {
namespace {

// Appends one byte, escaped if it is a control byte; returns bytes written.
size_t AppendPrintable(std::string& out, unsigned char c, bool keep_tab = false) {
  if (keep_tab && c == '\t') {
    out += '\t';
    return 1;
  }
  switch (c) {
    case '\n': out += "\\n"; return 2;
    case '\r': out += "\\r"; return 2;
    case '\t': out += "\\t"; return 2;
    case '\0': out += "\\0"; return 2;
    default: break;
  }
  if (c < 0x20 || c == 0x7f) {
    char buf[5];
    std::snprintf(buf, sizeof buf, "\\x%02x", c);
    out += buf;
    return 4;
  }
  out += static_cast<char>(c);
  return 1;
}

// The largest cut <= `at` that does not split a UTF-8 sequence.
size_t Utf8Boundary(std::string_view text, size_t at) {
  if (at >= text.size()) return text.size();
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

}  // namespace

std::string PrintableClip(std::string_view text, size_t max_bytes) {
  const size_t shown = Utf8Boundary(text, max_bytes);
  std::string out;
  out.reserve(shown + 32);
  for (size_t i = 0; i < shown; ++i) AppendPrintable(out, static_cast<unsigned char>(text[i]));
  if (shown < text.size()) out += "... (" + std::to_string(text.size()) + " bytes in all)";
  return out;
}

std::string LineAround(std::string_view line, size_t& column, size_t width) {
  const size_t caret = column == 0 ? 0 : column - 1;
  size_t begin = 0;
  if (line.size() > width && caret > width / 2) begin = Utf8Boundary(line, caret - width / 2);
  const size_t end = Utf8Boundary(line, begin + width);
  std::string out;
  size_t new_column = 1;
  if (begin > 0) out += "...", new_column += 3;
  for (size_t i = begin; i < end; ++i) {
    const size_t written = AppendPrintable(out, static_cast<unsigned char>(line[i]), /*keep_tab=*/true);
    if (i < caret) new_column += written;
  }
  if (caret >= end) new_column = out.size() + 1;
  if (end < line.size()) out += "...";
  column = new_column;
  return out;
}

}  // namespace handover::core
