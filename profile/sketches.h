// The bounded-memory counters a profile is built from: DistinctSketch (a
// HyperLogLog over XXH3-64 hashes, 16 KiB whatever the column holds) for how
// many different values a column has, and FrequentValues (Misra-Gries) for
// its most frequent values. Both are exact while a column has few values:
// FrequentValues keeps every value with its exact count until it has seen
// more distinct values than its capacity, and says so.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace handover::profile {

// 64-bit XXH3 of `text`: the one hash the profile uses (sketches, key sets).
uint64_t HashText(std::string_view text);

// HyperLogLog with 2^14 registers: a distinct count within about 1% (one
// standard error 0.8%), in constant memory.
class DistinctSketch {
 public:
  DistinctSketch() : registers_(kRegisters, 0) {}
  void AddHash(uint64_t hash);
  void Add(std::string_view text) { AddHash(HashText(text)); }
  // The estimate, with the small-range (linear counting) correction.
  int64_t Estimate() const;

 private:
  static constexpr int kPrecision = 14;
  static constexpr size_t kRegisters = size_t{1} << kPrecision;
  std::vector<uint8_t> registers_;
};

// One value and how often it was seen.
struct ValueCount {
  std::string value;
  int64_t count = 0;
};

// Misra-Gries frequent items with `capacity` counters. While at most
// `capacity` distinct values have been seen, every count is exact (exact()
// is true); afterwards a value's count is a lower bound, short of the true
// count by at most max_error(), and every value more frequent than that is
// still held. Values are clipped to `max_value_bytes` (longer text is
// counted under its clipped prefix and flagged by the caller).
class FrequentValues {
 public:
  explicit FrequentValues(size_t capacity = 256, size_t max_value_bytes = 200)
      : capacity_(capacity), max_value_bytes_(max_value_bytes) {}
  void Add(std::string_view value);
  bool exact() const { return decrements_ == 0; }
  int64_t max_error() const { return decrements_; }
  // How many distinct values were held: every distinct value when exact().
  size_t held() const { return counts_.size(); }
  // The `n` most frequent values, by count then value.
  std::vector<ValueCount> Top(size_t n) const;

 private:
  size_t capacity_;
  size_t max_value_bytes_;
  int64_t decrements_ = 0;
  std::unordered_map<std::string, int64_t> counts_;
};

}  // namespace handover::profile
