// pseudonym(x [, salt]): a stable 64-bit xxHash (XXH64, whose output is fixed
// across versions and platforms) of the value's text, as 16 hex digits. With a
// salt (e.g. a run parameter kept secret) names cannot be found by hashing guesses.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "transform/functions/function.h"

namespace handover::transform {
namespace {

core::Value Pseudonym(std::span<core::Value> a, const FunctionState*) {
  std::string input = core::ToText(a[0]);
  uint64_t seed = 0;
  if (a.size() > 1) {
    const std::string salt = core::ToText(a[1]);
    seed = XXH64(salt.data(), salt.size(), 0);
  }
  const uint64_t h = XXH64(input.data(), input.size(), seed);
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 0; i < 16; ++i) out[size_t(i)] = kHex[(h >> (60 - 4 * i)) & 0xf];
  return out;
}

}  // namespace

void AddHashFunctions(std::vector<FunctionInfo>& t) {
  t.push_back({"pseudonym", 1, 2, {kAnyType, kText}, core::ValueType::kText, Pseudonym, -1, nullptr,
               Special::kNone, "pseudonym(value [, salt]) -> text (16 hex digits)"});
}

}  // namespace handover::transform
