// report.html, section by section, inside html_page.h's page shell. Each
// section writes into one string; every value goes through HtmlEscape (E
// below), numbers through Grouped and money through Pounds, so no float and
// no unescaped text reach the page.
#include "reports/html_renderer.h"

#include "reports/html_checks.h"

#include <set>

#include "reports/html_page.h"
#include "reports/money_text.h"
#include "reports/reason_codes.h"
#include "reports/svg_charts.h"

namespace handover::reports {
namespace {

constexpr int kChartWidth = 520;
constexpr const char* kLoadedColour = "#2e7d32";
constexpr const char* kRejectedColour = "#c62828";
constexpr const char* kExcludedColour = "#757575";
constexpr const char* kMergedColour = "#1565c0";

// report.html's own layout; the shared style (verdict box, tables) is
// html_page.cpp's.
constexpr const char* kStyle = R"(
dl.run{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:1rem 0 0}
dl.run dt{font-weight:600}dl.run dd{margin:0;font-family:ui-monospace,monospace;word-break:break-all}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(540px,1fr));gap:0 2rem}
figure{margin:1rem 0 1.5rem}figcaption{font-weight:600;margin-bottom:.3rem}svg text{font-size:13px;fill:#1a1a1a}
.code-tables{display:flex;flex-wrap:wrap;gap:0 2.5rem;align-items:flex-start}
dl.meanings dt{margin-top:.5rem}dl.meanings dd{margin-left:1.5rem}
.equation{font-size:1.1rem;font-variant-numeric:tabular-nums}
.sign{margin-top:3rem;display:grid;grid-template-columns:1fr 1fr;gap:2rem}.sign p{border-top:1px solid #333;padding-top:.3rem}
.personal-data{font-weight:bold;border:2px solid #c62828;padding:.5rem 1rem}
tr.moved td{background:#fdeeee}table.differences td{vertical-align:top}
)";

std::string E(std::string_view text) { return HtmlEscape(text); }

// A number cell, right-aligned.
std::string Num(int64_t n) { return "<td class=\"n\">" + Grouped(n) + "</td>"; }

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + E(n);
  return out.empty() ? "none" : out;
}

int64_t Get(const std::map<std::string, int64_t>& by, const std::string& key) {
  const auto it = by.find(key);
  return it == by.end() ? 0 : it->second;
}

// "rejected:orphan" -> {"rejected", "orphan"}.
std::pair<std::string, std::string> SplitReason(const std::string& key) {
  const size_t colon = key.find(':');
  if (colon == std::string::npos) return {"", key};
  return {key.substr(0, colon), key.substr(colon + 1)};
}

void VerdictSection(std::string& out, const Reconciliation& r, std::string_view written_at) {
  const bool go = r.verdict.go;
  out += "<header class=\"verdict-box " + std::string(go ? "go" : "no-go") + "\">";
  out += "<h1>Migration reconciliation: " + std::string(r.run_kind == "run" ? "run " : "rehearsal ") +
         std::to_string(r.run_id) + "</h1>";
  out += "<p class=\"verdict\" id=\"verdict\">" + std::string(go ? "GO" : "NO-GO") + "</p>";
  if (go) {
    out += "<p>Every source record and every penny is accounted for, and no mapping rejected more records than "
           "its limit.</p>";
  } else {
    out += "<p>Do not sign off until each reason is resolved:</p><ul class=\"reasons\">";
    for (const std::string& reason : r.verdict.reasons) out += "<li>" + E(reason) + "</li>";
    if (r.verdict.reasons.empty()) out += "<li>The verdict was not decided for this run.</li>";
    out += "</ul>";
  }
  std::string kind = r.run_kind == "run" ? "run, committed" : "rehearsal, rolled back (the target is as it was)";
  if (r.base_run_id > 0) kind += "; a delta on run " + std::to_string(r.base_run_id);
  out += "<dl class=\"run\"><dt>Run id</dt><dd>" + std::to_string(r.run_id) + "</dd><dt>Kind</dt><dd>" + E(kind) +
         "</dd><dt>Source</dt><dd>" + E(r.source) + "</dd><dt>Target</dt><dd>" + E(r.target) +
         "</dd><dt>Mappings hash</dt><dd>" + E(r.mappings_hash) + "</dd><dt>Written</dt><dd>" + E(written_at) +
         "</dd><dt>Balanced</dt><dd>" +
         (r.balanced() ? "<span class=\"yes\">yes</span>" : "<span class=\"no\">no</span>") + "</dd></dl></header>";
}

void LedgerSection(std::string& out, const Reconciliation& r) {
  out += "<section id=\"ledger\"><h2>Ledger per source table</h2><p>Every source record has one outcome: loaded, "
         "rejected, excluded or merged into another record. Source rows are counted on the source itself.</p>"
         "<table><thead><tr><th>mapping</th><th>source table</th><th class=\"n\">source rows</th>"
         "<th class=\"n\">loaded</th><th class=\"n\">rejected</th><th class=\"n\">excluded</th>"
         "<th class=\"n\">merged</th><th>balanced</th></tr></thead><tbody>";
  OutcomeFigures all;
  for (const MappingFigures& m : r.mappings) {
    out += "<tr><td>" + E(m.mapping) + "</td><td>" + E(m.source_table) + "</td>" + Num(m.source_rows) +
           Num(m.ledger.loaded) + Num(m.ledger.rejected) + Num(m.ledger.excluded) + Num(m.ledger.merged) + "<td>" +
           (m.balanced() ? "<span class=\"yes\">yes</span>" : "<span class=\"no\">no</span>") + "</td></tr>";
    all.loaded += m.ledger.loaded;
    all.rejected += m.ledger.rejected;
    all.excluded += m.ledger.excluded;
    all.merged += m.ledger.merged;
  }
  out += "<tr class=\"total\"><td>all mappings</td><td></td>" + Num(r.total_source_rows()) + Num(all.loaded) +
         Num(all.rejected) + Num(all.excluded) + Num(all.merged) + "<td>" +
         (r.balanced() ? "<span class=\"yes\">yes</span>" : "<span class=\"no\">no</span>") +
         "</td></tr></tbody></table>";
  for (const MappingFigures& m : r.mappings) {
    if (m.balanced()) continue;
    out += "<p><strong>" + E(m.mapping) + " does not balance:</strong></p><ul>";
    for (const std::string& d : m.differences) out += "<li>" + E(d) + "</li>";
    out += "</ul>";
  }
  if (r.base_run_id > 0) {
    out += "<h3>Since run " + std::to_string(r.base_run_id) +
           "</h3><table><thead><tr><th>mapping</th><th class=\"n\">new</th><th class=\"n\">changed</th>"
           "<th class=\"n\">unchanged</th><th class=\"n\">gone from the source</th>"
           "<th class=\"n\">of those kept in the council</th></tr></thead><tbody>";
    for (const MappingFigures& m : r.mappings)
      out += "<tr><td>" + E(m.mapping) + "</td>" + Num(m.delta.new_records) + Num(m.delta.changed) +
             Num(m.delta.unchanged) + Num(m.delta.gone) + Num(m.delta.gone_kept) + "</tr>";
    out += "</tbody></table>";
  }
  out += "<h3>Outcomes per mapping</h3><div class=\"charts\">";
  for (const MappingFigures& m : r.mappings) {
    const std::string title = m.mapping + " (" + m.source_table + "): " + Grouped(m.source_rows) + " source rows; " +
                              Grouped(m.ledger.loaded) + " loaded, " + Grouped(m.ledger.rejected) + " rejected, " +
                              Grouped(m.ledger.excluded) + " excluded, " + Grouped(m.ledger.merged) + " merged";
    out += "<figure><figcaption>" + E(m.mapping) + " (" + E(m.source_table) + ")</figcaption>" +
           StackedBarSvg(title,
                         {{"loaded", m.ledger.loaded, kLoadedColour},
                          {"rejected", m.ledger.rejected, kRejectedColour},
                          {"excluded", m.ledger.excluded, kExcludedColour},
                          {"merged", m.ledger.merged, kMergedColour}},
                         kChartWidth) +
           "</figure>";
  }
  out += "</div></section>";
}

void MoneySection(std::string& out, const Reconciliation& r) {
  out += "<section id=\"money\"><h2>Money</h2><p>Every penny the source records carried, by outcome: the money in "
         "the source = loaded + rejected + excluded + merged.</p>";
  bool any = false;
  for (const MappingFigures& m : r.mappings) {
    if (!m.has_money) continue;
    any = true;
    const auto& by = m.ledger.pence_by_outcome;
    out += "<h3>" + E(m.mapping) + " (" + E(m.source_table) + ")</h3><p class=\"equation\"><strong>" +
           Pounds(m.ledger.source_pence()) + "</strong> in the source = " + Pounds(Get(by, "loaded")) +
           " loaded + " + Pounds(Get(by, "rejected")) + " rejected + " + Pounds(Get(by, "excluded")) +
           " excluded + " + Pounds(Get(by, "merged")) + " merged</p>";
    if (!m.ledger.pence_by_reason.empty()) {
      out += "<table><thead><tr><th>outcome</th><th>reason code</th><th class=\"n\">records</th>"
             "<th class=\"n\">money</th><th class=\"n\">pence</th></tr></thead><tbody>";
      for (const auto& [key, pence] : m.ledger.pence_by_reason) {
        const auto [outcome, code] = SplitReason(key);
        out += "<tr><td>" + E(outcome) + "</td><td><code>" + E(code) + "</code></td>" +
               Num(Get(m.ledger.by_reason, key)) + "<td class=\"n\">" + Pounds(pence) + "</td>" + Num(pence) +
               "</tr>";
      }
      out += "</tbody></table>";
    }
    if (m.ledger.records_without_amount > 0)
      out += "<p class=\"note\">" + Grouped(m.ledger.records_without_amount) +
             " records have no readable amount (counted above at £0.00): see exceptions.csv.</p>";
    for (const TargetTableFigures& t : m.targets) {
      if (t.money_column.empty()) continue;
      const int64_t expected = m.ledger_loaded_pence + t.pence_existing;
      out += "<p>The council's table <code>" + E(t.table) + "</code> holds " + Pounds(t.pence_in_target) +
             " in <code>" + E(t.money_column) + "</code> (summed on the target); the ledger says " +
             Pounds(m.ledger_loaded_pence) + " was loaded" +
             (t.pence_existing != 0 ? " and " + Pounds(t.pence_existing) + " was there before" : std::string()) +
             ": " +
             (t.pence_in_target == expected ? "<span class=\"yes\">they agree</span>"
                                            : "<span class=\"no\">they differ</span>") +
             ".</p>";
    }
  }
  if (!any) out += "<p>No mapping carries money.</p>";
  out += "</section>";
}

void ExceptionsSection(std::string& out, const Reconciliation& r) {
  out += "<section id=\"exceptions\"><h2>Exceptions by reason</h2>";
  int64_t records = 0;
  std::string rows;
  std::set<std::string> codes;
  for (const MappingFigures& m : r.mappings)
    for (const auto& [key, count] : m.ledger.by_reason) {
      const auto [outcome, code] = SplitReason(key);
      rows += "<tr><td>" + E(m.mapping) + "</td><td>" + E(outcome) + "</td><td><code>" + E(code) + "</code></td>" +
              Num(count) + "</tr>";
      records += count;
      codes.insert(code);
    }
  if (rows.empty()) {
    out += "<p>Every source record was loaded.</p>";
  } else {
    out += "<table><thead><tr><th>mapping</th><th>outcome</th><th>reason code</th><th class=\"n\">records</th>"
           "</tr></thead><tbody>" +
           rows + "<tr class=\"total\"><td>all</td><td></td><td></td>" + Num(records) + "</tr></tbody></table>";
    // Each code once, below the table: the engine's in plain English, the
    // mapping set's own together (their rule's text is on each worklist line).
    std::string own;
    out += "<h3>What the codes mean</h3><dl class=\"meanings\">";
    for (const std::string& code : codes) {
      const std::string_view meaning = ReasonMeaning(code);
      if (meaning.empty()) {
        own += (own.empty() ? "<code>" : ", <code>") + E(code) + "</code>";
        continue;
      }
      out += "<dt><code>" + E(code) + "</code></dt><dd>" + E(meaning) + "</dd>";
    }
    if (!own.empty())
      out += "<dt>" + own + "</dt><dd>Rules of the mapping set: each worklist line gives the rule's reason.</dd>";
    out += "</dl>";
  }
  out += "<p>The worklist has <strong>" + Grouped(r.exception_count) +
         "</strong> lines, one per rejected or merged record, with the legacy reference, the column, the value seen "
         "and what to do: <code>exceptions.csv</code>, in the folder of this page. Excluded records are counted "
         "here but are not in the worklist.</p></section>";
}

void CodeTable(std::string& out, const char* caption, const std::map<std::string, int64_t>& counts) {
  out += "<table class=\"codes\"><caption>" + std::string(caption) +
         "</caption><thead><tr><th>code</th><th class=\"n\">people</th></tr></thead><tbody>";
  for (const auto& [code, n] : counts) out += "<tr><td><code>" + E(code) + "</code></td>" + Num(n) + "</tr>";
  out += "</tbody></table>";
}

void Oc3Section(std::string& out, const Reconciliation& r) {
  out += "<section id=\"oc3\"><h2>Statutory figures (OC3)</h2>";
  if (!r.oc3) {
    out += "<p>Not computed: the run has no <code>cutover</code> parameter, or the target is not the leaving care "
           "model.</p></section>";
    return;
  }
  const Oc3Figures& f = *r.oc3;
  out += "<p>At " + E(f.at.ToIso()) +
         ", from the migrated data: care leavers whose case is open, aged 17 to 25.</p>"
         "<table><thead><tr><th>figure</th><th class=\"n\">people</th><th class=\"n\">of the cohort</th></tr>"
         "</thead><tbody><tr><td>cohort</td>" +
         Num(f.cohort) + "<td class=\"n\">100%</td></tr><tr><td>in touch</td>" + Num(f.in_touch_yes) +
         "<td class=\"n\">" + f.pct_in_touch() + "%</td></tr><tr><td>in education, employment or training</td>" +
         Num(f.in_eet) + "<td class=\"n\">" + f.pct_eet() + "%</td></tr><tr><td>in suitable accommodation</td>" +
         Num(f.in_suitable) + "<td class=\"n\">" + f.pct_suitable_accommodation() + "%</td></tr></tbody></table>";
  out += "<div class=\"code-tables\">";
  CodeTable(out, "In touch (IN_TOUCH)", f.in_touch);
  CodeTable(out, "Activity (ACTIV)", f.activity);
  CodeTable(out, "Accommodation (ACCOM)", f.accommodation);
  out += "</div></section>";
}

void ScopeSection(std::string& out, const Reconciliation& r) {
  const size_t tables = r.source_tables_read.size() + r.source_tables_ignored.size() + r.source_tables_not_read.size();
  out += "<section id=\"scope\"><h2>What the run covered</h2><table><tbody><tr><th>read and migrated (" +
         std::to_string(r.source_tables_read.size()) + " of " + std::to_string(tables) + ")</th><td>" +
         Join(r.source_tables_read) + "</td></tr><tr><th>left out on purpose, every row excluded with its reason (" +
         std::to_string(r.source_tables_ignored.size()) + ")</th><td>" + Join(r.source_tables_ignored) +
         "</td></tr><tr><th>not read by any mapping, so not migrated (" +
         std::to_string(r.source_tables_not_read.size()) + ")</th><td>" + Join(r.source_tables_not_read) +
         "</td></tr></tbody></table></section>";
}

}  // namespace

std::string RenderHtml(const Reconciliation& r, std::string_view written_at, const PrivacyOptions& privacy) {
  std::string body;
  if (privacy.show_personal_data)
    body += "<p class=\"personal-data\" id=\"personal-data\">" + HtmlEscape(kPersonalDataNotice) + "</p>\n";
  VerdictSection(body, r, written_at);
  body += "\n<main>";
  using Section = void (*)(std::string&, const Reconciliation&);
  for (const Section section : {LedgerSection, MoneySection, MoneyByPersonSection, ExceptionsSection, Oc3Section,
                                StatutoryComparisonSection, ScopeSection}) {
    section(body, r);
    body += "\n";
  }
  body += "</main><footer class=\"sign\"><p>Signed (data officer)</p><p>Date</p></footer>";
  return HtmlPage(std::string(r.run_kind == "run" ? "Run " : "Rehearsal ") + std::to_string(r.run_id) + ": " +
                      (r.verdict.go ? "GO" : "NO-GO"),
                  kStyle, body);
}

}  // namespace handover::reports
