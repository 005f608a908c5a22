// The council's first payment run, previewed: each payment arrangement's
// first council payment (the periods it covers, the amount), set against
// the provider's last payment of the same type to the same young person,
// with the flags finance must clear before the run (docs/dayone.md). Pure
// functions over rows the caller read, so each rule is testable alone.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/value.h"

namespace handover::reports {

// A council payment arrangement, as the run sees it.
struct ArrangementRow {
  std::string legacy_ref, payment_type, frequency;
  std::optional<int64_t> legacy_schedule_id;
  int64_t amount_pence = 0, period_days = 0;
  core::Date start;
  std::optional<core::Date> end;
};

// The provider's last payment for a young person and type: its period's
// first day and its amount.
struct LastPayment {
  core::Date period_start;
  int64_t pence = 0;
};

// One arrangement in the preview. `periods` is 0 when the first run pays
// nothing yet (paid in advance); flags are the worklist codes.
struct FirstRunLine {
  ArrangementRow arrangement;
  int64_t periods = 0, amount_pence = 0;
  std::optional<core::Date> first_period_end;
  std::optional<LastPayment> provider_last;
  std::vector<std::string> flags;
};

// A young person paid recurring payments in the two months before the
// cut-over who has no arrangement.
struct NoArrangementLine {
  std::string legacy_ref;
  core::Date last_paid_date;
};

// Per payment type: arrangements, lines in the first run, the provider's
// last payments and the council's first run, in pence.
struct RunTotals {
  int64_t arrangements = 0, lines = 0, provider_last_pence = 0, council_first_run_pence = 0;
};

// The whole preview: the lines, the arrangements the run does not pay yet,
// the young people flagged for payments without an arrangement, and totals.
struct FirstPaymentRun {
  std::vector<FirstRunLine> lines, not_in_first_run;  // each by legacy ref, type, schedule
  std::vector<NoArrangementLine> no_arrangement;     // by legacy ref
  std::map<std::string, int64_t> flag_counts;
  std::map<std::string, RunTotals> totals_by_type;
};

// The line of one arrangement: a run on `run_date` pays every period that
// begins on or before it (none past the end date); periods that began before
// the cut-over and nobody paid flag `arrears` (more than two:
// `unpaid_over_two_periods`); against the provider's last payment, a day
// between its period and the first council period is a `gap`, a day paid
// by both an `overlap`, another amount an `amount_change`.
FirstRunLine FirstRunLineFor(const ArrangementRow& arrangement, const std::optional<LastPayment>& last,
                             core::Date cutover, core::Date run_date);

// Adds the line to the run (lines or not_in_first_run, totals, flag counts).
void AddToRun(FirstRunLine line, FirstPaymentRun& run);

// Sorts the run's lists into their documented order.
void SortRun(FirstPaymentRun& run);

}  // namespace handover::reports
