// Rng: the generator's only source of randomness. xoshiro256** seeded through
// splitmix64, with its own tiny distributions, so that a seed produces the
// same bytes on every platform and standard library (std distributions are
// not specified bit-for-bit).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace handover::generator {

// Mixes one 64-bit value into another; used to derive independent streams.
inline uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// A deterministic pseudo-random stream. Streams for (seed, stream id) pairs
// are independent, so each person draws from its own stream and the output
// does not depend on batch sizes or table order.
class Rng {
 public:
  Rng(uint64_t seed, uint64_t stream) {
    uint64_t s = seed ^ (stream * 0xD1342543DE82EF95ULL) ^ 0x5851F42D4C957F2DULL;
    for (auto& word : state_) word = SplitMix64(s);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, n); n > 0. Multiply-shift: the bias is below 2^-40 for
  // the ranges used here, and the result is the same everywhere.
  uint64_t Below(uint64_t n) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }
  // Uniform in [lo, hi], inclusive.
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }
  // True with probability `per_million` / 1,000,000 (rates are stated that way
  // so that no floating point is involved).
  bool Chance(uint32_t per_million) { return Below(1000000) < per_million; }

  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }
  // Index chosen with the given integer weights.
  size_t Weighted(std::initializer_list<uint32_t> weights) {
    uint64_t total = 0;
    for (uint32_t w : weights) total += w;
    uint64_t roll = Below(total);
    size_t i = 0;
    for (uint32_t w : weights) {
      if (roll < w) return i;
      roll -= w;
      ++i;
    }
    return i - 1;
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t state_[4];
};

}  // namespace handover::generator
