// DayOneFigures: the council's first morning after a service transfer,
// computed from the migrated council database (docs/dayone.md): each
// Personal Adviser's open cases at the cut-over, the pathway plan reviews
// due and overdue, the first payment run set against the provider's last
// payments, and the opening balances. The answer key's `day_one` section
// (generator/day_one_key.h) holds the same figures under the same names.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/schema.h"
#include "core/status.h"
#include "core/value.h"
#include "db/database.h"
#include "reports/first_payment_run.h"
#include "transform/params.h"

namespace handover::reports {

// A young person as the pack's pages and sheets name them (the JSON carries
// the legacy reference only).
struct DayOnePerson {
  std::string legacy_ref, forename, surname;
  std::optional<core::Date> date_of_birth;
};

// One Personal Adviser's open cases (or, without a staff member, the open
// cases nobody is allocated to) and their reviews, by legacy reference.
struct Caseload {
  std::optional<int64_t> staff_id, legacy_worker_id;  // nullopt: unallocated
  std::string staff;
  bool active = true;
  std::vector<std::string> cases, overdue, due_within_4_weeks, due_within_8_weeks;
};

// One opening balance of a young person.
struct BalanceLine {
  std::string legacy_ref, balance_type;
  int64_t pence = 0;
};

// The setting-up-home allowance an open case can still claim.
struct SetUpHomeLine {
  std::string legacy_ref;
  int64_t entitlement_pence = 0, paid_pence = 0, available_pence = 0;
};

// Everything the pack shows, computed once and handed to each renderer.
struct DayOneFigures {
  core::Date cutover, first_run;
  // Caseloads: every open case, by the staff member allocated at the cut-over.
  int64_t open_cases = 0;
  std::vector<Caseload> by_staff;  // by staff name, then id; staff with open cases only
  Caseload unallocated;
  int64_t open_cases_with_inactive_staff = 0;
  int64_t unresolved_pa_allocations = 0;  // allocations rejected unresolved_worker (ledger)
  // Reviews: of each open case's latest current plan.
  int64_t overdue = 0, due_within_4_weeks = 0, due_within_8_weeks = 0;
  std::vector<std::string> without_current_plan;
  // The first payment run.
  FirstPaymentRun first_run_lines;
  // Balances.
  std::map<std::string, std::pair<int64_t, int64_t>> balance_totals;  // type -> count, pence
  std::vector<BalanceLine> balances;
  std::vector<SetUpHomeLine> setting_up_home;
  // Each open case's current plan review date, by legacy reference, for the
  // pages and sheets (the JSON lists the cases by when it falls).
  std::map<std::string, core::Date> review_due;
  // Names and dates of birth by legacy reference, for the pages and sheets.
  std::map<std::string, DayOnePerson> people;
};

// Settings of the pack: the cut-over and the first payment run's date.
struct DayOneOptions {
  core::Date cutover;
  std::optional<core::Date> first_run;  // nullopt: the cut-over
};

// The options from run parameters: `cutover` (required) and `first_run`
// (optional), each YYYY-MM-DD; other parameters are the mappings' and are
// ignored. Fails (kUsage) with one line saying what to give.
core::Result<DayOneOptions> DayOneOptionsFrom(const transform::Params& params);

// The tables the pack reads; names the first one the target lacks, or "".
std::string MissingDayOneTable(const core::Catalog& target);

// Computes the pack from the council tables (person, staff, allocation,
// pathway_plan, payment_arrangement, payment, opening_balance and the code
// tables) and, where present, load's ledger. Read-only; fails
// with the query's context when the target cannot answer.
core::Result<DayOneFigures> ComputeDayOne(db::Database& target, const DayOneOptions& options);

// The setting-up-home entitlement for an allowance first paid on `date`:
// £2,000, £3,000 from 1 April 2023.
int64_t SetUpHomeEntitlementPence(core::Date date);

}  // namespace handover::reports
