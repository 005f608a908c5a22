// Text shown to a person (an error line, a worklist cell, a log line) is
// bounded and printable: control bytes are escaped so a terminal or a
// spreadsheet never interprets them, and a long value is clipped with its
// full length stated, so one hostile value cannot flood a screen or a file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace handover::core {

// How many bytes of a value a worklist cell or an error message shows.
inline constexpr size_t kShownValueBytes = 200;

// `text` with control bytes written as \n, \r, \t, \0 or \xHH (a backslash
// itself stays as it is) and, beyond `max_bytes` of input, cut at a UTF-8
// character boundary and followed by "... (N bytes in all)".
std::string PrintableClip(std::string_view text, size_t max_bytes = kShownValueBytes);

// A window of at most `width` bytes of one source line around the 1-based
// byte `column`, made printable (tabs kept, so a caret line can align); `column` is updated to point at the same
// character in the returned text. Marks cut ends with "...".
std::string LineAround(std::string_view line, size_t& column, size_t width = 120);

}  // namespace handover::core
