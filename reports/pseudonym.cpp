#include "reports/pseudonym.h"

#include <cstdint>
#include <cstdio>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace handover::reports {
namespace {

void Add(XXH3_state_t* state, std::string_view part) {
  const uint64_t size = part.size();
  XXH3_64bits_update(state, &size, sizeof size);
  XXH3_64bits_update(state, part.data(), part.size());
}

}  // namespace

std::string Pseudonym(std::string_view key, std::string_view column, std::string_view value) {
  XXH3_state_t state;
  XXH3_INITSTATE(&state);
  XXH3_64bits_reset(&state);
  Add(&state, key);
  Add(&state, column);
  Add(&state, value);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(XXH3_64bits_digest(&state)));
  return "pseud:" + std::string(hex, 12);
}

}  // namespace handover::reports
