// dayone.html: the day-one pack as a page a team manager prints. The headline
// figures first, then one section per Personal Adviser (each starts a new
// printed page: their open cases and the reviews due), the unallocated
// cases, the first payment run with its flags, and the balances. Every value
// goes through HtmlEscape (E), numbers through Grouped, money through Pounds.
#include "reports/day_one_renderers.h"
#include "reports/html_page.h"
#include "reports/money_text.h"

namespace handover::reports {
namespace {

constexpr const char* kStyle = R"(
section.pa{break-before:page}section.pa h2{margin-top:2rem}
.personal-data{font-weight:bold;border:2px solid #c62828;padding:.5rem 1rem}
td.flags{color:#c62828}dl.figures{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.figures dt{font-weight:600}dl.figures dd{margin:0}
td.num{text-align:right;font-variant-numeric:tabular-nums}
)";

std::string E(std::string_view text) { return HtmlEscape(text); }
std::string N(int64_t n) { return Grouped(n); }
std::string Td(std::string_view text) { return "<td>" + E(text) + "</td>"; }
std::string Num(const std::string& shown) { return "<td class=\"num\">" + E(shown) + "</td>"; }

std::string Figures(const DayOneFigures& f) {
  int64_t council = 0, provider = 0;
  for (const auto& [type, t] : f.first_run_lines.totals_by_type) {
    council += t.council_first_run_pence;
    provider += t.provider_last_pence;
  }
  std::string out = "<dl class=\"figures\">";
  const auto add = [&](const std::string& term, const std::string& value) {
    out += "<dt>" + E(term) + "</dt><dd>" + E(value) + "</dd>";
  };
  add("Open cases", N(f.open_cases) + " (" + N(static_cast<int64_t>(f.unallocated.cases.size())) +
                        " with no current allocation, " + N(f.open_cases_with_inactive_staff) +
                        " allocated to inactive staff)");
  add("PA names not resolved", N(f.unresolved_pa_allocations) + " allocations (in the worklist)");
  add("Reviews", N(f.overdue) + " overdue, " + N(f.due_within_4_weeks) + " due within 4 weeks, " +
                     N(f.due_within_8_weeks) + " within 8 weeks; " +
                     N(static_cast<int64_t>(f.without_current_plan.size())) + " open cases without a current plan");
  add("First payment run", N(static_cast<int64_t>(f.first_run_lines.lines.size())) + " lines, " + Pounds(council) +
                               " (the provider's last payments: " + Pounds(provider) + ")");
  return out + "</dl>";
}

std::string CaseloadSection(const DayOneFigures& f, const Caseload& c, const PrivacyOptions& privacy) {
  std::string out = "<section class=\"pa\"><h2>" +
                    E(c.staff_id ? c.staff + (c.active ? "" : " (inactive)") : "Open cases with no current allocation") +
                    "</h2><p>" + N(static_cast<int64_t>(c.cases.size())) + " open cases; reviews: " +
                    N(static_cast<int64_t>(c.overdue.size())) + " overdue, " +
                    N(static_cast<int64_t>(c.due_within_4_weeks.size())) + " due within 4 weeks, " +
                    N(static_cast<int64_t>(c.due_within_8_weeks.size())) + " within 8 weeks.</p>";
  out += "<table><thead><tr><th>Legacy reference</th><th>Name</th><th>Date of birth</th><th>Review</th><th>Review due</th></tr></thead><tbody>";
  for (const std::string& ref : c.cases) {
    const ShownPerson person = ShowPerson(f, ref, privacy);
    out += "<tr>" + Td(ref) + Td(person.name) + Td(person.date_of_birth) +
           Td(ReviewStatus(c, f.without_current_plan, ref)) + Td(ReviewDue(f, ref)) + "</tr>";
  }
  return out + "</tbody></table></section>";
}

// Each flag a worklist code of its own, so a reader (or a search) finds it whole.
std::string FlagCells(const std::vector<std::string>& flags) {
  std::string out = "<td class=\"flags\">";
  for (const std::string& flag : flags) out += "<span>" + E(flag) + "</span> ";
  return out + "</td>";
}

std::string RunLines(const std::vector<FirstRunLine>& lines) {
  std::string out =
      "<table><thead><tr><th>Legacy reference</th><th>Type</th><th>Frequency</th><th>First period</th>"
      "<th>Periods</th><th>Amount</th><th>Provider's last period from</th><th>Provider's last amount</th>"
      "<th>Flags</th></tr></thead><tbody>";
  for (const FirstRunLine& line : lines) {
    const ArrangementRow& a = line.arrangement;
    out += "<tr>" + Td(a.legacy_ref) + Td(a.payment_type) + Td(a.frequency) +
           Td(a.start.ToIso() + (line.first_period_end ? " to " + line.first_period_end->ToIso() : "")) +
           Num(N(line.periods)) + Num(Pounds(line.amount_pence)) +
           Td(line.provider_last ? line.provider_last->period_start.ToIso() : "none") +
           Num(line.provider_last ? Pounds(line.provider_last->pence) : "") + FlagCells(line.flags) + "</tr>";
  }
  return out + "</tbody></table>";
}

std::string PaymentRun(const DayOneFigures& f) {
  const FirstPaymentRun& run = f.first_run_lines;
  std::string out = "<section><h2>First payment run, " + E(f.first_run.ToIso()) + "</h2>";
  out += "<table><thead><tr><th>Type</th><th>Arrangements</th><th>Lines</th><th>Provider's last payments</th>"
         "<th>Council's first run</th></tr></thead><tbody>";
  for (const auto& [type, t] : run.totals_by_type)
    out += "<tr>" + Td(type) + Num(N(t.arrangements)) + Num(N(t.lines)) + Num(Pounds(t.provider_last_pence)) +
           Num(Pounds(t.council_first_run_pence)) + "</tr>";
  out += "</tbody></table><h3>Lines of the first run</h3>" + RunLines(run.lines);
  out += "<h3>Arrangements whose first council period begins after the run (no line in it)</h3>" + RunLines(run.not_in_first_run);
  out += "<h3>Recurring payments in the last two months but no arrangement</h3><table><thead><tr>"
         "<th>Legacy reference</th><th>Last paid</th></tr></thead><tbody>";
  for (const NoArrangementLine& line : run.no_arrangement)
    out += "<tr>" + Td(line.legacy_ref) + Td(line.last_paid_date.ToIso()) + "</tr>";
  return out + "</tbody></table></section>";
}

std::string Balances(const DayOneFigures& f) {
  std::string out = "<section><h2>Opening balances</h2><table><thead><tr><th>Type</th><th>Count</th><th>Amount</th>"
                    "</tr></thead><tbody>";
  for (const auto& [type, cp] : f.balance_totals)
    out += "<tr>" + Td(type) + Num(N(cp.first)) + Num(Pounds(cp.second)) + "</tr>";
  out += "</tbody></table><p>Each young person's balances and the setting-up-home allowance still available to "
         "each open case are on the workbook's Balances sheet.</p></section>";
  return out;
}

}  // namespace

std::string RenderDayOneHtml(const DayOneFigures& f, const PrivacyOptions& privacy, const std::string& generated_at) {
  std::string body = "<h1>Day one: the service at " + E(f.cutover.ToIso()) + "</h1>";
  if (privacy.show_personal_data) body += "<p class=\"personal-data\">" + E(kPersonalDataNotice) + "</p>";
  body += "<p>Written " + E(generated_at) +
          " from the migrated council database. Names and dates of birth are " +
          (privacy.show_personal_data ? "shown" : "pseudonymised") + ".</p>";
  body += Figures(f);
  for (const Caseload& c : f.by_staff) body += CaseloadSection(f, c, privacy);
  if (!f.unallocated.cases.empty()) body += CaseloadSection(f, f.unallocated, privacy);
  body += PaymentRun(f) + Balances(f);
  return HtmlPage("Day one " + f.cutover.ToIso(), kStyle, body);
}

}  // namespace handover::reports
