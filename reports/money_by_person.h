// Money three ways, per young person, per month, per payment type, in exact
// integer pence: (a) the source read again by the measure mappings
// (measures.h), not by the load path; (b) the ledger's outcome of each of
// those records; (c) the target table summed with SQL. For every group,
// source = loaded + rejected + excluded + merged (as the ledger carried
// them), and loaded = target. Every group that differs is named with its
// records (legacy reference, outcome, target key).
//
// The source-side rows go into a temporary table of the target session
// (gone with the connection, rolled back with a rehearsal), so that the
// comparison is SQL and memory stays flat however many people there are.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/schema.h"
#include "core/status.h"
#include "db/database.h"
#include "reports/measures.h"

namespace handover::reports {

// One record behind a difference.
struct MoneyRecord {
  std::string legacy_key;
  std::string outcome;      // the ledger's ("loaded", "rejected"...), "" if it has none
  std::string target_key;   // the council id it was loaded as, "" if none
  int64_t source_pence = 0; // as the measure read it
  std::string ledger_pence; // as the load path carried it ("" when none)
};

// One person / month / type whose money does not agree.
struct MoneyDifference {
  std::string person;  // council id of the person, or "legacy <ref>" when none was given
  std::string month;   // "2018-09", "" when the date is unreadable
  std::string type;
  int64_t source = 0, ledger = 0, loaded = 0, target = 0;
  std::vector<MoneyRecord> records;  // at most kRecordsPerDifference
};

// Source against target, one month.
struct MonthMoney {
  std::string month;
  int64_t source = 0, loaded = 0, target = 0;
};

// One young person's money in one mapping, all months and types together.
struct PersonMoney {
  std::string person;      // as MoneyDifference::person
  std::string legacy_ref;  // the source's reference for them ("" if none)
  int64_t source = 0, loaded = 0, target = 0;
  int64_t differing_groups = 0;
};

// The per-person money figures of one mapping.
struct MoneyByPerson {
  std::string mapping;
  int64_t records = 0;         // source records the measures read
  int64_t groups = 0;          // person / month / type groups compared
  int64_t source_pence = 0;    // (a)
  int64_t ledger_pence = 0;    // (b), every outcome
  int64_t loaded_pence = 0;    // (b), loaded
  int64_t target_pence = 0;    // (c)
  int64_t differing_groups = 0;
  int64_t unmatched_records = 0;  // source records the ledger has no line for
  std::vector<MoneyDifference> differences;  // the first kDifferencesListed
  std::vector<MonthMoney> by_month;
  // Every person, in person order (for the workbook; not in the JSON).
  std::vector<PersonMoney> people;
  bool balanced() const { return differing_groups == 0 && unmatched_records == 0; }
};

inline constexpr size_t kDifferencesListed = 200;
inline constexpr size_t kRecordsPerDifference = 20;

// Reads the money measures' rows from `source` and compares them, for every
// mapping reconcile.json declares, with run `run_id`'s ledger and the target.
core::Result<std::vector<MoneyByPerson>> ReconcileMoneyByPerson(db::Database& source,
                                                                const core::Catalog& source_catalog,
                                                                db::Database& target, const Measures& measures,
                                                                int64_t run_id, const std::string& legacy_system,
                                                                size_t batch_size);

}  // namespace handover::reports
