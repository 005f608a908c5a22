// The day-one pack from the council's tables: people and staff first (few),
// then one streamed pass over allocations, plans, arrangements, payments and
// balances, each reduced per person as it is read.
#include "reports/day_one.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "core/calendar_months.h"
#include "db/introspect.h"
#include "reports/query_text.h"

namespace handover::reports {
namespace {

struct StaffRow {
  std::string name;
  std::optional<int64_t> legacy_worker_id;
  bool active = true;
};

// What the council holds for one person, reduced as rows stream past.
struct PersonState {
  std::string legacy_ref;
  bool open = false;
  // The allocation covering the cut-over: latest start, then highest id.
  std::optional<std::tuple<core::Date, int64_t, int64_t>> allocation;  // start, id, staff
  // The latest current plan: latest plan date, then highest id.
  std::optional<std::tuple<core::Date, int64_t, std::optional<core::Date>>> plan;  // date, id, review due
  std::map<std::string, LastPayment> last_paid;  // by recurring type
  std::optional<core::Date> last_recurring_paid, first_setting_up_home;
  int64_t setting_up_home_paid = 0;
  bool has_arrangement = false;
};

std::optional<int64_t> OptionalInt(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return IntFromText(text);
}

std::optional<core::Date> OptionalDate(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return DateFromText(text);
}

// "CAST(x AS VARCHAR(n))" for each column, NULL as ''.
std::string Text(const std::string& column, int width = 40) {
  return "CAST(COALESCE(CAST(" + column + " AS VARCHAR(" + std::to_string(width) + ")), '') AS VARCHAR(" +
         std::to_string(width) + "))";
}

class DayOneReader {
 public:
  DayOneReader(db::Database& target, const DayOneOptions& options, bool has_runs)
      : target_(target),
        cutover_(options.cutover),
        run_(options.first_run.value_or(options.cutover)),
        has_runs_(has_runs) {}

  core::Result<DayOneFigures> Read() {
    figures_.cutover = cutover_;
    figures_.first_run = run_;
    HANDOVER_RETURN_IF_ERROR(ReadPeople());
    HANDOVER_RETURN_IF_ERROR(ReadStaff());
    HANDOVER_RETURN_IF_ERROR(ReadAllocations());
    HANDOVER_RETURN_IF_ERROR(ReadPlans());
    HANDOVER_RETURN_IF_ERROR(ReadPayments());
    HANDOVER_RETURN_IF_ERROR(ReadArrangements());
    HANDOVER_RETURN_IF_ERROR(ReadBalances());
    HANDOVER_RETURN_IF_ERROR(ReadLedger());
    Caseloads();
    NoArrangements();
    SetUpHome();
    SortRun(figures_.first_run_lines);
    return std::move(figures_);
  }

 private:
  core::Status Rows(const std::string& sql, size_t columns, const std::string& what,
                    const std::function<void(std::vector<std::string>&)>& row) {
    return target_.ForEachRow(sql, columns, "reading " + what + " for the day-one pack", row);
  }

  PersonState* Person(const std::string& id) {
    auto found = people_.find(IntFromText(id));
    return found == people_.end() ? nullptr : &found->second;
  }

  core::Status ReadPeople() {
    return Rows("SELECT " + Text("person_id") + ", " + Text("legacy_ref", 200) + ", " + Text("forename", 400) + ", " +
                    Text("surname", 400) + ", " + Text("date_of_birth") + ", " + Text("case_status") + " FROM person",
                6, "people", [&](std::vector<std::string>& row) {
                  PersonState& p = people_[IntFromText(row[0])];
                  p.legacy_ref = row[1];
                  p.open = row[5] == "OPEN";
                  figures_.people[row[1]] = {row[1], std::move(row[2]), std::move(row[3]), OptionalDate(row[4])};
                });
  }

  core::Status ReadStaff() {
    return Rows("SELECT " + Text("staff_id") + ", " + Text("full_name", 400) + ", " + Text("active") + ", " +
                    Text("legacy_worker_id") + " FROM staff",
                4, "staff", [&](std::vector<std::string>& row) {
                  staff_[IntFromText(row[0])] = {std::move(row[1]), OptionalInt(row[3]), row[2] != "0"};
                });
  }

  core::Status ReadAllocations() {
    return Rows("SELECT " + Text("person_id") + ", " + Text("allocation_id") + ", " + Text("staff_id") + ", " +
                    Text("start_date") + ", " + Text("end_date") + " FROM allocation",
                5, "allocations", [&](std::vector<std::string>& row) {
                  PersonState* p = Person(row[0]);
                  const auto start = DateFromText(row[3]);
                  const auto end = OptionalDate(row[4]);
                  if (!p || !start || *start > cutover_ || (end && *end < cutover_)) return;
                  const int64_t id = IntFromText(row[1]);
                  if (!p->allocation || std::tie(*start, id) > std::tie(std::get<0>(*p->allocation),
                                                                        std::get<1>(*p->allocation)))
                    p->allocation = {{*start, id, IntFromText(row[2])}};
                });
  }

  core::Status ReadPlans() {
    return Rows("SELECT " + Text("person_id") + ", " + Text("plan_id") + ", " + Text("plan_date") + ", " +
                    Text("next_review_due") + " FROM pathway_plan WHERE status = 'CURRENT'",
                4, "pathway plans", [&](std::vector<std::string>& row) {
                  PersonState* p = Person(row[0]);
                  const auto date = DateFromText(row[2]);
                  if (!p || !date) return;
                  const int64_t id = IntFromText(row[1]);
                  if (!p->plan || std::tie(*date, id) > std::tie(std::get<0>(*p->plan), std::get<1>(*p->plan)))
                    p->plan = {{*date, id, OptionalDate(row[3])}};
                });
  }

  // Historic lines of recurring types (the provider's last payment of each,
  // the latest recurring payment) and of the setting-up-home allowance.
  core::Status ReadPayments() {
    return Rows("SELECT " + Text("p.person_id") + ", " + Text("p.payment_type") + ", " + Text("p.amount_pence") +
                    ", " + Text("p.paid_date") + ", " + Text("p.period_start") + ", " + Text("t.recurring") +
                    " FROM payment p JOIN code_payment_type t ON t.code = p.payment_type"
                    " WHERE t.recurring = 1 OR p.payment_type = 'SETTING_UP_HOME'",
                6, "payments", [&](std::vector<std::string>& row) {
                  PersonState* p = Person(row[0]);
                  const int64_t pence = IntFromText(row[2]);
                  const auto paid = DateFromText(row[3]);
                  if (!p || !paid) return;
                  if (row[5] != "1") {
                    p->setting_up_home_paid += pence;
                    if (!p->first_setting_up_home || *paid < *p->first_setting_up_home) p->first_setting_up_home = paid;
                    return;
                  }
                  const auto period_start = DateFromText(row[4]);
                  if (pence <= 0) return;
                  if (!p->last_recurring_paid || *paid > *p->last_recurring_paid) p->last_recurring_paid = paid;
                  if (!period_start) return;
                  auto [it, inserted] = p->last_paid.try_emplace(row[1], LastPayment{*period_start, pence});
                  if (!inserted && std::tie(*period_start, pence) > std::tie(it->second.period_start, it->second.pence))
                    it->second = {*period_start, pence};
                });
  }

  core::Status ReadArrangements() {
    return Rows("SELECT " + Text("a.person_id") + ", " + Text("a.payment_type") + ", " + Text("a.frequency") + ", " +
                    Text("a.legacy_schedule_id") + ", " + Text("a.amount_pence") + ", " + Text("f.period_days") +
                    ", " + Text("a.start_date") + ", " + Text("a.end_date") +
                    " FROM payment_arrangement a JOIN code_frequency f ON f.code = a.frequency",
                8, "payment arrangements", [&](std::vector<std::string>& row) {
                  PersonState* p = Person(row[0]);
                  const auto start = DateFromText(row[6]);
                  if (!p || !start) return;
                  p->has_arrangement = true;
                  ArrangementRow a{p->legacy_ref,     std::move(row[1]),      std::move(row[2]),   OptionalInt(row[3]),
                                   IntFromText(row[4]), IntFromText(row[5]), *start,              OptionalDate(row[7])};
                  const auto last = p->last_paid.find(a.payment_type);
                  const std::optional<LastPayment> provider_last =
                      last == p->last_paid.end() ? std::nullopt : std::optional<LastPayment>(last->second);
                  AddToRun(FirstRunLineFor(a, provider_last, cutover_, run_), figures_.first_run_lines);
                });
  }

  core::Status ReadBalances() {
    return Rows("SELECT " + Text("person_id") + ", " + Text("balance_type") + ", " + Text("amount_pence") +
                    " FROM opening_balance",
                3, "opening balances", [&](std::vector<std::string>& row) {
                  PersonState* p = Person(row[0]);
                  if (!p) return;
                  const int64_t pence = IntFromText(row[2]);
                  auto& [count, total] = figures_.balance_totals[row[1]];
                  ++count;
                  total += pence;
                  figures_.balances.push_back({p->legacy_ref, std::move(row[1]), pence});
                });
  }

  // The allocations whose PA the load could not resolve, from the latest
  // committed run's ledger (absent from a council database no run wrote).
  core::Status ReadLedger() {
    if (!has_runs_) return core::Status::Ok();
    const std::string latest = "(SELECT MAX(run_id) FROM migration_run WHERE kind = 'run')";
    auto count = target_.QueryInt(
        "SELECT COUNT(*) FROM migration_ledger WHERE mapping = 'allocation' AND outcome = 'rejected' AND "
        "reason_code = 'unresolved_worker' AND run_id = " + latest,
        "counting the unresolved PA names for the day-one pack");
    if (!count.ok()) return count.status();
    figures_.unresolved_pa_allocations = *count;
    return core::Status::Ok();
  }

  void Caseloads() {
    std::map<int64_t, Caseload> by_staff;
    for (const auto& [id, p] : people_) {
      if (!p.open) continue;
      ++figures_.open_cases;
      Caseload* caseload = &figures_.unallocated;
      if (p.allocation) {
        const int64_t staff_id = std::get<2>(*p.allocation);
        caseload = &by_staff[staff_id];
        if (!caseload->staff_id) {
          const StaffRow& s = staff_[staff_id];
          caseload->staff_id = staff_id;
          caseload->staff = s.name;
          caseload->legacy_worker_id = s.legacy_worker_id;
          caseload->active = s.active;
        }
        if (!caseload->active) ++figures_.open_cases_with_inactive_staff;
      }
      caseload->cases.push_back(p.legacy_ref);
      if (!p.plan) {
        figures_.without_current_plan.push_back(p.legacy_ref);
        continue;
      }
      const std::optional<core::Date> due = std::get<2>(*p.plan);
      if (!due) continue;
      figures_.review_due[p.legacy_ref] = *due;
      if (*due < cutover_) {
        caseload->overdue.push_back(p.legacy_ref);
        ++figures_.overdue;
      } else if (due->days < cutover_.days + 56) {
        if (due->days < cutover_.days + 28) {
          caseload->due_within_4_weeks.push_back(p.legacy_ref);
          ++figures_.due_within_4_weeks;
        }
        caseload->due_within_8_weeks.push_back(p.legacy_ref);
        ++figures_.due_within_8_weeks;
      }
    }
    for (auto& [id, caseload] : by_staff) figures_.by_staff.push_back(std::move(caseload));
    std::sort(figures_.by_staff.begin(), figures_.by_staff.end(), [](const Caseload& a, const Caseload& b) {
      return std::tie(a.staff, a.legacy_worker_id, a.staff_id) < std::tie(b.staff, b.legacy_worker_id, b.staff_id);
    });
    const auto sort_refs = [](Caseload& c) {
      for (auto* list : {&c.cases, &c.overdue, &c.due_within_4_weeks, &c.due_within_8_weeks})
        std::sort(list->begin(), list->end());
    };
    for (Caseload& c : figures_.by_staff) sort_refs(c);
    sort_refs(figures_.unallocated);
    std::sort(figures_.without_current_plan.begin(), figures_.without_current_plan.end());
  }

  void NoArrangements() {
    const core::Date since = core::SameDayMonthsBefore(cutover_, 2);
    for (const auto& [id, p] : people_)
      if (!p.has_arrangement && p.last_recurring_paid && *p.last_recurring_paid >= since) {
        figures_.first_run_lines.no_arrangement.push_back({p.legacy_ref, *p.last_recurring_paid});
        ++figures_.first_run_lines.flag_counts["recurring_payments_no_arrangement"];
      }
  }

  void SetUpHome() {
    for (const auto& [id, p] : people_) {
      if (!p.open) continue;
      const int64_t entitlement = SetUpHomeEntitlementPence(p.first_setting_up_home.value_or(cutover_));
      figures_.setting_up_home.push_back({p.legacy_ref, entitlement, p.setting_up_home_paid,
                                          std::max<int64_t>(0, entitlement - p.setting_up_home_paid)});
    }
    std::sort(figures_.setting_up_home.begin(), figures_.setting_up_home.end(),
              [](const SetUpHomeLine& a, const SetUpHomeLine& b) { return a.legacy_ref < b.legacy_ref; });
    std::sort(figures_.balances.begin(), figures_.balances.end(), [](const BalanceLine& a, const BalanceLine& b) {
      return std::tie(a.legacy_ref, a.balance_type) < std::tie(b.legacy_ref, b.balance_type);
    });
  }

  db::Database& target_;
  core::Date cutover_, run_;
  bool has_runs_;
  DayOneFigures figures_;
  std::unordered_map<int64_t, PersonState> people_;
  std::unordered_map<int64_t, StaffRow> staff_;
};

}  // namespace

std::string MissingDayOneTable(const core::Catalog& target) {
  for (const char* table : {"person", "staff", "allocation", "pathway_plan", "payment_arrangement", "payment",
                            "opening_balance", "code_payment_type", "code_frequency"})
    if (!target.Find(table)) return table;
  return "";
}

core::Result<DayOneOptions> DayOneOptionsFrom(const transform::Params& params) {
  const auto date = [&](const char* name, bool required) -> core::Result<std::optional<core::Date>> {
    const auto found = params.find(name);
    if (found == params.end()) {
      if (!required) return std::optional<core::Date>();
      return core::Status::Error(core::ErrorCode::kUsage,
                                 std::string("the day-one pack needs --param ") + name +
                                     "=YYYY-MM-DD, the day the council took the service over");
    }
    auto parsed = core::Date::ParseIso(found->second);
    if (!parsed)
      return core::Status::Error(core::ErrorCode::kUsage, std::string("--param ") + name + "=" + found->second +
                                                              " is not a date: write YYYY-MM-DD, e.g. 2018-10-01");
    return std::optional<core::Date>(*parsed);
  };
  auto cutover = date("cutover", true);
  if (!cutover.ok()) return cutover.status();
  auto first_run = date("first_run", false);
  if (!first_run.ok()) return first_run.status();
  if (*first_run && **first_run < **cutover)
    return core::Status::Error(core::ErrorCode::kUsage, "--param first_run=" + (*first_run)->ToIso() +
                                                            " is before the cut-over " + (*cutover)->ToIso() +
                                                            ": the council's first run cannot precede it");
  return DayOneOptions{**cutover, *first_run};
}

int64_t SetUpHomeEntitlementPence(core::Date date) {
  return date >= *core::Date::FromYmd(2023, 4, 1) ? 300000 : 200000;
}

core::Result<DayOneFigures> ComputeDayOne(db::Database& target, const DayOneOptions& options) {
  auto catalog = db::ReadCatalog(target);
  if (!catalog.ok()) return catalog.status().WithContext("reading the target's tables for the day-one pack");
  const std::string missing = MissingDayOneTable(*catalog);
  if (!missing.empty())
    return core::Status::Error(core::ErrorCode::kConfig,
                               "the target has no " + missing +
                                   " table: the day-one pack reads a council database that a handover run loaded");
  const bool has_runs = catalog->Find("migration_run") && catalog->Find("migration_ledger");
  return DayOneReader(target, options, has_runs).Read();
}

}  // namespace handover::reports
