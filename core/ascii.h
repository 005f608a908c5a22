// ASCII case folding for names the databases and mapping files use (table,
// column, code and reason names). Bytes >= 0x80 pass through unchanged.
#pragma once

#include <string>

namespace handover::core {

inline std::string AsciiLower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace handover::core
