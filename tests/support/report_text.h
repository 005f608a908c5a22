// How the reports write numbers and money, written again here for the tests
// that read a page as a person does, so that the reports' own formatting is
// checked, not reused.
#pragma once

#include <cstdint>
#include <string>

namespace handover::testing {

// 1234567 -> "1,234,567".
inline std::string Thousands(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

// Pence (0 or more) as pounds: 107271660 -> "£1,072,716.60".
inline std::string Pounds(int64_t pence) {
  const std::string p = std::to_string(100 + pence % 100);
  return "\u00a3" + Thousands(pence / 100) + "." + p.substr(1);
}

}  // namespace handover::testing
