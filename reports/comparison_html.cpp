// compare.html, section by section, inside html_page.h's page shell. Figures
// arrive as the reports wrote them ("360", "72.6", pence as "657649925"); a
// difference is computed on them as exact decimals, never as floats.
#include "reports/comparison_html.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "reports/html_page.h"
#include "reports/money_text.h"

namespace handover::reports {
namespace {

constexpr const char* kStyle = R"(
.verdict{font-size:3rem}.verdict .arrow{color:#555;font-weight:400}
dl.run{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:1rem 0 0}
dl.run dt{font-weight:600}dl.run dd{margin:0;font-family:ui-monospace,monospace;word-break:break-all}
code.key{color:#555;font-size:.85em}
.counts{font-size:1.2rem}details{margin:1rem 0}summary{cursor:pointer;font-weight:600}
)";

std::string E(std::string_view text) { return HtmlEscape(text); }

std::string Num(int64_t n) { return "<td class=\"n\">" + Grouped(n) + "</td>"; }

// A figure's value as an exact decimal: `units` of 10^-`places`.
struct Decimal {
  int64_t units = 0;
  int places = 0;
};

// "360", "-1250", "72.6" -> a Decimal; nullopt for anything else (absent,
// text, or more than 18 digits, so every difference fits in int64_t).
std::optional<Decimal> ParseDecimal(std::string_view text) {
  Decimal d;
  bool negative = false, point = false;
  int digits = 0;
  size_t i = 0;
  if (!text.empty() && text[0] == '-') {
    negative = true;
    i = 1;
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !point && digits > 0) {
      point = true;
    } else if (c >= '0' && c <= '9' && digits < 18) {
      d.units = d.units * 10 + (c - '0');
      ++digits;
      d.places += point;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0 || text.back() == '.') return std::nullopt;
  if (negative) d.units = -d.units;
  return d;
}

int64_t Scaled(Decimal d, int places) {
  for (; d.places < places; ++d.places) d.units *= 10;
  return d.units;
}

// units/10^places with thousands separators: (-12345, 1) -> "-1,234.5".
std::string DecimalText(int64_t units, int places) {
  int64_t scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  const int64_t magnitude = units < 0 ? -units : units;
  std::string text = (units < 0 ? "-" : "") + Grouped(magnitude / scale);
  if (places > 0) {
    std::string fraction = std::to_string(magnitude % scale);
    text += "." + std::string(static_cast<size_t>(places) - fraction.size(), '0') + fraction;
  }
  return text;
}

enum class Kind { kCount, kMoney, kPercent };

Kind KindOf(const FigureChange& f) {
  if (f.figure == "ledger_loaded_pence" || f.figure == "totals.pence_loaded") return Kind::kMoney;
  if (f.figure.rfind("oc3.pct_", 0) == 0) return Kind::kPercent;
  return Kind::kCount;
}

// A value as the board reads it: counts grouped, pence as pounds,
// percentages with a sign; "—" when the rehearsal did not have the figure.
std::string ValueText(const std::string& value, Kind kind) {
  if (value.empty()) return "\u2014";
  const auto d = ParseDecimal(value);
  if (!d) return E(value);
  if (kind == Kind::kMoney && d->places == 0) return Pounds(d->units);
  return DecimalText(d->units, d->places) + (kind == Kind::kPercent ? "%" : "");
}

// after - before with its sign ("+1,207", "-£12.50", "-2.7 points"); "new"
// or "gone" when one side lacks the figure; "" when either is not a number.
std::string DifferenceText(const FigureChange& f) {
  if (f.before.empty()) return "new";
  if (f.after.empty()) return "gone";
  const auto before = ParseDecimal(f.before), after = ParseDecimal(f.after);
  if (!before || !after) return "";
  const int places = std::max(before->places, after->places);
  if (places > 6) return "";
  const int64_t difference = Scaled(*after, places) - Scaled(*before, places);
  const Kind kind = KindOf(f);
  const std::string sign = difference > 0 ? "+" : "";
  if (kind == Kind::kMoney && places == 0) return sign + Pounds(difference);
  return sign + DecimalText(difference, places) + (kind == Kind::kPercent ? " points" : "");
}

// Where a figure belongs: its mapping, "all mappings" for the totals,
// "statutory (OC3)" for the OC3 figures.
std::string Owner(const FigureChange& f) {
  if (!f.mapping.empty()) return f.mapping;
  if (f.figure.rfind("totals.", 0) == 0) return "all mappings";
  if (f.figure.rfind("oc3.", 0) == 0) return "statutory (OC3)";
  return "";
}

// A figure's name in words, with its compare.csv name beside it.
std::string FigureName(const FigureChange& f) {
  static const std::map<std::string, std::string> kNames = {
      {"source_rows", "source rows"},
      {"ledger_loaded_pence", "money loaded"},
      {"totals.source_rows", "source rows"},
      {"totals.pence_loaded", "money loaded"},
      {"totals.exceptions", "worklist lines"},
      {"oc3.cohort", "cohort"},
      {"oc3.pct_in_touch", "in touch"},
      {"oc3.pct_eet", "in education, employment or training"},
      {"oc3.pct_suitable_accommodation", "in suitable accommodation"}};
  static const std::map<std::string, std::string> kGroups = {
      {"oc3.in_touch.", "IN_TOUCH "}, {"oc3.activity.", "ACTIV "}, {"oc3.accommodation.", "ACCOM "}};
  std::string words = f.figure;
  if (const auto it = kNames.find(f.figure); it != kNames.end()) words = it->second;
  for (const auto& [prefix, group] : kGroups)
    if (f.figure.rfind(prefix, 0) == 0) words = group + f.figure.substr(prefix.size());
  if (words == f.figure) return E(words);
  return E(words) + " <code class=\"key\">" + E(f.figure) + "</code>";
}

// "payment:unmapped_code" -> {"payment", "unmapped_code"}.
std::pair<std::string, std::string> SplitReason(const std::string& key) {
  const size_t colon = key.find(':');
  if (colon == std::string::npos) return {"", key};
  return {key.substr(0, colon), key.substr(colon + 1)};
}

int64_t Sum(const std::map<std::string, int64_t>& counts) {
  int64_t total = 0;
  for (const auto& [key, n] : counts) total += n;
  return total;
}

void VerdictSection(std::string& out, const RehearsalComparison& c, std::string_view written_at) {
  const VerdictChange& v = c.verdict;
  out += "<header class=\"verdict-box " + std::string(v.after == "GO" ? "go" : "no-go") +
         "\"><h1>Rehearsal comparison: the verdict</h1><p class=\"verdict\" id=\"verdict\">" + E(v.before) +
         " <span class=\"arrow\">\u2192</span> " + E(v.after) + "</p>";
  out += v.changed() ? "<p>The verdict changed from " + E(v.before) + " to " + E(v.after) + ".</p>"
                     : "<p>The verdict is unchanged: " + E(v.after) + ".</p>";
  if (v.after != "GO") {
    out += "<p>Why the later rehearsal is " + E(v.after) + ":</p><ul class=\"reasons\">";
    for (const std::string& reason : v.after_reasons) out += "<li>" + E(reason) + "</li>";
    if (v.after_reasons.empty()) out += "<li>Its report gives no reasons.</li>";
    out += "</ul>";
  }
  out += "<dl class=\"run\"><dt>Before</dt><dd>" + E(c.before_label) + "</dd><dt>After</dt><dd>" +
         E(c.after_label) + "</dd><dt>Written</dt><dd>" + E(written_at) + "</dd></dl></header>";
}

void FigureTable(std::string& out, const std::vector<const FigureChange*>& figures, bool changed) {
  out += "<table><thead><tr><th>mapping</th><th>figure</th>";
  out += changed ? "<th class=\"n\">before</th><th class=\"n\">after</th><th class=\"n\">difference</th>"
                 : "<th class=\"n\">value</th>";
  out += "</tr></thead><tbody>";
  for (const FigureChange* f : figures) {
    const Kind kind = KindOf(*f);
    out += "<tr><td>" + E(Owner(*f)) + "</td><td>" + FigureName(*f) + "</td>";
    out += changed ? "<td class=\"n\">" + ValueText(f->before, kind) + "</td><td class=\"n\">" +
                         ValueText(f->after, kind) + "</td><td class=\"n\">" + E(DifferenceText(*f)) + "</td>"
                   : "<td class=\"n\">" + ValueText(f->after, kind) + "</td>";
    out += "</tr>";
  }
  out += "</tbody></table>";
}

void ChangedFiguresSection(std::string& out, const RehearsalComparison& c) {
  std::vector<const FigureChange*> changed;
  for (const FigureChange& f : c.figures)
    if (f.changed()) changed.push_back(&f);
  out += "<section id=\"figures\"><h2>Figures that changed</h2>";
  if (changed.empty()) {
    out += "<p>Every figure is the same.</p></section>";
    return;
  }
  out += "<p>" + Grouped(static_cast<int64_t>(changed.size())) +
         " figures moved: per mapping, the statutory figures and the totals (difference = after \u2212 "
         "before).</p>";
  FigureTable(out, changed, true);
  out += "</section>";
}

void ExceptionsSection(std::string& out, const RehearsalComparison& c) {
  const int64_t added = Sum(c.new_by_reason), resolved = Sum(c.resolved_by_reason);
  out += "<section id=\"exceptions\"><h2>Exceptions</h2><p class=\"counts\" id=\"exception-counts\"><strong>" +
         Grouped(added) + "</strong> new, <strong>" + Grouped(resolved) + "</strong> resolved, <strong>" +
         Grouped(c.still_open) +
         "</strong> still open</p><p class=\"note\">A worklist line is the same line in both rehearsals when "
         "its mapping, legacy reference and reason code are.</p>";
  std::set<std::string> reasons;
  for (const auto& [key, n] : c.new_by_reason) reasons.insert(key);
  for (const auto& [key, n] : c.resolved_by_reason) reasons.insert(key);
  if (reasons.empty()) {
    out += "<p>No exception is new and none was resolved.</p></section>";
    return;
  }
  out += "<table><thead><tr><th>mapping</th><th>reason code</th><th class=\"n\">new</th>"
         "<th class=\"n\">resolved</th></tr></thead><tbody>";
  for (const std::string& key : reasons) {
    const auto [mapping, code] = SplitReason(key);
    const auto n = c.new_by_reason.find(key);
    const auto r = c.resolved_by_reason.find(key);
    out += "<tr><td>" + E(mapping) + "</td><td><code>" + E(code) + "</code></td>" +
           Num(n == c.new_by_reason.end() ? 0 : n->second) +
           Num(r == c.resolved_by_reason.end() ? 0 : r->second) + "</tr>";
  }
  out += "<tr class=\"total\"><td>all</td><td></td>" + Num(added) + Num(resolved) + "</tr></tbody></table></section>";
}

void NewExceptionsSection(std::string& out, const RehearsalComparison& c, size_t listed) {
  int64_t total = 0;
  for (const ExceptionChange& e : c.exceptions) total += e.is_new;
  out += "<section id=\"new-exceptions\"><h2>New exceptions</h2>";
  if (total == 0) {
    out += "<p>None: every line of the later worklist was in the earlier one.</p></section>";
    return;
  }
  out += "<table><thead><tr><th>mapping</th><th>legacy reference</th><th>reason code</th><th>reason</th></tr>"
         "</thead><tbody>";
  size_t shown = 0;
  for (const ExceptionChange& e : c.exceptions) {
    if (!e.is_new || shown == listed) continue;
    ++shown;
    out += "<tr><td>" + E(e.mapping) + "</td><td><code>" + E(e.legacy_key) + "</code></td><td><code>" +
           E(e.reason_code) + "</code></td><td>" + E(e.reason) + "</td></tr>";
  }
  out += "</tbody></table>";
  const int64_t more = total - static_cast<int64_t>(shown);
  if (more > 0)
    out += "<p id=\"more-exceptions\">The first " + Grouped(static_cast<int64_t>(shown)) + " of " + Grouped(total) +
           " new exceptions are listed here; the other " + Grouped(more) +
           " are in <code>compare-exceptions.csv</code>, beside this page.</p>";
  else
    out += "<p class=\"note\">Every new and resolved line is also in <code>compare-exceptions.csv</code>, beside "
           "this page.</p>";
  out += "</section>";
}

void UnchangedFiguresSection(std::string& out, const RehearsalComparison& c) {
  std::vector<const FigureChange*> same;
  for (const FigureChange& f : c.figures)
    if (!f.changed()) same.push_back(&f);
  out += "<section id=\"unchanged\"><h2>Figures that did not change</h2>";
  if (same.empty()) {
    out += "<p>Every figure changed.</p></section>";
    return;
  }
  out += "<details><summary>" + Grouped(static_cast<int64_t>(same.size())) +
         " figures are the same in both rehearsals</summary>";
  FigureTable(out, same, false);
  out += "</details></section>";
}

}  // namespace

std::string RenderComparisonHtml(const RehearsalComparison& c, std::string_view written_at, size_t listed) {
  std::string body;
  VerdictSection(body, c, written_at);
  body += "\n<main>";
  ChangedFiguresSection(body, c);
  body += "\n";
  ExceptionsSection(body, c);
  body += "\n";
  NewExceptionsSection(body, c, listed);
  body += "\n";
  UnchangedFiguresSection(body, c);
  body += "\n</main>";
  return HtmlPage("Rehearsal comparison: " + c.verdict.before + " \u2192 " + c.verdict.after, kStyle, body);
}

}  // namespace handover::reports
