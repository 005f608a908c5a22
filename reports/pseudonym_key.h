// The secret the report pseudonyms are keyed with (pseudonym.h). It comes
// from the environment variable HANDOVER_PSEUDONYM_KEY when that is set;
// otherwise from <out>/.pseudonym-key, a random 32-byte key (64 hex digits)
// created owner-only by the first run into that folder and read again by
// every later one, so rehearsals into one folder give the same value the
// same pseudonym and `compare` can match their worklists.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"
#include "reports/reconciliation.h"

namespace handover::reports {

// The file name of the key inside a report folder.
inline constexpr const char* kPseudonymKeyFile = ".pseudonym-key";

// The key for reports written into `out_dir` (which must exist). Fails with
// kConfig if HANDOVER_PSEUDONYM_KEY is set but shorter than 16 bytes or the
// key file does not hold 64 hex digits, and kIo if the key file is not a
// regular file or cannot be read or created; the message names the file or
// variable and what to do.
core::Result<std::string> LoadPseudonymKey(const std::filesystem::path& out_dir);

// The privacy of a run's reports into `out_dir`: personal data shown when
// asked, else pseudonymised with LoadPseudonymKey's key.
core::Result<PrivacyOptions> PrivacyFor(const std::filesystem::path& out_dir, bool show_personal_data);

}  // namespace handover::reports
