// Measures: the mapping set's own, independent reading of the source for
// reconciliation. `*.measure` files hold mappings in the mapping language
// (same functions, same code sets) that write into the measure tables below,
// never into the council's; `reconcile.json` names, for each mapping that
// carries money, the target columns its money is compared by. A migration
// mapping that loses pence, or a filter that drops records, changes what the
// run loaded but not what the measures read, so reconciliation sees it.
//
//   source_money(migrated_by, person, on_date, type, amount_pence)
//       one row per source record that carries money, every record counted
//   oc3_person(person, date_of_birth, case_open)
//   oc3_contact(person, contact_date, in_touch)
//   oc3_activity(person, start_date, end_date, activity)
//   oc3_accommodation(person, start_date, end_date, accommodation)
//       the OC3 return's inputs as the source holds them (person: the
//       person's legacy reference)
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/schema.h"
#include "core/status.h"
#include "db/database.h"
#include "transform/check_result.h"
#include "transform/row_outcome.h"
#include "transform/params.h"
#include "transform/query_sources.h"

namespace handover::reports {

// How one money-carrying mapping's target is summed per person, month and
// type (columns of the mapping's first target with a pence column).
struct MoneyTargetSpec {
  std::string mapping;
  std::string table;
  std::string person_column;  // holds the council id of the person
  std::string person_entity = "person";  // whose crosswalk resolves source_money.person
  std::string date_column;    // its month is the month compared
  std::string type_column;
  std::string amount_column;  // the pence column
  std::string key_column;     // the council id column, "" if none
};

// The measure mappings of a mapping set, checked, and the money targets.
struct Measures {
  std::unique_ptr<transform::MappingProgram> program;  // owns the mappings below
  std::vector<const transform::CompiledMapping*> money;  // into source_money
  std::vector<MoneyTargetSpec> money_targets;
  // Into oc3_person, oc3_contact, oc3_activity, oc3_accommodation (each may
  // be several mappings; all four needed for the source-side OC3 figures).
  std::vector<const transform::CompiledMapping*> oc3_person, oc3_contact, oc3_activity, oc3_accommodation;
  bool has_oc3() const {
    return !oc3_person.empty() && !oc3_contact.empty() && !oc3_activity.empty() && !oc3_accommodation.empty();
  }
};

// The measure tables, for binding measure mappings.
core::Catalog MeasureTables();

// Reads the `*.measure` files and reconcile.json of `mappings_dir` and checks
// them against the source and the measure tables (with the set's code sets).
// A mapping set without measures gives empty Measures. Measure mappings with
// errors fill `diagnostics` and fail with kConfig; a bad reconcile.json is a
// one-line kConfig error naming the file and field.
core::Result<Measures> LoadMeasures(const std::filesystem::path& mappings_dir, const core::Catalog& source,
                                    const core::Catalog& target, const transform::MappingProgram& migration,
                                    const transform::Params& params, const transform::DescribeQueryFn& describe,
                                    std::vector<transform::Diagnostic>& diagnostics);

// Reads every source row of measure `m` in source order and evaluates it;
// `each` gets the row's ordinal (1-based, as the ledger numbers records),
// its legacy key and the outcome, whose target_rows[0] holds the measure
// table's values (also for a row a rule rejects). Stops at the first error.
// The source is read on another thread meanwhile: `each` must not use it.
using MeasureRowFn = std::function<core::Status(int64_t ordinal, std::optional<std::string> key,
                                                const transform::RowOutcome& outcome)>;
core::Status ForEachMeasureRow(db::Database& source, const core::Catalog& catalog,
                               const transform::CompiledMapping& m, size_t batch_size, const MeasureRowFn& each);

}  // namespace handover::reports
