// DayOneKey: the answer key's `day_one` section, the figures the council's
// day-one pack must show (docs/dayone.md), accumulated from what the
// generator wrote and what must load (never from the migrated database):
// each PA's open cases at the cut-over, the reviews due, the first payment
// run set against the provider's last payments, and the balances. The rules
// are restated here on purpose, apart from reports/day_one*, so that a
// mistake in either is seen when the test compares the two.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "generator/codes.h"
#include "core/value.h"

namespace handover::generator {

// Fed by the writers as each person's rows are generated; one person at a
// time between BeginPerson and EndPerson.
class DayOneKey {
 public:
  explicit DayOneKey(core::Date cutover) : cutover_(cutover) {}

  // A provider worker (a council staff member once loaded).
  void Worker(int64_t worker_id, const std::string& name, bool active);
  // Starts a person: `loaded` when their client row loads (duplicates fold
  // into them), `open` when their case is open at the cut-over.
  void BeginPerson(const std::string& ref, bool loaded, bool open);
  // The person's rows that load (call only for loaded rows).
  void Allocation(int64_t worker_id, core::Date start, std::optional<core::Date> end);
  void Plan(core::Date plan_date, core::Date next_review, bool current);
  void Payment(PayType type, core::Date paid_on, core::Date period_start, int64_t pence);
  void Arrangement(int64_t schedule_id, PayType type, int64_t amount_pence, bool weekly, core::Date start,
                   std::optional<core::Date> end);
  void Balance(const std::string& balance_type, int64_t pence);
  // Ends the person: their figures join the section's.
  void EndPerson();
  // Counts an allocation rejected because its PA could not be resolved.
  void UnresolvedAllocation() { ++unresolved_allocations_; }

  // The section, as dayone.json writes the same figures.
  nlohmann::ordered_json ToJson() const;

 private:
  struct WorkerFacts {
    std::string name;
    bool active = true;
  };
  struct ArrangementFacts {
    int64_t schedule_id;
    PayType type;
    int64_t amount;
    bool weekly;
    core::Date start;
    std::optional<core::Date> end;
  };
  struct LastPaid {
    core::Date period_start;
    int64_t pence = 0;
  };
  // What one person's rows say, until EndPerson.
  struct PersonFacts {
    std::string ref;
    bool loaded = false, open = false;
    std::optional<std::pair<core::Date, int64_t>> allocation;  // start, worker covering the cut-over
    std::optional<std::pair<core::Date, core::Date>> plan;     // latest current plan: date, review due
    std::vector<ArrangementFacts> arrangements;
    std::map<int, LastPaid> last_paid;  // by recurring type
    std::optional<core::Date> last_recurring_paid;
    std::optional<core::Date> first_setting_up_home;
    int64_t setting_up_home_paid = 0;
    std::vector<std::pair<std::string, int64_t>> balances;
  };
  // One PA's (or, key 0, nobody's) open cases and reviews.
  struct Caseload {
    std::vector<std::string> cases, overdue, due_4_weeks, due_8_weeks;
  };

  void EndCaseload(const PersonFacts& p);
  void EndPayments(const PersonFacts& p);
  void EndBalances(const PersonFacts& p);

  core::Date cutover_;
  std::map<int64_t, WorkerFacts> workers_;
  PersonFacts person_;
  std::map<int64_t, Caseload> caseloads_;  // by worker id, 0 = unallocated
  int64_t open_cases_ = 0, inactive_cases_ = 0, unresolved_allocations_ = 0, without_plan_ = 0;
  std::vector<std::string> without_plan_refs_;
  nlohmann::ordered_json lines_ = nlohmann::ordered_json::array();
  nlohmann::ordered_json not_due_ = nlohmann::ordered_json::array();
  nlohmann::ordered_json no_arrangement_ = nlohmann::ordered_json::array();
  nlohmann::ordered_json balance_lines_ = nlohmann::ordered_json::array();
  nlohmann::ordered_json setting_up_home_ = nlohmann::ordered_json::array();
  std::map<std::string, std::array<int64_t, 4>> run_totals_;  // type -> arrangements, lines, provider, council
  std::map<std::string, int64_t> flag_counts_;
  std::map<std::string, std::pair<int64_t, int64_t>> balance_totals_;  // type -> count, pence
};

}  // namespace handover::generator
