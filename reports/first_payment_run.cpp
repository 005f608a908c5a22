#include "reports/first_payment_run.h"

#include <algorithm>
#include <tuple>

namespace handover::reports {
namespace {

core::Date Plus(core::Date date, int64_t days) { return core::Date{static_cast<int32_t>(date.days + days)}; }

auto LineKey(const FirstRunLine& line) {
  const ArrangementRow& a = line.arrangement;
  return std::tie(a.legacy_ref, a.payment_type, a.legacy_schedule_id);
}

}  // namespace

FirstRunLine FirstRunLineFor(const ArrangementRow& arrangement, const std::optional<LastPayment>& last,
                             core::Date cutover, core::Date run_date) {
  FirstRunLine line;
  line.arrangement = arrangement;
  line.provider_last = last;
  const int64_t period = std::max<int64_t>(1, arrangement.period_days);
  const core::Date start = arrangement.start;
  int64_t periods = start > run_date ? 0 : (run_date.days - start.days) / period + 1;
  if (arrangement.end) periods = std::clamp<int64_t>((arrangement.end->days - start.days) / period + 1, 0, periods);
  line.periods = periods;
  line.amount_pence = periods * arrangement.amount_pence;
  if (periods > 0) line.first_period_end = Plus(start, periods * period - 1);
  // Periods that began before the cut-over are arrears: the provider's last
  // run did not pay them, so the council's first must.
  const int64_t arrears = start < cutover ? (cutover.days - start.days + period - 1) / period : 0;
  if (arrears > 0) line.flags.push_back("arrears");
  if (arrears > 2) line.flags.push_back("unpaid_over_two_periods");
  if (last) {
    const core::Date last_end = Plus(last->period_start, period - 1);
    if (Plus(last_end, 1) < start) line.flags.push_back("gap");
    if (last_end >= start) line.flags.push_back("overlap");
    if (last->pence != arrangement.amount_pence) line.flags.push_back("amount_change");
  }
  return line;
}

void AddToRun(FirstRunLine line, FirstPaymentRun& run) {
  for (const std::string& flag : line.flags) ++run.flag_counts[flag];
  RunTotals& totals = run.totals_by_type[line.arrangement.payment_type];
  ++totals.arrangements;
  if (line.provider_last) totals.provider_last_pence += line.provider_last->pence;
  totals.council_first_run_pence += line.amount_pence;
  if (line.periods > 0) {
    ++totals.lines;
    run.lines.push_back(std::move(line));
  } else {
    run.not_in_first_run.push_back(std::move(line));
  }
}

void SortRun(FirstPaymentRun& run) {
  const auto by_key = [](const FirstRunLine& a, const FirstRunLine& b) { return LineKey(a) < LineKey(b); };
  std::sort(run.lines.begin(), run.lines.end(), by_key);
  std::sort(run.not_in_first_run.begin(), run.not_in_first_run.end(), by_key);
  std::sort(run.no_arrangement.begin(), run.no_arrangement.end(),
            [](const NoArrangementLine& a, const NoArrangementLine& b) { return a.legacy_ref < b.legacy_ref; });
}

}  // namespace handover::reports
