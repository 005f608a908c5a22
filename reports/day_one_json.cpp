// dayone.json: the same names, nesting and order as the answer key's
// `day_one` section (generator/day_one_key.cpp), so the two compare key by key.
#include <nlohmann/json.hpp>

#include "reports/day_one_renderers.h"

namespace handover::reports {
namespace {

using Json = nlohmann::ordered_json;

Json OptionalIso(const std::optional<core::Date>& date) { return date ? Json(date->ToIso()) : Json(nullptr); }

Json CaseloadJson(const Caseload& c) {
  Json entry = Json::object();
  if (c.staff_id) {
    entry["staff"] = c.staff;
    entry["legacy_worker_id"] = c.legacy_worker_id ? Json(*c.legacy_worker_id) : Json(nullptr);
    entry["active"] = c.active;
  }
  entry["open_cases"] = static_cast<int64_t>(c.cases.size());
  entry["cases"] = c.cases;
  entry["reviews"] = {{"overdue", c.overdue},
                      {"due_within_4_weeks", c.due_within_4_weeks},
                      {"due_within_8_weeks", c.due_within_8_weeks}};
  return entry;
}

Json LinesJson(const std::vector<FirstRunLine>& lines) {
  Json out = Json::array();
  for (const FirstRunLine& line : lines) {
    const ArrangementRow& a = line.arrangement;
    out.push_back({{"legacy_ref", a.legacy_ref},
                   {"payment_type", a.payment_type},
                   {"frequency", a.frequency},
                   {"legacy_schedule_id", a.legacy_schedule_id ? Json(*a.legacy_schedule_id) : Json(nullptr)},
                   {"first_period_start", a.start.ToIso()},
                   {"first_period_end", OptionalIso(line.first_period_end)},
                   {"periods", line.periods},
                   {"amount_pence", line.amount_pence},
                   {"amount_pence_per_period", a.amount_pence},
                   {"provider_last_period_start",
                    line.provider_last ? Json(line.provider_last->period_start.ToIso()) : Json(nullptr)},
                   {"provider_last_amount_pence", line.provider_last ? Json(line.provider_last->pence) : Json(nullptr)},
                   {"flags", line.flags}});
  }
  return out;
}

Json FirstRunJson(const FirstPaymentRun& run) {
  Json no_arrangement = Json::array();
  for (const NoArrangementLine& line : run.no_arrangement)
    no_arrangement.push_back({{"legacy_ref", line.legacy_ref}, {"last_paid_date", line.last_paid_date.ToIso()}});
  Json totals = Json::object();
  for (const auto& [type, t] : run.totals_by_type)
    totals[type] = {{"arrangements", t.arrangements},
                    {"lines", t.lines},
                    {"provider_last_pence", t.provider_last_pence},
                    {"council_first_run_pence", t.council_first_run_pence}};
  return {{"lines", LinesJson(run.lines)},
          {"not_in_first_run", LinesJson(run.not_in_first_run)},
          {"recurring_payments_no_arrangement", no_arrangement},
          {"flag_counts", run.flag_counts},
          {"totals_by_type", totals}};
}

Json BalancesJson(const DayOneFigures& f) {
  Json by_type = Json::object();
  for (const auto& [type, count_pence] : f.balance_totals)
    by_type[type] = {{"count", count_pence.first}, {"pence", count_pence.second}};
  Json by_person = Json::array();
  for (const BalanceLine& b : f.balances)
    by_person.push_back({{"legacy_ref", b.legacy_ref}, {"balance_type", b.balance_type}, {"pence", b.pence}});
  Json setting_up_home = Json::array();
  for (const SetUpHomeLine& s : f.setting_up_home)
    setting_up_home.push_back({{"legacy_ref", s.legacy_ref},
                               {"entitlement_pence", s.entitlement_pence},
                               {"paid_pence", s.paid_pence},
                               {"available_pence", s.available_pence}});
  return {{"by_type", by_type}, {"by_person", by_person}, {"setting_up_home", setting_up_home}};
}

}  // namespace

std::string RenderDayOneJson(const DayOneFigures& f) {
  Json by_staff = Json::array();
  for (const Caseload& c : f.by_staff) by_staff.push_back(CaseloadJson(c));
  Json j = {
      {"format", "handover-dayone/1"},
      {"cutover", f.cutover.ToIso()},
      {"first_run", f.first_run.ToIso()},
      {"caseloads",
       {{"open_cases", f.open_cases},
        {"by_staff", by_staff},
        {"unallocated", CaseloadJson(f.unallocated)},
        {"open_cases_with_inactive_staff", f.open_cases_with_inactive_staff},
        {"unresolved_pa_allocations", f.unresolved_pa_allocations}}},
      {"reviews",
       {{"overdue", f.overdue},
        {"due_within_4_weeks", f.due_within_4_weeks},
        {"due_within_8_weeks", f.due_within_8_weeks},
        {"open_cases_without_current_plan", static_cast<int64_t>(f.without_current_plan.size())},
        {"without_current_plan", f.without_current_plan}}},
      {"first_payment_run", FirstRunJson(f.first_run_lines)},
      {"balances", BalancesJson(f)},
  };
  return j.dump(2) + "\n";
}

}  // namespace handover::reports
