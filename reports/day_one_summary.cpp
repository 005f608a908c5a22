// The day-one pack's terminal summary: the figures a migration lead reads
// out on the first morning, and where the files are.
#include "reports/day_one_renderers.h"
#include "reports/money_text.h"

namespace handover::reports {

std::string RenderDayOneSummary(const DayOneFigures& f, const std::filesystem::path& dir) {
  int64_t first_run_pence = 0, provider_pence = 0;
  for (const auto& [type, t] : f.first_run_lines.totals_by_type) {
    first_run_pence += t.council_first_run_pence;
    provider_pence += t.provider_last_pence;
  }
  int64_t flagged = 0;
  for (const auto& [flag, count] : f.first_run_lines.flag_counts) flagged += count;
  std::string out = "Day one at " + f.cutover.ToIso() + " (first payment run " + f.first_run.ToIso() + ")\n";
  out += "  caseloads: " + Grouped(f.open_cases) + " open cases, " + Grouped(static_cast<int64_t>(f.by_staff.size())) +
         " staff with cases; " + Grouped(static_cast<int64_t>(f.unallocated.cases.size())) + " unallocated, " +
         Grouped(f.open_cases_with_inactive_staff) + " with inactive staff, " + Grouped(f.unresolved_pa_allocations) +
         " allocations whose PA was not resolved\n";
  out += "  reviews: " + Grouped(f.overdue) + " overdue, " + Grouped(f.due_within_4_weeks) + " due within 4 weeks, " +
         Grouped(f.due_within_8_weeks) + " within 8 weeks; " +
         Grouped(static_cast<int64_t>(f.without_current_plan.size())) + " open cases without a current plan\n";
  out += "  first payment run: " + Grouped(static_cast<int64_t>(f.first_run_lines.lines.size())) + " lines, " +
         Pounds(first_run_pence) + " (the provider's last payments: " + Pounds(provider_pence) + "); " +
         Grouped(static_cast<int64_t>(f.first_run_lines.not_in_first_run.size())) + " arrangements whose first period begins after the run; " +
         Grouped(flagged) + " flags to clear\n";
  int64_t balance_pence = 0, balance_count = 0;
  for (const auto& [type, cp] : f.balance_totals) {
    balance_count += cp.first;
    balance_pence += cp.second;
  }
  out += "  opening balances: " + Grouped(balance_count) + ", " + Pounds(balance_pence) + "\n";
  out += "  pack: " + (dir / "dayone.html").string() + "  (one section per Personal Adviser)\n";
  out += "        dayone.json, dayone.xlsx beside it\n";
  return out;
}

}  // namespace handover::reports
