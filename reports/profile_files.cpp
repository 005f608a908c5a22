// The profile's privacy and files: personal values pseudonymised once,
// before any renderer, then profile.json, profile.html and profile.xlsx
// written owner-only, each whole or not at all.
#include "core/private_file.h"
#include "reports/profile_reports.h"
#include "reports/pseudonym.h"
#include "reports/report_files.h"

namespace handover::reports {

profile::SourceProfile PseudonymiseProfile(const profile::SourceProfile& in, const std::string& key) {
  profile::SourceProfile out = in;
  for (profile::TableProfile& t : out.tables)
    for (profile::ColumnProfile& c : t.columns) {
      if (!c.personal) continue;
      const auto hide = [&](std::string& value) {
        if (!value.empty()) value = Pseudonym(key, c.name, value);
      };
      for (profile::ValueCount& v : c.top) hide(v.value);
      hide(c.min);
      hide(c.max);
      for (auto& spellings : c.case_variants)
        for (std::string& s : spellings) hide(s);
      for (profile::DateFormatCount& f : c.date_formats) hide(f.example);
      hide(c.earliest_date);
      hide(c.latest_date);
    }
  return out;
}

core::Status WriteProfileReports(const profile::SourceProfile& profile, const PrivacyOptions& privacy,
                                 const std::filesystem::path& dir) {
  HANDOVER_RETURN_IF_ERROR(EnsurePrivateDirectory(dir));
  const profile::SourceProfile shown =
      privacy.show_personal_data ? profile : PseudonymiseProfile(profile, privacy.pseudonym_key);
  HANDOVER_RETURN_IF_ERROR(WritePrivateFile(dir / "profile.json", ProfileJson(shown, privacy.show_personal_data)));
  HANDOVER_RETURN_IF_ERROR(WritePrivateFile(dir / "profile.html", ProfileHtml(shown, privacy.show_personal_data)));
  return WriteProfileWorkbook(dir / "profile.xlsx", shown, privacy.show_personal_data);
}

}  // namespace handover::reports
