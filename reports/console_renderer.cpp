// The terminal summary of a rehearsal, about a dozen lines: the verdict first
// and why, the ledger in one line (naming only what does not balance), the
// money equation per mapping with money, the independent checks, and where
// the files are.
#include <algorithm>
#include <cstdio>
#include <string>

#include "reports/money_text.h"
#include "reports/renderers.h"

namespace handover::reports {
namespace {

// printf into a std::string.
template <typename... Args>
void Append(std::string& out, const char* format, Args... args) {
  char line[512];
  std::snprintf(line, sizeof line, format, args...);
  out += line;
}

}  // namespace

std::string RenderConsoleSummary(const Reconciliation& r, const std::filesystem::path& out,
                                 double seconds, const PrivacyOptions& privacy) {
  std::string text = "\n";
  if (privacy.show_personal_data) text += std::string(kPersonalDataNotice) + "\n";
  Append(text, "%s %lld%s: %s (%.1f s)\n", r.run_kind == "run" ? "Run" : "Rehearsal", static_cast<long long>(r.run_id),
         r.base_run_id > 0 ? (" (delta on run " + std::to_string(r.base_run_id) + ")").c_str() : "",
         r.balanced() ? "BALANCED - every source record and penny is accounted for" : "DOES NOT BALANCE", seconds);
  // The sign-off verdict, then why (the first few reasons; all are in the reports).
  text += std::string("  Verdict: ") + (r.verdict.go ? "GO" : "NO-GO") + "\n";
  constexpr size_t kShown = 5;
  for (size_t i = 0; i < r.verdict.reasons.size() && i < kShown; ++i) text += "    - " + r.verdict.reasons[i] + "\n";
  if (r.verdict.reasons.size() > kShown)
    text += "    ... and " + std::to_string(r.verdict.reasons.size() - kShown) + " more in reconciliation.json\n";
  for (const std::string& a : r.verdict.accepted) text += "    accepted: " + a + "\n";

  // The ledger in one line; each mapping's row is in reconciliation.csv and
  // report.html, and only a mapping that does not balance is named here.
  OutcomeFigures all;
  DeltaFigures delta;
  size_t balanced = 0;
  for (const auto& m : r.mappings) {
    all.loaded += m.ledger.loaded;
    all.rejected += m.ledger.rejected;
    all.excluded += m.ledger.excluded;
    all.merged += m.ledger.merged;
    delta.new_records += m.delta.new_records;
    delta.changed += m.delta.changed;
    delta.unchanged += m.delta.unchanged;
    delta.gone += m.delta.gone;
    delta.gone_kept += m.delta.gone_kept;
    if (m.balanced()) ++balanced;
  }
  text += "  records: " + Grouped(r.total_source_rows()) + " in the source = " + Grouped(all.loaded) + " loaded + " +
          Grouped(all.rejected) + " rejected + " + Grouped(all.excluded) + " excluded + " + Grouped(all.merged) +
          " merged; " + std::to_string(balanced) + " of " + std::to_string(r.mappings.size()) +
          " mappings balance (each in report.html)\n";
  for (const auto& m : r.mappings)
    for (const auto& d : m.differences) text += "    difference, " + m.mapping + ": " + d + "\n";
  if (r.base_run_id > 0) {
    Append(text, "    since run %lld: %lld new, %lld changed, %lld unchanged; %lld gone from the source",
           static_cast<long long>(r.base_run_id), static_cast<long long>(delta.new_records),
           static_cast<long long>(delta.changed), static_cast<long long>(delta.unchanged),
           static_cast<long long>(delta.gone));
    text += delta.gone_kept > 0 ? " (" + std::to_string(delta.gone_kept) + " kept in the council, not deleted)\n" : "\n";
  }
  for (const auto& m : r.mappings) {
    if (!m.has_money) continue;
    const auto& by = m.ledger.pence_by_outcome;
    const auto get = [&by](const char* outcome) {
      const auto it = by.find(outcome);
      return it == by.end() ? int64_t{0} : it->second;
    };
    text += "  " + m.mapping + " money: " + Pounds(m.ledger.source_pence()) + " in the source = " +
            Pounds(get("loaded")) + " loaded + " + Pounds(get("rejected")) + " rejected + " +
            Pounds(get("excluded")) + " excluded + " + Pounds(get("merged")) + " merged";
    if (m.ledger.records_without_amount > 0)
      Append(text, " (%lld records have no readable amount: see exceptions.csv)",
             static_cast<long long>(m.ledger.records_without_amount));
    text += "\n";
  }
  if (!r.money_by_person.empty()) {
    std::string line = "    per young person, month and type (source, ledger, council):";
    for (const MoneyByPerson& m : r.money_by_person)
      line += " " + m.mapping + " " +
              (m.balanced() ? Grouped(m.groups) + " groups agree"
                            : Grouped(m.differing_groups) + " of " + Grouped(m.groups) + " groups DIFFER") +
              (&m == &r.money_by_person.back() ? "" : ";");
    text += line + "\n";
  }
  const auto join = [](const std::vector<std::string>& names) {
    std::string joined;
    for (const auto& n : names) joined += (joined.empty() ? "" : ", ") + n;
    return joined;
  };
  const size_t tables = r.source_tables_read.size() + r.source_tables_ignored.size() + r.source_tables_not_read.size();
  if (!r.source_tables_read.empty())
    Append(text, "  scope: %zu of %zu source tables migrated (%s)\n", r.source_tables_read.size(), tables,
           join(r.source_tables_read).c_str());
  if (!r.source_tables_ignored.empty())
    text += "    left out on purpose, every row excluded with its reason: " + join(r.source_tables_ignored) + "\n";
  if (!r.source_tables_not_read.empty())
    text += "    not read by any mapping, so not migrated: " + join(r.source_tables_not_read) + "\n";
  if (r.oc3) {
    const Oc3Figures& f = *r.oc3;
    Append(text, "  OC3 at %s (from the migrated data): cohort %lld; in touch %s%%, in education, employment or "
                 "training %s%%, in suitable accommodation %s%%",
           f.at.ToIso().c_str(), static_cast<long long>(f.cohort), f.pct_in_touch().c_str(), f.pct_eet().c_str(),
           f.pct_suitable_accommodation().c_str());
    if (r.statutory)
      text += r.statutory->equal() ? "; the source gives the same figures, person by person"
                                   : "; the source DIFFERS: " + Grouped(r.statutory->people_differing) +
                                         " cohort figures moved (see report.html)";
    text += "\n";
  }
  Append(text, "  %lld exceptions for the data officers to review\n", static_cast<long long>(r.exception_count));
  text += "  reports: " + (out / "report.html").string() + "  (the page to read and sign)\n";
  text += "           reconciliation.json, reconciliation.csv, exceptions.csv, workbook.xlsx beside it\n";
  text += "  log:     " + (out / "handover.log").string() + "\n";
  return text;
}

}  // namespace handover::reports
