#include "profile/sketches.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cmath>

namespace handover::profile {

uint64_t HashText(std::string_view text) { return XXH3_64bits(text.data(), text.size()); }

void DistinctSketch::AddHash(uint64_t hash) {
  const size_t index = hash >> (64 - kPrecision);
  // The rank of the first 1 bit in what is left (1-based); a sentinel bit
  // keeps it within 64 - kPrecision + 1.
  const uint64_t rest = (hash << kPrecision) | (uint64_t{1} << (kPrecision - 1));
  const uint8_t rank = static_cast<uint8_t>(std::countl_zero(rest) + 1);
  if (rank > registers_[index]) registers_[index] = rank;
}

int64_t DistinctSketch::Estimate() const {
  const double m = static_cast<double>(kRegisters);
  double sum = 0;
  size_t zeros = 0;
  for (uint8_t r : registers_) {
    sum += std::ldexp(1.0, -int(r));
    if (r == 0) ++zeros;
  }
  const double alpha = 0.7213 / (1 + 1.079 / m);
  double estimate = alpha * m * m / sum;
  // Small cardinalities: linear counting on the empty registers is far
  // closer than the raw estimate.
  if (estimate <= 2.5 * m && zeros > 0) estimate = m * std::log(m / static_cast<double>(zeros));
  return static_cast<int64_t>(std::llround(estimate));
}

void FrequentValues::Add(std::string_view value) {
  if (value.size() > max_value_bytes_) value = value.substr(0, max_value_bytes_);
  if (auto it = counts_.find(std::string(value)); it != counts_.end()) {
    ++it->second;
    return;
  }
  if (counts_.size() < capacity_) {
    counts_.emplace(std::string(value), 1);
    return;
  }
  // Full: the new value and every counter lose one. Each such pass removes
  // capacity + 1 from the total count, so they cost O(1) per value overall.
  ++decrements_;
  for (auto it = counts_.begin(); it != counts_.end();) {
    if (--it->second == 0) it = counts_.erase(it);
    else ++it;
  }
}

std::vector<ValueCount> FrequentValues::Top(size_t n) const {
  std::vector<ValueCount> all;
  all.reserve(counts_.size());
  for (const auto& [value, count] : counts_) all.push_back({value, count});
  std::sort(all.begin(), all.end(), [](const ValueCount& a, const ValueCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (all.size() > n) all.resize(n);
  return all;
}

}  // namespace handover::profile
