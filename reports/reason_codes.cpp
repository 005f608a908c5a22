#include "reports/reason_codes.h"

#include <array>
#include <utility>

namespace handover::reports {

std::string_view ReasonMeaning(std::string_view code) {
  // The engine's codes, as reserved in transform/bind/bind_mapping.cpp;
  // docs/when-things-go-wrong.md says what to do about each.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kMeanings{{
      {"orphan", "It cites a record the source does not have (e.g. a payment for a client the provider never had)."},
      {"parent_rejected",
       "It cites a record that was itself rejected; once that record is corrected, this one follows it."},
      {"parent_excluded", "It cites a record that was excluded, so it is left out with it."},
      {"unmapped_code", "It holds a code that the mapping's code set does not list."},
      {"missing_key", "It has no legacy reference (or does not name the record it belongs to)."},
      {"duplicate_key", "Its legacy reference was already loaded by this mapping: two source records share it."},
      {"duplicate", "It was merged into another record of the same person by the mapping's merge rule."},
      {"survivor_not_loaded", "It is a duplicate of a record that was not loaded."},
      {"invalid_text_encoding", "It holds text that is not UTF-8 (legacy Windows-1252 text?)."},
      {"missing_value", "A column the council requires has no value."},
      {"bad_value", "A value cannot be stored in the council's column (wrong type or too long)."},
      {"target_rejected", "The council database refused it; the worklist quotes the database's reason."},
      {"no_lookup_data", "A lookup table gave no rows: a fault in handover, not in the data."},
      {"filter", "It does not satisfy the mapping's 'where' condition."},
      {"no_target", "None of the mapping's 'into ... when' conditions holds for it."},
      {"gone", "It was in the run before but is no longer in the source; the council keeps it."},
      {"change_not_applied", "Its change was rejected or excluded, so the council keeps the earlier version."},
  }};
  for (const auto& [known, meaning] : kMeanings)
    if (known == code) return meaning;
  return {};
}

std::string Explanation(std::string_view code, std::string_view reason) {
  const std::string_view meaning = ReasonMeaning(code);
  if (meaning.empty()) return std::string(reason.empty() ? code : reason);
  if (reason.empty()) return std::string(meaning);
  return std::string(meaning) + " Here: " + std::string(reason);
}

}  // namespace handover::reports
