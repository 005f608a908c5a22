// Text encoding helpers. Legacy case systems hold Windows-1252 bytes beside
// UTF-8; council databases (PostgreSQL) accept only valid UTF-8. The load
// stage refuses invalid text the same way on every target, and mappings
// repair it explicitly with utf8().
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace handover::core {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view text);

// Byte offset of the first byte that is not part of well-formed UTF-8, or
// nullopt when the text is valid.
std::optional<size_t> FirstInvalidUtf8(std::string_view text);

// Returns valid UTF-8: `text` unchanged if it already is, otherwise every
// byte that is not part of a well-formed sequence is read as Windows-1252
// ("Zo\xEB" -> "Zoë"). Bytes Windows-1252 leaves undefined become U+FFFD.
std::string RepairToUtf8(std::string_view text);

// Reads every byte of `text` as Windows-1252, whatever it holds: for text
// known to be in that encoding (a file declared or detected as such), where
// byte pairs that happen to form UTF-8 are still two characters. Bytes
// Windows-1252 leaves undefined become U+FFFD.
std::string Windows1252ToUtf8(std::string_view text);

}  // namespace handover::core
