// OC3 figures from the council's tables: the cohort first (people are few
// beside their history), then one streamed pass over each history table.
#include "reports/query_text.h"
#include "reports/oc3_figures.h"


namespace handover::reports {
namespace {

// Streams `sql` (person_id, date, end date or '', id, code) into the builder.
core::Status ReadRecords(db::Database& target, const std::string& sql, const std::string& what,
                         Oc3Builder::Stream stream, bool is_episode, Oc3Builder& builder) {
  return target.ForEachRow(sql, 5, "reading " + what + " for the OC3 figures", [&](std::vector<std::string>& row) {
    const int64_t person = IntFromText(row[0]);
    if (!builder.InCohort(person)) return;
    const auto date = DateFromText(row[1]);
    if (!date) return;
    builder.AddRecord(stream, person, *date, row[2].empty() ? std::nullopt : DateFromText(row[2]), is_episode,
                      IntFromText(row[3]), std::move(row[4]));
  });
}

}  // namespace

std::string Oc3Figures::Percent(int64_t count) const {
  if (cohort == 0) return "0.0";
  // Tenths of a percent, rounded half up, in integers: (1000 n / c) + 1/2.
  const int64_t tenths = (2000 * count + cohort) / (2 * cohort);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

bool HasOc3Tables(const core::Catalog& target) {
  for (const char* table : {"person", "contact", "activity_episode", "accommodation_episode", "code_activity"})
    if (!target.Find(table)) return false;
  return true;
}

void Oc3Builder::AddPerson(int64_t id, std::optional<core::Date> date_of_birth, bool case_open) {
  if (!date_of_birth || !case_open) return;
  const int age = date_of_birth->FullYearsTo(at_);
  if (age < 17 || age > 25) return;
  latest_[id];
}

void Oc3Builder::AddRecord(Stream stream, int64_t id, core::Date start, std::optional<core::Date> end,
                           bool is_episode, int64_t order, std::string code) {
  auto member = latest_.find(id);
  if (member == latest_.end() || start > at_) return;
  if (is_episode && end && *end < at_) return;
  Latest& latest = member->second[stream];
  if (latest.order < 0 || start > latest.date || (start == latest.date && order > latest.order))
    latest = {start, order, std::move(code)};
}

Oc3Figures Oc3Builder::Finish(const std::set<std::string>& eet_codes) const {
  Oc3Figures f;
  f.at = at_;
  f.cohort = static_cast<int64_t>(latest_.size());
  for (const auto& [id, streams] : latest_) {
    std::array<std::string, 3> codes;
    for (size_t s = 0; s < 3; ++s) codes[s] = streams[s].order < 0 ? std::string("none") : streams[s].code;
    ++f.in_touch[codes[kInTouch]];
    ++f.activity[codes[kActivity]];
    ++f.accommodation[codes[kAccommodation]];
    if (codes[kInTouch] == "YES") ++f.in_touch_yes;
    if (eet_codes.count(codes[kActivity])) ++f.in_eet;
    const std::string& accom = codes[kAccommodation];
    if (accom.size() == 2 && accom[1] == '1') ++f.in_suitable;
    f.codes_by_person.emplace(id, std::move(codes));
  }
  return f;
}

core::Result<std::set<std::string>> ReadEetCodes(db::Database& target) {
  std::set<std::string> eet_codes;
  HANDOVER_RETURN_IF_ERROR(target.ForEachRow(
      "SELECT CAST(code AS VARCHAR(20)) FROM code_activity WHERE in_eet = 1", 1,
      "reading the activity codes for the OC3 figures",
      [&](std::vector<std::string>& row) { eet_codes.insert(std::move(row[0])); }));
  return eet_codes;
}

core::Result<Oc3Figures> ComputeOc3(db::Database& target, core::Date at) {
  Oc3Builder builder(at);
  HANDOVER_RETURN_IF_ERROR(target.ForEachRow(
      "SELECT CAST(person_id AS VARCHAR(20)), CAST(date_of_birth AS VARCHAR(32)), CAST(case_status AS VARCHAR(20)) "
      "FROM person",
      3, "reading people for the OC3 figures",
      [&](std::vector<std::string>& row) { builder.AddPerson(IntFromText(row[0]), DateFromText(row[1]), row[2] == "OPEN"); }));
  HANDOVER_RETURN_IF_ERROR(ReadRecords(target,
                                       "SELECT CAST(person_id AS VARCHAR(20)), CAST(contact_date AS VARCHAR(32)), "
                                       "CAST('' AS VARCHAR(1)), CAST(contact_id AS VARCHAR(20)), "
                                       "CAST(in_touch_code AS VARCHAR(20)) FROM contact",
                                       "contacts", Oc3Builder::kInTouch, /*is_episode=*/false, builder));
  HANDOVER_RETURN_IF_ERROR(ReadRecords(target,
                                       "SELECT CAST(person_id AS VARCHAR(20)), CAST(start_date AS VARCHAR(32)), "
                                       "CAST(COALESCE(CAST(end_date AS VARCHAR(32)), '') AS VARCHAR(32)), "
                                       "CAST(episode_id AS VARCHAR(20)), CAST(activity_code AS VARCHAR(20)) "
                                       "FROM activity_episode",
                                       "activity episodes", Oc3Builder::kActivity, /*is_episode=*/true, builder));
  HANDOVER_RETURN_IF_ERROR(ReadRecords(target,
                                       "SELECT CAST(person_id AS VARCHAR(20)), CAST(start_date AS VARCHAR(32)), "
                                       "CAST(COALESCE(CAST(end_date AS VARCHAR(32)), '') AS VARCHAR(32)), "
                                       "CAST(episode_id AS VARCHAR(20)), CAST(accom_code AS VARCHAR(20)) "
                                       "FROM accommodation_episode",
                                       "accommodation episodes", Oc3Builder::kAccommodation, /*is_episode=*/true,
                                       builder));
  auto eet = ReadEetCodes(target);
  if (!eet.ok()) return eet.status();
  return builder.Finish(*eet);
}

}  // namespace handover::reports
