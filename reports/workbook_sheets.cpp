#include "reports/workbook_sheet.h"

namespace handover::reports::xlsx {

void WriteSummary(Sheet& s, const Reconciliation& r, const Formats& formats, bool shows_personal_data) {
  const auto line = [&s](const char* label, const std::string& value) {
    s.Text(0, label);
    s.Text(1, value);
    s.EndRow();
  };
  if (shows_personal_data) {
    s.Text(0, kPersonalDataNotice, formats.header);
    s.EndRow();
  }
  // The verdict first, bold, and each reason on its own row.
  s.Text(0, "verdict");
  s.Text(1, r.verdict.go ? "GO" : "NO-GO", formats.header);
  s.EndRow();
  for (const auto& reason : r.verdict.reasons) line("reason", reason);
  s.Text(0, "run");
  s.Count(1, r.run_id);
  s.EndRow();
  line("kind", r.run_kind);
  if (r.base_run_id > 0) {
    s.Text(0, "delta on run");
    s.Count(1, r.base_run_id);
    s.EndRow();
  }
  line("source", r.source);
  line("target", r.target);
  line("mappings hash", r.mappings_hash);
  s.EndRow();
  s.Header({"mapping", "source table", "source rows", "loaded", "rejected", "excluded", "merged", "pence loaded (£)",
            "balanced", "differences"});
  for (const auto& m : r.mappings) {
    s.Text(0, m.mapping);
    s.Text(1, m.source_table);
    s.Count(2, m.source_rows);
    s.Count(3, m.ledger.loaded);
    s.Count(4, m.ledger.rejected);
    s.Count(5, m.ledger.excluded);
    s.Count(6, m.ledger.merged);
    if (m.has_money) s.Money(7, m.ledger_loaded_pence);
    s.Text(8, m.balanced() ? "yes" : "no");
    std::string differences;
    for (const auto& d : m.differences) differences += (differences.empty() ? "" : "; ") + d;
    s.Text(9, differences);
    s.EndRow();
  }
  s.EndTable();
  s.EndRow();
  line("source tables read", Join(r.source_tables_read));
  line("source tables left out on purpose", Join(r.source_tables_ignored));
  line("source tables no mapping reads", Join(r.source_tables_not_read));
}

void WriteMoney(Sheet& s, const Reconciliation& r) {
  s.Header({"mapping", "breakdown", "outcome", "reason", "amount (£)", "records without amount"});
  const auto row = [&s](const MappingFigures& m, const char* breakdown, std::string_view outcome,
                        std::string_view reason, int64_t pence) {
    s.Text(0, m.mapping);
    s.Text(1, breakdown);
    s.Text(2, outcome);
    s.Text(3, reason);
    s.Money(4, pence);
    s.EndRow();
  };
  for (const auto& m : r.mappings) {
    if (!m.has_money) continue;
    s.Text(0, m.mapping);
    s.Text(1, "source");
    s.Money(4, m.ledger.source_pence());
    s.Count(5, m.ledger.records_without_amount);
    s.EndRow();
    // Every outcome, zero or not, so the equation reads the same for each mapping.
    static constexpr const char* kOutcomes[] = {"loaded", "rejected", "excluded", "merged"};
    for (const char* outcome : kOutcomes) {
      const auto it = m.ledger.pence_by_outcome.find(outcome);
      row(m, "by outcome", outcome, "", it == m.ledger.pence_by_outcome.end() ? 0 : it->second);
    }
    for (const auto& [outcome, pence] : m.ledger.pence_by_outcome)
      if (std::find(std::begin(kOutcomes), std::end(kOutcomes), outcome) == std::end(kOutcomes))
        row(m, "by outcome", outcome, "", pence);
    for (const auto& [key, pence] : m.ledger.pence_by_reason) {
      const std::string_view k = key;  // "rejected:orphan"
      const size_t colon = k.find(':');
      row(m, "by reason", k.substr(0, colon), colon == k.npos ? "" : k.substr(colon + 1), pence);
    }
  }
}

void WriteMoneyByPerson(Sheet& s, const Reconciliation& r) {
  s.Header({"mapping", "person (council id)", "legacy reference", "source (£)", "loaded (£)", "in the council (£)",
            "difference (£)", "months and types that differ"});
  for (const MoneyByPerson& m : r.money_by_person)
    for (const PersonMoney& p : m.people) {
      s.Text(0, m.mapping);
      s.Text(1, p.person);
      s.Text(2, p.legacy_ref);
      s.Money(3, p.source);
      s.Money(4, p.loaded);
      s.Money(5, p.target);
      s.Money(6, p.target - p.loaded);
      s.Count(7, p.differing_groups);
      s.EndRow();
    }
}

void WriteStatutory(Sheet& s, const Reconciliation& r) {
  const Oc3Figures& f = *r.oc3;
  const Oc3Figures* source = r.statutory ? &r.statutory->source : nullptr;
  if (source)
    s.Header({"figure", "code", "count", "percent of cohort", "in the source", "source percent"});
  else
    s.Header({"figure", "code", "count", "percent of cohort"});
  const auto row = [&](const std::string& figure, const std::string& code, int64_t count, const std::string& percent,
                       int64_t in_source) {
    s.Text(0, figure);
    s.Text(1, code);
    s.Count(2, count);
    s.Percent(3, percent);
    if (source) {
      s.Count(4, in_source);
      s.Percent(5, source->Percent(in_source));
    }
    s.EndRow();
  };
  const auto of = [](const std::map<std::string, int64_t>& counts, const std::string& code) {
    const auto it = counts.find(code);
    return it == counts.end() ? int64_t{0} : it->second;
  };
  s.Text(0, "OC3 cohort at " + f.at.ToIso() + " (open cases aged 17 to 25)");
  s.Count(2, f.cohort);
  if (source) s.Count(4, source->cohort);
  s.EndRow();
  row("in touch", "", f.in_touch_yes, f.pct_in_touch(), source ? source->in_touch_yes : 0);
  row("in education, employment or training", "", f.in_eet, f.pct_eet(), source ? source->in_eet : 0);
  row("in suitable accommodation", "", f.in_suitable, f.pct_suitable_accommodation(), source ? source->in_suitable : 0);
  // Codes either side has, so a code only the source holds still shows.
  const auto codes = [&](const char* figure, const std::map<std::string, int64_t>& migrated,
                         const std::map<std::string, int64_t>* in_source) {
    std::map<std::string, int64_t> all = migrated;
    if (in_source)
      for (const auto& [code, n] : *in_source) all.emplace(code, 0);
    for (const auto& [code, n] : all) row(figure, code, n, f.Percent(n), in_source ? of(*in_source, code) : 0);
  };
  codes("in touch, by code", f.in_touch, source ? &source->in_touch : nullptr);
  codes("activity, by code", f.activity, source ? &source->activity : nullptr);
  codes("accommodation, by code", f.accommodation, source ? &source->accommodation : nullptr);
  if (!r.statutory) return;
  s.EndTable();
  s.EndRow();
  s.Text(0, r.statutory->equal() ? "The source gives the same figures, person by person."
                                 : std::to_string(r.statutory->people_differing) +
                                       " cohort figures differ between the source and the migrated data:");
  s.EndRow();
  for (const PersonFigureDifference& p : r.statutory->people) {
    s.Text(0, p.person);
    s.Text(1, p.figure);
    s.Text(4, p.source);
    s.Text(2, p.target);
    s.EndRow();
  }
}

}  // namespace handover::reports::xlsx
