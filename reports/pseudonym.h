// Pseudonyms for personal values in the reports: a keyed hash in place of a
// name, a date of birth or a note, so a report can be shared without the
// value while the same value still reads the same wherever it appears (and
// across rehearsals that share a key, so `compare` matches them).
#pragma once

#include <string>
#include <string_view>

namespace handover::reports {

// "pseud:" and the first 12 hex digits of XXH3-64 over the key, the column
// and the value (each length-prefixed, so no two inputs run together). The
// same key, column and value always give the same text; another key gives
// another. It never contains the value; it is no stronger than the key's
// secrecy (whoever has the key can test guesses).
std::string Pseudonym(std::string_view key, std::string_view column, std::string_view value);

}  // namespace handover::reports
