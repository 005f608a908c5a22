// Oc3Figures: the statutory OC3 return for care leavers (SSDA903: in touch,
// activity, accommodation), computed from the council's migrated data at a
// date, so the go/no-go meeting sees the figures the council will report
// before and after the move. Computed inside the run's transaction, so a
// rehearsal shows them although it is rolled back.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <unordered_map>
#include <optional>
#include <set>
#include <string>

#include "core/schema.h"
#include "core/status.h"
#include "core/value.h"
#include "db/database.h"

namespace handover::reports {

struct Oc3Figures {
  core::Date at;
  // People whose case is open and who are aged 17 to 25 (full years) at `at`.
  int64_t cohort = 0;
  // Each cohort member's code at `at`, counted by code; "none" when the
  // council holds no contact / covering episode for them.
  std::map<std::string, int64_t> in_touch, activity, accommodation;
  int64_t in_touch_yes = 0;  // IN_TOUCH YES
  int64_t in_eet = 0;        // ACTIV codes the council's code set marks in_eet
  int64_t in_suitable = 0;   // ACCOM codes ending in 1
  // Percentages of the cohort, one decimal, rounded half up ("72.1").
  std::string pct_in_touch() const { return Percent(in_touch_yes); }
  std::string pct_eet() const { return Percent(in_eet); }
  std::string pct_suitable_accommodation() const { return Percent(in_suitable); }
  std::string Percent(int64_t count) const;
  // Each cohort member's three codes (IN_TOUCH, ACTIV, ACCOM), by person id:
  // what the per-person comparison of source and target reads (not reported).
  std::unordered_map<int64_t, std::array<std::string, 3>> codes_by_person;
};

// Builds the figures from the return's inputs, from either side (the
// council's tables here, the source's measures in oc3_source.h): people
// first, then their contacts and episodes in any order. `order` breaks ties
// between records of the same date (the later wins).
class Oc3Builder {
 public:
  enum Stream { kInTouch = 0, kActivity = 1, kAccommodation = 2 };
  explicit Oc3Builder(core::Date at) : at_(at) {}
  // Joins the cohort if the case is open and aged 17 to 25 (full years) at the date.
  void AddPerson(int64_t id, std::optional<core::Date> date_of_birth, bool case_open);
  bool InCohort(int64_t id) const { return latest_.count(id) > 0; }
  // A contact (no end) or an episode: kept when it starts on or before the
  // date and, for an episode, ends blank or on/after it.
  void AddRecord(Stream stream, int64_t id, core::Date start, std::optional<core::Date> end, bool is_episode,
                 int64_t order, std::string code);
  // The figures; ACTIV codes in `eet_codes` count as in education,
  // employment or training, ACCOM codes ending in 1 as suitable.
  Oc3Figures Finish(const std::set<std::string>& eet_codes) const;

 private:
  struct Latest {
    core::Date date;
    int64_t order = -1;
    std::string code;
  };
  core::Date at_;
  std::unordered_map<int64_t, std::array<Latest, 3>> latest_;
};

// The ACTIV codes the council's code_activity table marks in_eet.
core::Result<std::set<std::string>> ReadEetCodes(db::Database& target);

// The tables the figures are read from (the council's leaving care model).
bool HasOc3Tables(const core::Catalog& target);

// Computes the figures at `at` from the target's person, contact,
// activity_episode, accommodation_episode and code_activity tables: the
// latest contact (latest date, then highest id), and the episode covering
// `at` (start on or before, end blank or on/after; latest start, then
// highest id). Streams each table once; memory grows with the cohort only.
core::Result<Oc3Figures> ComputeOc3(db::Database& target, core::Date at);

}  // namespace handover::reports
