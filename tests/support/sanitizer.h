// Whether the test binary runs under AddressSanitizer: its quarantine keeps
// freed memory resident (hundreds of MB), so peak-memory assertions are
// meaningful only in the plain build.
#pragma once

namespace handover::testing {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUnderAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kUnderAddressSanitizer = true;
#else
constexpr bool kUnderAddressSanitizer = false;
#endif
#else
constexpr bool kUnderAddressSanitizer = false;
#endif

}  // namespace handover::testing
