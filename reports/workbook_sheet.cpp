#include "reports/workbook_sheet.h"

#include <cctype>
#include <cstdio>

namespace handover::reports::xlsx {
namespace {


// "_x0041_": how OOXML escapes a character in text, decoded by Excel.
bool IsXmlEscape(std::string_view text) {
  if (text.size() < 7 || text[1] != 'x' || text[6] != '_') return false;
  return std::all_of(text.begin() + 2, text.begin() + 6,
                     [](char h) { return std::isxdigit(static_cast<unsigned char>(h)) != 0; });
}

}  // namespace

// Text as a cell can hold it. The XML inside the file must be valid UTF-8:
// a byte that is not part of a valid sequence is written as \xHH, and so are
// control bytes (as CsvField writes them), so a legacy latin-1 value can never
// make the whole workbook unreadable; and text that reads as an escape keeps
// its meaning.
std::string CellText(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    const auto c = static_cast<unsigned char>(in[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    bool valid = n > 0 && i + n <= in.size();
    uint32_t code = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
    for (size_t k = 1; valid && k < n; ++k) {
      const auto next = static_cast<unsigned char>(in[i + k]);
      valid = (next & 0xc0) == 0x80;
      code = (code << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    static constexpr uint32_t kLeast[] = {0, 0, 0x80, 0x800, 0x10000};
    if (valid && (code < kLeast[n] || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff)) valid = false;
    if (valid && n == 1 && ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)) valid = false;
    if (valid && c == '_' && IsXmlEscape(in.substr(i))) {
      out += "_x005F_";  // Excel reads "_x0041_" as "A": its underscore escaped, it stays as it was
      ++i;
    } else if (valid) {
      out.append(in.substr(i, n));
      i += n;
    } else {
      char escaped[5];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
      out += escaped;
      ++i;
    }
  }
  return out;
}

// Characters, not bytes: what a column's width is counted in.
size_t Characters(std::string_view utf8) {
  return static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xc0) != 0x80; }));
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace handover::reports::xlsx
