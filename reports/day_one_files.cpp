// The day-one pack's three files, each owner-only and whole or not at all.
#include "load/run_record.h"
#include "reports/day_one_renderers.h"
#include "reports/pseudonym.h"
#include "reports/report_files.h"

#include <algorithm>

namespace handover::reports {

ShownPerson ShowPerson(const DayOneFigures& figures, const std::string& legacy_ref, const PrivacyOptions& privacy) {
  const auto found = figures.people.find(legacy_ref);
  if (found == figures.people.end()) return {};
  const DayOnePerson& p = found->second;
  ShownPerson shown{p.forename + " " + p.surname, p.date_of_birth ? p.date_of_birth->ToIso() : ""};
  if (privacy.show_personal_data) return shown;
  return {Pseudonym(privacy.pseudonym_key, "name", shown.name),
          shown.date_of_birth.empty() ? "" : Pseudonym(privacy.pseudonym_key, "date_of_birth", shown.date_of_birth)};
}

std::string ReviewDue(const DayOneFigures& figures, const std::string& legacy_ref) {
  const auto found = figures.review_due.find(legacy_ref);
  return found == figures.review_due.end() ? "" : found->second.ToIso();
}

std::string ReviewStatus(const Caseload& c, const std::vector<std::string>& without_plan, const std::string& ref) {
  const auto in = [&ref](const std::vector<std::string>& sorted) {
    return std::binary_search(sorted.begin(), sorted.end(), ref);
  };
  if (in(c.overdue)) return "overdue";
  if (in(c.due_within_4_weeks)) return "due within 4 weeks";
  if (in(c.due_within_8_weeks)) return "due within 8 weeks";
  if (in(without_plan)) return "no current plan";
  return "";
}

core::Status WriteDayOnePack(const DayOneFigures& figures, const PrivacyOptions& privacy,
                             const std::filesystem::path& dir) {
  HANDOVER_RETURN_IF_ERROR(EnsurePrivateDirectory(dir));
  HANDOVER_RETURN_IF_ERROR(WritePrivateFile(dir / "dayone.json", RenderDayOneJson(figures)));
  HANDOVER_RETURN_IF_ERROR(
      WritePrivateFile(dir / "dayone.html", RenderDayOneHtml(figures, privacy, load::UtcTimestamp())));
  return WriteDayOneWorkbook(figures, privacy, dir / "dayone.xlsx");
}

}  // namespace handover::reports
