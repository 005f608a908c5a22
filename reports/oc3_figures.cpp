// OC3 figures from the council's tables: the cohort first (people are few
// beside their history), then one streamed pass over each history table.
#include "reports/oc3_figures.h"

#include <charconv>
#include <set>
#include <unordered_map>

namespace handover::reports {
namespace {

int64_t ToInt(const std::string& text) {
  int64_t v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

// Dates arrive as text: "YYYY-MM-DD" on every backend (PostgreSQL DATE cast
// to text, SQLite's ISO text), possibly with a time part from some drivers.
std::optional<core::Date> ToDate(const std::string& text) {
  return core::Date::ParseIso(text.substr(0, 10));
}

// The latest row per cohort member by (date, id): for contacts.
struct Latest {
  core::Date date;
  int64_t id = -1;
  std::string code;
};

bool Later(core::Date date, int64_t id, const Latest& than) {
  return than.id < 0 || date > than.date || (date == than.date && id > than.id);
}

// Reads `sql` (person_id, date, end date or '', id, code) and keeps, per
// cohort member, the latest row whose date is on or before `at` and, when
// `covering` (an episode), whose end is blank or on/after `at`.
core::Status KeepLatest(db::Database& target, const std::string& sql, const std::string& what, core::Date at,
                        bool covering, std::unordered_map<int64_t, Latest>& latest) {
  return target.ForEachRow(sql, 5, "reading " + what + " for the OC3 figures", [&](std::vector<std::string>& row) {
    auto member = latest.find(ToInt(row[0]));
    if (member == latest.end()) return;
    const auto date = ToDate(row[1]);
    if (!date || *date > at) return;
    if (covering && !row[2].empty()) {
      const auto end = ToDate(row[2]);
      if (end && *end < at) return;
    }
    const int64_t id = ToInt(row[3]);
    if (Later(*date, id, member->second)) member->second = {*date, id, std::move(row[4])};
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

core::Result<Oc3Figures> ComputeOc3(db::Database& target, core::Date at) {
  Oc3Figures f;
  f.at = at;
  std::unordered_map<int64_t, Latest> in_touch, activity, accommodation;
  core::Status read = target.ForEachRow(
      "SELECT CAST(person_id AS VARCHAR(20)), CAST(date_of_birth AS VARCHAR(32)), CAST(case_status AS VARCHAR(20)) "
      "FROM person",
      3, "reading people for the OC3 figures", [&](std::vector<std::string>& row) {
        const auto dob = ToDate(row[1]);
        if (!dob || row[2] != "OPEN") return;
        const int age = dob->FullYearsTo(at);
        if (age < 17 || age > 25) return;
        const int64_t id = ToInt(row[0]);
        in_touch[id];
        activity[id];
        accommodation[id];
      });
  HANDOVER_RETURN_IF_ERROR(read);
  f.cohort = static_cast<int64_t>(in_touch.size());
  HANDOVER_RETURN_IF_ERROR(KeepLatest(target,
                                      "SELECT CAST(person_id AS VARCHAR(20)), CAST(contact_date AS VARCHAR(32)), "
                                      "CAST('' AS VARCHAR(1)), CAST(contact_id AS VARCHAR(20)), "
                                      "CAST(in_touch_code AS VARCHAR(20)) FROM contact",
                                      "contacts", at, /*covering=*/false, in_touch));
  HANDOVER_RETURN_IF_ERROR(KeepLatest(target,
                                      "SELECT CAST(person_id AS VARCHAR(20)), CAST(start_date AS VARCHAR(32)), "
                                      "CAST(COALESCE(CAST(end_date AS VARCHAR(32)), '') AS VARCHAR(32)), "
                                      "CAST(episode_id AS VARCHAR(20)), CAST(activity_code AS VARCHAR(20)) "
                                      "FROM activity_episode",
                                      "activity episodes", at, /*covering=*/true, activity));
  HANDOVER_RETURN_IF_ERROR(KeepLatest(target,
                                      "SELECT CAST(person_id AS VARCHAR(20)), CAST(start_date AS VARCHAR(32)), "
                                      "CAST(COALESCE(CAST(end_date AS VARCHAR(32)), '') AS VARCHAR(32)), "
                                      "CAST(episode_id AS VARCHAR(20)), CAST(accom_code AS VARCHAR(20)) "
                                      "FROM accommodation_episode",
                                      "accommodation episodes", at, /*covering=*/true, accommodation));
  std::set<std::string> eet_codes;
  HANDOVER_RETURN_IF_ERROR(target.ForEachRow(
      "SELECT CAST(code AS VARCHAR(20)) FROM code_activity WHERE in_eet = 1", 1,
      "reading the activity codes for the OC3 figures",
      [&](std::vector<std::string>& row) { eet_codes.insert(std::move(row[0])); }));
  const auto code_of = [](const Latest& l) { return l.id < 0 ? std::string("none") : l.code; };
  for (const auto& [id, latest] : in_touch) {
    const std::string code = code_of(latest);
    ++f.in_touch[code];
    if (code == "YES") ++f.in_touch_yes;
  }
  for (const auto& [id, latest] : activity) {
    const std::string code = code_of(latest);
    ++f.activity[code];
    if (eet_codes.count(code)) ++f.in_eet;
  }
  for (const auto& [id, latest] : accommodation) {
    const std::string code = code_of(latest);
    ++f.accommodation[code];
    if (code.size() == 2 && code[1] == '1') ++f.in_suitable;
  }
  return f;
}

}  // namespace handover::reports
