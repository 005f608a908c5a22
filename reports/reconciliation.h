// Reconciliation: proves a run accounted for every source record and every
// penny, from the databases themselves: source counts by SQL on the source,
// target counts and money by SQL on the target, outcomes by SQL on the
// ledger. The load engine's own tallies are only compared against, never
// trusted.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "db/database.h"
#include "reports/measures.h"
#include "reports/money_by_person.h"
#include "reports/oc3_figures.h"
#include "reports/oc3_source.h"
#include "reports/verdict.h"
#include "core/status.h"
#include "load/load_engine.h"
#include "transform/mapping_program.h"

namespace handover::reports {

// Ledger outcome counts and money for one mapping.
struct OutcomeFigures {
  int64_t loaded = 0, rejected = 0, excluded = 0, merged = 0;
  // "rejected:orphan" -> 163, "excluded:soft_deleted" -> 14, ...
  std::map<std::string, int64_t> by_reason;
  // Money the records carried, by outcome and by "outcome:reason" (mappings
  // with a pence column only), and records whose amount could not be read.
  std::map<std::string, int64_t> pence_by_outcome;
  std::map<std::string, int64_t> pence_by_reason;
  int64_t records_without_amount = 0;
  // Every penny the source records carried: loaded + rejected + excluded + merged.
  int64_t source_pence() const {
    int64_t total = 0;
    for (const auto& [outcome, pence] : pence_by_outcome) total += pence;
    return total;
  }
  int64_t total() const { return loaded + rejected + excluded + merged; }
};

// What a delta run found, from its ledger: source records new since the
// base run, changed, unchanged, and base records no longer in the source
// (kept in the council's tables, never deleted).
struct DeltaFigures {
  int64_t new_records = 0, changed = 0, unchanged = 0;
  int64_t gone = 0;
  int64_t gone_kept = 0;        // of those, records the council holds
  int64_t gone_kept_pence = 0;  // and the money they carry, still in the target
};

// One target table as the target database reports it.
struct TargetTableFigures {
  std::string table;
  int64_t rows_in_target = 0;     // SELECT count(*) on the target
  int64_t rows_written = 0;       // what the engine says the runs wrote
  int64_t rows_existing = 0;      // rows no run wrote, kept (--existing-rows keep)
  int64_t pence_existing = 0;     // and their money
  std::string money_column;       // first *_pence column, if any
  int64_t pence_in_target = 0;    // SELECT sum(money_column) on the target
};

// Everything known about one mapping after the run.
struct MappingFigures {
  std::string mapping;
  std::string source_table;
  int64_t source_rows = 0;  // SELECT count(*) on the source
  OutcomeFigures ledger;    // from migration_ledger
  int64_t ledger_loaded_pence = 0;  // sum of amounts the ledger says were loaded
  bool has_money = false;
  DeltaFigures delta;  // a delta run only
  std::vector<TargetTableFigures> targets;
  std::vector<std::string> differences;  // empty when it balances
  bool balanced() const { return differences.empty(); }
};

// One line of the data officer's worklist.
struct ExceptionRow {
  std::string mapping, source_table, legacy_key, outcome, reason_code, reason, column, value_seen, action;
  int64_t source_row = 0;
};

struct Reconciliation {
  int64_t run_id = 0;
  std::string run_kind = "rehearsal";  // or "run" (committed)
  int64_t base_run_id = 0;             // a delta: the run it built on
  std::string source;  // masked URL
  std::string target;  // masked URL
  std::string mappings_hash;
  std::vector<MappingFigures> mappings;
  int64_t exception_count = 0;  // lines of the worklist (exception_list.h streams them)
  // The run's scope: source tables some mapping reads, and those none reads
  // (whose records this migration does not move at all).
  std::vector<std::string> source_tables_read;
  std::vector<std::string> source_tables_ignored;  // left out on purpose (`ignore table`)
  std::vector<std::string> source_tables_not_read;
  // The OC3 figures at the cut-over, from the migrated data (when the run has
  // a cutover parameter and the target is the leaving care model).
  std::optional<Oc3Figures> oc3;
  // The measures' independent reading of the source (measures.h): money per
  // person, month and type for each mapping reconcile.json declares, and the
  // OC3 figures as the source holds them against `oc3`.
  std::vector<MoneyByPerson> money_by_person;
  std::optional<StatutoryComparison> statutory;
  // Go / no-go and why (set by the caller with DecideVerdict once the
  // figures are complete).
  Verdict verdict;
  bool balanced() const;
  int64_t total_source_rows() const;
  int64_t total_pence_loaded() const;
};

// How personal data is treated in the reports.
struct PrivacyOptions {
  // When false (the default), values seen in personal columns (names, dates
  // of birth, addresses, free text...) are replaced in the worklist, and in
  // reason texts quoting them, by a pseudonym keyed with `pseudonym_key`
  // (pseudonym.h, pseudonym_key.h).
  bool show_personal_data = false;
  std::string pseudonym_key;
};

// What report.html, the workbook's Summary sheet and the console summary
// say first when a run's reports include personal data.
inline constexpr const char* kPersonalDataNotice = "This report includes personal data (--show-personal-data)";

// Computes the figures for `run_id` (see the header comment). Fails only if a
// query fails; a run that does not balance is a successful Reconciliation
// whose balanced() is false, with every difference listed.
core::Result<Reconciliation> Reconcile(db::Database& source, db::Database& target, const transform::MappingProgram& program,
                                 const load::LoadSummary& summary);

// Adds the measures' checks to `r` (after Reconcile, with r.oc3 computed):
// money per person for every money measure, each mapping whose money does
// not agree getting a difference that names the first groups and records;
// and, when the measures read the OC3 inputs, the source-side figures.
core::Status ReconcileWithMeasures(Reconciliation& r, db::Database& source, const core::Catalog& source_catalog,
                                   db::Database& target, const Measures& measures, const std::string& legacy_system,
                                   size_t batch_size);

// True for column names that hold personal data: names, dates of birth,
// contact details, identity numbers and free text (notes, comments).
bool IsPersonalColumn(const std::string& column);

}  // namespace handover::reports
