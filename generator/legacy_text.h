// How the provider's system wrote values down: dates in mixed formats,
// money as text, names with stray case, spaces and Windows-1252 bytes. Each
// function draws its quirks from the caller's Rng at the rates in rates.h.
// The matching *readers* (the rules a migration applies) are stated in
// docs/provider-database.md; NameMatchKey is the one the generator itself
// needs to guarantee that only planted duplicates look alike.
#pragma once

#include <cstdint>
#include <string>

#include "generator/random.h"
#include "core/value.h"

namespace handover::generator {

// A readable date in one of the four formats (ISO, dd/mm/yyyy, dd-Mon-yy,
// d.m.yyyy), chosen at the stated weights. Two-digit years read as
// strptime %y does: 69-99 -> 19yy, 00-68 -> 20yy.
std::string FormatLegacyDate(core::Date date, Rng& rng);
// An unreadable date: blank, '00/00/0000' or an impossible day such as
// '31/02/<year>'.
std::string UnreadableDate(core::Date near, Rng& rng);

// Money as the provider typed it: '123.45', '1,200.00', '£57.90', '2000',
// '89.99999999' (noise around the exact pence value), '-25.00' for refunds.
// Every output parses back to exactly `pence` under the documented rule.
std::string FormatLegacyMoney(int64_t pence, Rng& rng);
// An amount no rule can read: blank or 'n/a'.
std::string UnreadableMoney(Rng& rng);

// A name with its case or trailing spaces disturbed (rates.h).
std::string MessyName(const std::string& name, Rng& rng);
// Replaces one vowel after the first letter with its Windows-1252 accented
// form (e.g. 'e' -> 0xE9), leaving NameMatchKey unchanged.
std::string WithWin1252Accent(const std::string& name, Rng& rng);
// A spelling variant of a surname with the same NameMatchKey (a doubled
// consonant, a changed vowel, an accent).
std::string SurnameVariant(const std::string& surname, Rng& rng);
// A legacy reference as child rows cite it: sometimes lower-cased or padded.
std::string MessyRef(const std::string& ref, Rng& rng);

// The duplicate-matching skeleton of a surname: ASCII letters lower-cased
// (every other byte dropped), the first letter kept, vowels (a e i o u y)
// after it dropped, runs of one letter collapsed. "Thompson " -> "thmpsn".
std::string NameSkeleton(const std::string& name);

}  // namespace handover::generator
