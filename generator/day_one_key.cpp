#include "generator/day_one_key.h"

#include <algorithm>
#include <tuple>

#include "core/calendar_months.h"
#include "generator/calendar.h"

namespace handover::generator {
namespace {

using Json = nlohmann::ordered_json;

std::string FrequencyCode(bool weekly) { return weekly ? "WEEKLY" : "FOUR_WEEKLY"; }

Json Sorted(std::vector<std::string> refs) {
  std::sort(refs.begin(), refs.end());
  return Json(refs);
}

void SortLines(Json& lines) {
  std::sort(lines.begin(), lines.end(), [](const Json& a, const Json& b) {
    return std::tie(a["legacy_ref"].get_ref<const std::string&>(), a["payment_type"].get_ref<const std::string&>(),
                    a["legacy_schedule_id"].get_ref<const Json::number_integer_t&>()) <
           std::tie(b["legacy_ref"].get_ref<const std::string&>(), b["payment_type"].get_ref<const std::string&>(),
                    b["legacy_schedule_id"].get_ref<const Json::number_integer_t&>());
  });
}

}  // namespace

void DayOneKey::Worker(int64_t worker_id, const std::string& name, bool active) {
  workers_[worker_id] = {name, active};
}

void DayOneKey::BeginPerson(const std::string& ref, bool loaded, bool open) {
  person_ = PersonFacts{};
  person_.ref = ref;
  person_.loaded = loaded;
  person_.open = open;
}

void DayOneKey::Allocation(int64_t worker_id, core::Date start, std::optional<core::Date> end) {
  if (start > cutover_ || (end && *end < cutover_)) return;
  // The latest start covering the cut-over; of two, the later row.
  if (!person_.allocation || start >= person_.allocation->first) person_.allocation = {{start, worker_id}};
}

void DayOneKey::Plan(core::Date plan_date, core::Date next_review, bool current) {
  if (!current) return;
  if (!person_.plan || plan_date >= person_.plan->first) person_.plan = {{plan_date, next_review}};
}

void DayOneKey::Payment(PayType type, core::Date paid_on, core::Date period_start, int64_t pence) {
  if (type == PayType::kSettingUpHome) {
    person_.setting_up_home_paid += pence;
    if (!person_.first_setting_up_home || paid_on < *person_.first_setting_up_home)
      person_.first_setting_up_home = paid_on;
    return;
  }
  if (static_cast<int>(type) > static_cast<int>(PayType::kSupportedLodgings) || pence <= 0) return;
  if (!person_.last_recurring_paid || paid_on > *person_.last_recurring_paid) person_.last_recurring_paid = paid_on;
  auto [it, inserted] = person_.last_paid.try_emplace(static_cast<int>(type), LastPaid{period_start, pence});
  LastPaid& last = it->second;
  if (!inserted && std::tie(period_start, pence) > std::tie(last.period_start, last.pence))
    last = {period_start, pence};
}

void DayOneKey::Arrangement(int64_t schedule_id, PayType type, int64_t amount_pence, bool weekly,
                            core::Date start, std::optional<core::Date> end) {
  person_.arrangements.push_back({schedule_id, type, amount_pence, weekly, start, end});
}

void DayOneKey::Balance(const std::string& balance_type, int64_t pence) {
  person_.balances.emplace_back(balance_type, pence);
}

void DayOneKey::EndPerson() {
  if (!person_.loaded) return;
  EndCaseload(person_);
  EndPayments(person_);
  EndBalances(person_);
}

void DayOneKey::EndCaseload(const PersonFacts& p) {
  if (!p.open) return;
  ++open_cases_;
  const int64_t worker = p.allocation ? p.allocation->second : 0;
  Caseload& caseload = caseloads_[worker];
  caseload.cases.push_back(p.ref);
  if (worker != 0 && !workers_[worker].active) ++inactive_cases_;
  if (!p.plan) {
    ++without_plan_;
    without_plan_refs_.push_back(p.ref);
    return;
  }
  const core::Date due = p.plan->second;
  if (due < cutover_)
    caseload.overdue.push_back(p.ref);
  else if (due < AddDays(cutover_, 56)) {
    if (due < AddDays(cutover_, 28)) caseload.due_4_weeks.push_back(p.ref);
    caseload.due_8_weeks.push_back(p.ref);
  }
}

void DayOneKey::EndPayments(const PersonFacts& p) {
  if (p.arrangements.empty() && p.last_recurring_paid && *p.last_recurring_paid >= core::SameDayMonthsBefore(cutover_, 2)) {
    no_arrangement_.push_back({{"legacy_ref", p.ref}, {"last_paid_date", p.last_recurring_paid->ToIso()}});
    ++flag_counts_["recurring_payments_no_arrangement"];
  }
  // The first run is on the cut-over: it pays each arrangement's periods
  // that begin on or before that day (the answer key's run date).
  const core::Date run = cutover_;
  for (const ArrangementFacts& a : p.arrangements) {
    const int64_t period = a.weekly ? 7 : 28;
    int64_t periods = a.start > run ? 0 : (run.days - a.start.days) / period + 1;
    if (a.end) periods = std::min<int64_t>(periods, (a.end->days - a.start.days) / period + 1);
    const int64_t arrears = a.start < cutover_ ? (cutover_.days - a.start.days + period - 1) / period : 0;
    Json flags = Json::array();
    if (arrears > 0) flags.push_back("arrears");
    if (arrears > 2) flags.push_back("unpaid_over_two_periods");
    const auto last = p.last_paid.find(static_cast<int>(a.type));
    const bool has_last = last != p.last_paid.end();
    if (has_last) {
      const core::Date last_end = AddDays(last->second.period_start, period - 1);
      if (AddDays(last_end, 1) < a.start) flags.push_back("gap");
      if (last_end >= a.start) flags.push_back("overlap");
      if (last->second.pence != a.amount) flags.push_back("amount_change");
    }
    for (const auto& flag : flags) ++flag_counts_[flag.get<std::string>()];
    const std::string& type = PayTypeCode(a.type);
    Json line = {{"legacy_ref", p.ref},
                 {"payment_type", type},
                 {"frequency", FrequencyCode(a.weekly)},
                 {"legacy_schedule_id", a.schedule_id},
                 {"first_period_start", a.start.ToIso()},
                 {"first_period_end",
                  periods > 0 ? Json(AddDays(a.start, periods * period - 1).ToIso()) : Json(nullptr)},
                 {"periods", periods},
                 {"amount_pence", periods * a.amount},
                 {"amount_pence_per_period", a.amount},
                 {"provider_last_period_start",
                  has_last ? Json(last->second.period_start.ToIso()) : Json(nullptr)},
                 {"provider_last_amount_pence", has_last ? Json(last->second.pence) : Json(nullptr)},
                 {"flags", flags}};
    auto& totals = run_totals_[type];
    ++totals[0];
    if (periods > 0) ++totals[1];
    if (has_last) totals[2] += last->second.pence;
    totals[3] += periods * a.amount;
    (periods > 0 ? lines_ : not_due_).push_back(std::move(line));
  }
}

void DayOneKey::EndBalances(const PersonFacts& p) {
  for (const auto& [type, pence] : p.balances) {
    balance_lines_.push_back({{"legacy_ref", p.ref}, {"balance_type", type}, {"pence", pence}});
    auto& [count, total] = balance_totals_[type];
    ++count;
    total += pence;
  }
  if (!p.open) return;
  const int64_t entitlement = SetUpHomeEntitlement(p.first_setting_up_home.value_or(cutover_));
  setting_up_home_.push_back({{"legacy_ref", p.ref},
                              {"entitlement_pence", entitlement},
                              {"paid_pence", p.setting_up_home_paid},
                              {"available_pence", std::max<int64_t>(0, entitlement - p.setting_up_home_paid)}});
}

Json DayOneKey::ToJson() const {
  Json by_staff = Json::array();
  int64_t overdue = 0, due_4 = 0, due_8 = 0;
  Json unallocated = Json::object();
  for (const auto& [worker, c] : caseloads_) {
    overdue += static_cast<int64_t>(c.overdue.size());
    due_4 += static_cast<int64_t>(c.due_4_weeks.size());
    due_8 += static_cast<int64_t>(c.due_8_weeks.size());
    Json entry = Json::object();
    if (worker != 0) {
      const auto found = workers_.find(worker);
      entry["staff"] = found->second.name;
      entry["legacy_worker_id"] = worker;
      entry["active"] = found->second.active;
    }
    entry["open_cases"] = static_cast<int64_t>(c.cases.size());
    entry["cases"] = Sorted(c.cases);
    entry["reviews"] = {{"overdue", Sorted(c.overdue)},
                        {"due_within_4_weeks", Sorted(c.due_4_weeks)},
                        {"due_within_8_weeks", Sorted(c.due_8_weeks)}};
    (worker == 0 ? unallocated : by_staff.emplace_back()) = std::move(entry);
  }
  std::sort(by_staff.begin(), by_staff.end(), [](const Json& a, const Json& b) {
    return std::tie(a["staff"].get_ref<const std::string&>(), a["legacy_worker_id"].get_ref<const Json::number_integer_t&>()) <
           std::tie(b["staff"].get_ref<const std::string&>(), b["legacy_worker_id"].get_ref<const Json::number_integer_t&>());
  });
  if (unallocated.empty())
    unallocated = {{"open_cases", 0},
                   {"cases", Json::array()},
                   {"reviews", {{"overdue", Json::array()}, {"due_within_4_weeks", Json::array()},
                                {"due_within_8_weeks", Json::array()}}}};

  Json lines = lines_, not_due = not_due_, no_arrangement = no_arrangement_;
  SortLines(lines);
  SortLines(not_due);
  std::sort(no_arrangement.begin(), no_arrangement.end(),
            [](const Json& a, const Json& b) { return a["legacy_ref"] < b["legacy_ref"]; });
  Json totals = Json::object();
  for (const auto& [type, t] : run_totals_)
    totals[type] = {{"arrangements", t[0]}, {"lines", t[1]}, {"provider_last_pence", t[2]}, {"council_first_run_pence", t[3]}};
  Json flag_counts = Json::object();
  for (const auto& [flag, count] : flag_counts_) flag_counts[flag] = count;

  Json balance_lines = balance_lines_, setting_up_home = setting_up_home_;
  std::sort(balance_lines.begin(), balance_lines.end(), [](const Json& a, const Json& b) {
    return std::tie(a["legacy_ref"].get_ref<const std::string&>(), a["balance_type"].get_ref<const std::string&>()) <
           std::tie(b["legacy_ref"].get_ref<const std::string&>(), b["balance_type"].get_ref<const std::string&>());
  });
  std::sort(setting_up_home.begin(), setting_up_home.end(),
            [](const Json& a, const Json& b) { return a["legacy_ref"] < b["legacy_ref"]; });
  Json balance_totals = Json::object();
  for (const auto& [type, cp] : balance_totals_) balance_totals[type] = {{"count", cp.first}, {"pence", cp.second}};

  return {
      {"cutover", cutover_.ToIso()},
      {"first_run", cutover_.ToIso()},
      {"caseloads",
       {{"open_cases", open_cases_},
        {"by_staff", by_staff},
        {"unallocated", unallocated},
        {"open_cases_with_inactive_staff", inactive_cases_},
        {"unresolved_pa_allocations", unresolved_allocations_}}},
      {"reviews",
       {{"overdue", overdue},
        {"due_within_4_weeks", due_4},
        {"due_within_8_weeks", due_8},
        {"open_cases_without_current_plan", without_plan_},
        {"without_current_plan", Sorted(without_plan_refs_)}}},
      {"first_payment_run",
       {{"lines", lines},
        {"not_in_first_run", not_due},
        {"recurring_payments_no_arrangement", no_arrangement},
        {"flag_counts", flag_counts},
        {"totals_by_type", totals}}},
      {"balances", {{"by_type", balance_totals}, {"by_person", balance_lines}, {"setting_up_home", setting_up_home}}},
  };
}

}  // namespace handover::generator
