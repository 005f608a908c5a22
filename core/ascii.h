// ASCII case folding for names the databases and mapping files use (table,
// column, code and reason names) and for the text functions that fold
// letters. Bytes >= 0x80 pass through unchanged: a UTF-8 or Windows-1252
// letter is never changed.
#pragma once

#include <string>

namespace handover::core {

inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
inline char AsciiUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Folds every ASCII letter of `s` in place and returns it.
inline std::string& AsciiLowerInPlace(std::string& s) {
  for (char& c : s) c = AsciiLower(c);
  return s;
}

inline std::string AsciiLower(std::string s) { return AsciiLowerInPlace(s); }

}  // namespace handover::core
