// The files `handover profile` writes from a SourceProfile: profile.json
// (documented in docs/profile.md), profile.html (self-contained, the page a
// migration team reads first) and profile.xlsx (the same to sort and
// filter). Values of personal columns are pseudonymised before any renderer
// sees them, unless the caller shows personal data.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"
#include "profile/profile.h"
#include "reports/reconciliation.h"

namespace handover::reports {

// A copy of `profile` in which every value of a personal column (frequent
// values, min, max, spellings, date examples, earliest and latest date) is
// replaced by its keyed Pseudonym; counts are unchanged.
profile::SourceProfile PseudonymiseProfile(const profile::SourceProfile& profile, const std::string& key);

// profile.json's text. `shows_personal_data` is stated in it.
std::string ProfileJson(const profile::SourceProfile& profile, bool shows_personal_data);

// profile.html's text: a page that fetches nothing.
std::string ProfileHtml(const profile::SourceProfile& profile, bool shows_personal_data);

// profile.xlsx at `path`: sheets Tables, Columns, Values, References,
// Duplicates; owner-only, whole or not at all (see workbook_file.h).
core::Status WriteProfileWorkbook(const std::filesystem::path& path, const profile::SourceProfile& profile,
                                  bool shows_personal_data);

// Writes the three files into `dir` (created owner-only if missing), values
// of personal columns pseudonymised unless `privacy` shows them.
core::Status WriteProfileReports(const profile::SourceProfile& profile, const PrivacyOptions& privacy,
                                 const std::filesystem::path& dir);

// The terminal summary: one line per kind of finding, then where the files are.
std::string ProfileSummary(const profile::SourceProfile& profile, const std::filesystem::path& dir);

}  // namespace handover::reports
