#include "reports/money_text.h"

#include <cassert>

namespace handover::reports {
namespace {

// The magnitude as unsigned, so INT64_MIN has one too.
uint64_t Magnitude(int64_t n) { return n < 0 ? uint64_t{0} - static_cast<uint64_t>(n) : static_cast<uint64_t>(n); }

std::string GroupedMagnitude(uint64_t magnitude) {
  std::string digits = std::to_string(magnitude);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
  return digits;
}

}  // namespace

std::string Grouped(int64_t number) {
  return (number < 0 ? "-" : "") + GroupedMagnitude(Magnitude(number));
}

std::string Pounds(int64_t pence) {
  const uint64_t magnitude = Magnitude(pence);
  const unsigned fraction = static_cast<unsigned>(magnitude % 100);
  return std::string(pence < 0 ? "-" : "") + "\u00a3" + GroupedMagnitude(magnitude / 100) + "." +
         static_cast<char>('0' + fraction / 10) + static_cast<char>('0' + fraction % 10);
}

std::string PercentOf(int64_t part, int64_t whole) {
  assert(part >= 0);
  if (whole <= 0) return "0.0";
  // Tenths of a percent, half up; 128-bit so no count can overflow.
  const __int128 tenths = (static_cast<__int128>(part) * 2000 + whole) / (static_cast<__int128>(whole) * 2);
  const int64_t t = static_cast<int64_t>(tenths);
  return std::to_string(t / 10) + "." + std::to_string(t % 10);
}

}  // namespace handover::reports
