// KeyFilter: a Bloom filter of 128-bit key hashes, for "has this run possibly
// recorded this key?" in constant memory (4 MiB, allocated on the first key).
// Never a false "no"; a false "maybe" for about 0.2% of absent keys at 2
// million keys, rising with more (each one then costs only a lookup).
#pragma once

#include <cstdint>
#include <vector>

namespace handover::load {

class KeyFilter {
 public:
  void Add(uint64_t high, uint64_t low) {
    if (bits_.empty()) bits_.assign(kWords, 0);
    for (uint64_t i = 0; i < kProbes; ++i) {
      const uint64_t bit = Probe(high, low, i);
      bits_[bit >> 6] |= uint64_t{1} << (bit & 63);
    }
  }
  bool MayContain(uint64_t high, uint64_t low) const {
    if (bits_.empty()) return false;
    for (uint64_t i = 0; i < kProbes; ++i) {
      const uint64_t bit = Probe(high, low, i);
      if ((bits_[bit >> 6] & (uint64_t{1} << (bit & 63))) == 0) return false;
    }
    return true;
  }

 private:
  static constexpr uint64_t kBits = uint64_t{1} << 25;  // 4 MiB
  static constexpr uint64_t kWords = kBits / 64;
  static constexpr uint64_t kProbes = 4;
  // Double hashing (Kirsch-Mitzenmacher) on the two halves of the hash.
  static uint64_t Probe(uint64_t high, uint64_t low, uint64_t i) { return (high + i * (low | 1)) & (kBits - 1); }

  std::vector<uint64_t> bits_;
};

}  // namespace handover::load
