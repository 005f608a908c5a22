#include <nlohmann/json.hpp>

#include "reports/renderers.h"

namespace handover::reports {
namespace {

nlohmann::ordered_json Oc3Json(const Oc3Figures& f) {
  return {{"at", f.at.ToIso()},
          {"cohort", f.cohort},
          {"in_touch", f.in_touch},
          {"activity", f.activity},
          {"accommodation", f.accommodation},
          {"in_touch_yes", f.in_touch_yes},
          {"in_education_employment_training", f.in_eet},
          {"in_suitable_accommodation", f.in_suitable},
          {"pct_in_touch", f.pct_in_touch()},
          {"pct_eet", f.pct_eet()},
          {"pct_suitable_accommodation", f.pct_suitable_accommodation()}};
}

nlohmann::ordered_json MoneyJson(const MoneyByPerson& m) {
  nlohmann::ordered_json j{{"mapping", m.mapping},       {"records", m.records},
                           {"groups", m.groups},         {"source_pence", m.source_pence},
                           {"ledger_pence", m.ledger_pence}, {"loaded_pence", m.loaded_pence},
                           {"target_pence", m.target_pence}, {"differing_groups", m.differing_groups},
                           {"unmatched_records", m.unmatched_records}, {"balanced", m.balanced()}};
  auto& months = j["by_month"] = nlohmann::ordered_json::array();
  for (const MonthMoney& month : m.by_month)
    months.push_back({{"month", month.month}, {"source_pence", month.source}, {"loaded_pence", month.loaded},
                      {"target_pence", month.target}});
  auto& differences = j["differences"] = nlohmann::ordered_json::array();
  for (const MoneyDifference& d : m.differences) {
    nlohmann::ordered_json dj{{"person", d.person},        {"month", d.month},   {"type", d.type},
                              {"source_pence", d.source}, {"ledger_pence", d.ledger}, {"loaded_pence", d.loaded},
                              {"target_pence", d.target}};
    auto& records = dj["records"] = nlohmann::ordered_json::array();
    for (const MoneyRecord& rec : d.records)
      records.push_back({{"legacy_key", rec.legacy_key}, {"outcome", rec.outcome}, {"target_key", rec.target_key},
                         {"source_pence", rec.source_pence}, {"ledger_pence", rec.ledger_pence}});
    differences.push_back(std::move(dj));
  }
  return j;
}

nlohmann::ordered_json ReconciliationJson(const Reconciliation& r) {
  nlohmann::ordered_json root;
  root["run_id"] = r.run_id;
  root["run_kind"] = r.run_kind;
  if (r.base_run_id > 0) root["delta_on_run"] = r.base_run_id;
  root["verdict"] = r.balanced() ? "balanced" : "unbalanced";
  root["signoff"] = {{"decision", r.verdict.go ? "go" : "no-go"},
                     {"reasons", r.verdict.reasons},
                     {"accepted_differences", r.verdict.accepted}};
  root["source"] = r.source;
  root["target"] = r.target;
  root["mappings_hash"] = r.mappings_hash;
  root["scope"] = {{"source_tables_read", r.source_tables_read},
                   {"source_tables_ignored", r.source_tables_ignored},
                   {"source_tables_not_read", r.source_tables_not_read}};
  if (r.oc3) root["oc3"] = Oc3Json(*r.oc3);
  if (r.statutory) {
    const StatutoryComparison& c = *r.statutory;
    auto& j = root["oc3_in_source"] = Oc3Json(c.source);
    j["equal"] = c.equal();
    j["differences"] = c.differences;
    j["person_differences"] = c.people_differing;
    auto& people = j["people"] = nlohmann::ordered_json::array();
    for (const PersonFigureDifference& p : c.people)
      people.push_back({{"person", p.person}, {"figure", p.figure}, {"source", p.source}, {"migrated", p.target}});
  }
  if (!r.money_by_person.empty()) {
    auto& money = root["money_by_person"] = nlohmann::ordered_json::array();
    for (const MoneyByPerson& m : r.money_by_person) money.push_back(MoneyJson(m));
  }
  root["totals"] = {{"source_rows", r.total_source_rows()},
                    {"pence_loaded", r.total_pence_loaded()},
                    {"exceptions", r.exception_count}};
  auto& mappings = root["mappings"] = nlohmann::ordered_json::array();
  for (const auto& m : r.mappings) {
    nlohmann::ordered_json j;
    j["mapping"] = m.mapping;
    j["source_table"] = m.source_table;
    j["source_rows"] = m.source_rows;
    j["loaded"] = m.ledger.loaded;
    j["rejected"] = m.ledger.rejected;
    j["excluded"] = m.ledger.excluded;
    j["merged"] = m.ledger.merged;
    j["by_reason"] = m.ledger.by_reason;
    if (r.base_run_id > 0)
      j["delta"] = {{"new", m.delta.new_records},          {"changed", m.delta.changed},
                    {"unchanged", m.delta.unchanged},       {"gone", m.delta.gone},
                    {"gone_kept_in_council", m.delta.gone_kept}, {"gone_kept_pence", m.delta.gone_kept_pence}};
    if (m.has_money) {
      // Source = loaded + rejected + excluded + merged, in pence, per outcome
      // and per reason: where every penny the provider recorded went.
      j["ledger_loaded_pence"] = m.ledger_loaded_pence;
      j["money"] = {{"source_pence", m.ledger.source_pence()},
                    {"by_outcome", m.ledger.pence_by_outcome},
                    {"by_reason", m.ledger.pence_by_reason},
                    {"records_without_amount", m.ledger.records_without_amount}};
    }
    auto& targets = j["targets"] = nlohmann::ordered_json::array();
    for (const auto& t : m.targets) {
      nlohmann::ordered_json tj{{"table", t.table}, {"rows_in_target", t.rows_in_target},
                                {"rows_written", t.rows_written}};
      if (t.rows_existing > 0) tj["rows_there_before"] = t.rows_existing;
      if (!t.money_column.empty()) {
        tj["money_column"] = t.money_column;
        tj["pence_in_target"] = t.pence_in_target;
      }
      targets.push_back(std::move(tj));
    }
    j["balanced"] = m.balanced();
    j["differences"] = m.differences;
    mappings.push_back(std::move(j));
  }
  return root;
}

}  // namespace

std::string RenderJson(const Reconciliation& r) { return ReconciliationJson(r).dump(2) + "\n"; }

std::string RenderCompactAsciiJson(const Reconciliation& r) {
  return ReconciliationJson(r).dump(-1, ' ', /*ensure_ascii=*/true);
}


}  // namespace handover::reports
