// Oc3Figures: the statutory OC3 return for care leavers (SSDA903: in touch,
// activity, accommodation), computed from the council's migrated data at a
// date, so the go/no-go meeting sees the figures the council will report
// before and after the move. Computed inside the run's transaction, so a
// rehearsal shows them although it is rolled back.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
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
};

// The tables the figures are read from (the council's leaving care model).
bool HasOc3Tables(const core::Catalog& target);

// Computes the figures at `at` from the target's person, contact,
// activity_episode, accommodation_episode and code_activity tables: the
// latest contact (latest date, then highest id), and the episode covering
// `at` (start on or before, end blank or on/after; latest start, then
// highest id). Streams each table once; memory grows with the cohort only.
core::Result<Oc3Figures> ComputeOc3(db::Database& target, core::Date at);

}  // namespace handover::reports
