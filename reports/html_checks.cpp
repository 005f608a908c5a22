#include "reports/html_checks.h"

#include "reports/html_page.h"
#include "reports/money_text.h"
#include "reports/svg_charts.h"

namespace handover::reports {
namespace {

std::string E(std::string_view text) { return HtmlEscape(text); }
std::string Num(int64_t n) { return "<td class=\"n\">" + Grouped(n) + "</td>"; }
std::string Money(int64_t pence) { return "<td class=\"n\">" + Pounds(pence) + "</td>"; }
std::string Signed(int64_t n) { return "<td class=\"n\">" + std::string(n > 0 ? "+" : "") + Grouped(n) + "</td>"; }

void DifferencesTable(std::string& out, const MoneyByPerson& m) {
  out += "<table class=\"differences\"><thead><tr><th>person</th><th>month</th><th>type</th><th class=\"n\">source</th>"
         "<th class=\"n\">ledger</th><th class=\"n\">loaded</th><th class=\"n\">council</th><th>records</th></tr>"
         "</thead><tbody>";
  for (const MoneyDifference& d : m.differences) {
    std::string records;
    for (const MoneyRecord& rec : d.records)
      records += (records.empty() ? "" : "<br>") +
                 (rec.legacy_key.empty() ? std::string("-") : "<code>" + E(rec.legacy_key) + "</code>") + " " +
                 E(rec.outcome.empty() ? "no ledger line" : rec.outcome) +
                 (rec.target_key.empty() ? "" : " as council id " + E(rec.target_key));
    out += "<tr><td>" + E(d.person.empty() ? "(none)" : d.person) + "</td><td>" + E(d.month) + "</td><td>" +
           E(d.type) + "</td>" + Money(d.source) + Money(d.ledger) + Money(d.loaded) + Money(d.target) + "<td>" +
           records + "</td></tr>";
  }
  out += "</tbody></table>";
  if (m.differing_groups > static_cast<int64_t>(m.differences.size()))
    out += "<p class=\"note\">The first " + Grouped(static_cast<int64_t>(m.differences.size())) + " of " +
           Grouped(m.differing_groups) + " are listed; reconciliation.json has them with their records.</p>";
}

}  // namespace

void MoneyByPersonSection(std::string& out, const Reconciliation& r) {
  out += "<section id=\"money-by-person\"><h2>Money per young person</h2>";
  if (r.money_by_person.empty()) {
    out += "<p>Not measured: the mapping set declares no money measures (docs/reconciliation.md).</p></section>";
    return;
  }
  out += "<p>Every penny read three ways, per young person, month and type: the source read again by the mapping "
         "set's money measures, the ledger's outcome of each record, and the council's tables summed on the target. "
         "The source must equal what the ledger carried, and what was loaded what the council holds.</p>";
  for (const MoneyByPerson& m : r.money_by_person) {
    out += "<h3>" + E(m.mapping) + "</h3><p class=\"equation\">" + Grouped(m.records) + " records in " +
           Grouped(m.groups) + " person, month and type groups: source <strong>" + Pounds(m.source_pence) +
           "</strong>, ledger " + Pounds(m.ledger_pence) + "; loaded " + Pounds(m.loaded_pence) + ", council <strong>" +
           Pounds(m.target_pence) + "</strong>. ";
    out += m.balanced() ? "<strong>Every group agrees.</strong></p>"
                        : "<strong>" + Grouped(m.differing_groups) + " groups differ" +
                              (m.unmatched_records ? ", " + Grouped(m.unmatched_records) +
                                                         " records have no ledger line of their own"
                                                   : std::string()) +
                              ".</strong></p>";
    std::vector<MonthPoint> months;
    for (const MonthMoney& month : m.by_month)
      if (!month.month.empty()) months.push_back({month.month, month.source, month.target});
    out += "<figure><figcaption>" + E(m.mapping) +
           " by month: the source's money, every record (dashed), and the council's (solid)</figcaption>" +
           MonthlyMoneySvg(m.mapping + " money by month, source and council", months, 720) + "</figure>";
    if (!m.differences.empty()) DifferencesTable(out, m);
  }
  out += "</section>";
}

void StatutoryComparisonSection(std::string& out, const Reconciliation& r) {
  if (!r.statutory || !r.oc3) return;
  const StatutoryComparison& c = *r.statutory;
  const Oc3Figures& before = c.source;
  const Oc3Figures& after = *r.oc3;
  out += "<section id=\"oc3-before-after\"><h2>Statutory figures before and after</h2><p>The OC3 return at " +
         E(after.at.ToIso()) + " computed on the source by the mapping set's OC3 measures, and on the migrated data. " +
         (c.equal() ? "<strong>They are the same, person by person.</strong>"
                    : "<strong>They differ: " + Grouped(c.people_differing) + " cohort figures moved.</strong>") +
         "</p><table><thead><tr><th>figure</th><th class=\"n\">in the source</th><th class=\"n\">migrated</th>"
         "<th class=\"n\">difference</th></tr></thead><tbody>";
  const auto row = [&out](const std::string& name, int64_t b, int64_t a) {
    out += "<tr" + std::string(a != b ? " class=\"moved\"" : "") + "><td>" + E(name) + "</td>" + Num(b) + Num(a) +
           Signed(a - b) + "</tr>";
  };
  row("cohort", before.cohort, after.cohort);
  row("in touch", before.in_touch_yes, after.in_touch_yes);
  row("in education, employment or training", before.in_eet, after.in_eet);
  row("in suitable accommodation", before.in_suitable, after.in_suitable);
  const auto codes = [&](const char* name, const std::map<std::string, int64_t>& b,
                         const std::map<std::string, int64_t>& a) {
    std::map<std::string, std::pair<int64_t, int64_t>> all;
    for (const auto& [code, n] : b) all[code].first = n;
    for (const auto& [code, n] : a) all[code].second = n;
    for (const auto& [code, n] : all) row(std::string(name) + " " + code, n.first, n.second);
  };
  codes("IN_TOUCH", before.in_touch, after.in_touch);
  codes("ACTIV", before.activity, after.activity);
  codes("ACCOM", before.accommodation, after.accommodation);
  out += "</tbody></table>";
  if (!c.people.empty()) {
    out += "<h3>Cohort members whose figures moved</h3><table><thead><tr><th>person</th><th>figure</th>"
           "<th>in the source</th><th>migrated</th></tr></thead><tbody>";
    for (const PersonFigureDifference& p : c.people)
      out += "<tr><td>" + E(p.person) + "</td><td>" + E(p.figure) + "</td><td>" + E(p.source) + "</td><td>" +
             E(p.target) + "</td></tr>";
    out += "</tbody></table>";
    if (c.people_differing > static_cast<int64_t>(c.people.size()))
      out += "<p class=\"note\">The first " + Grouped(static_cast<int64_t>(c.people.size())) + " of " +
             Grouped(c.people_differing) + " are listed; reconciliation.json has the same list.</p>";
  }
  out += "</section>";
}

}  // namespace handover::reports
