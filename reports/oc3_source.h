// The OC3 figures as the source holds them, read by the mapping set's OC3
// measures (measures.h) rather than the load path, and compared with the
// figures from the council's tables person by person: a filter or rule that
// drops records the return counts moves them, and the people it moved are
// named.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/schema.h"
#include "core/status.h"
#include "db/database.h"
#include "reports/measures.h"
#include "reports/oc3_figures.h"

namespace handover::reports {

// Where the source's people are found in the council's data.
struct PersonIdentity {
  int64_t run_id = 0;
  std::string legacy_system = "provider";
  std::string entity = "person";  // the crosswalk entity and ledger mapping of people
};

// The source-side figures at `at`. People are matched to council ids through
// the run's crosswalk (a merged duplicate's records count for its survivor,
// and the duplicate's own row is skipped); a person the council does not
// hold is counted under their legacy reference (a negative id). `labels`
// gets the legacy reference of every cohort member, by id.
core::Result<Oc3Figures> ComputeOc3FromSource(db::Database& source, const core::Catalog& catalog,
                                              db::Database& target, const Measures& measures, core::Date at,
                                              const PersonIdentity& identity, size_t batch_size,
                                              std::unordered_map<int64_t, std::string>& labels);

// One cohort member whose figure differs between the source and the council.
struct PersonFigureDifference {
  std::string person;  // "council id 17 (legacy C000123)" or "legacy C000456"
  std::string figure;  // "cohort", "IN_TOUCH", "ACTIV", "ACCOM"
  std::string source, target;  // the codes ("YES", "none"; "member"/"not in cohort")
};

// The source's figures against the council's.
struct StatutoryComparison {
  Oc3Figures source;
  std::vector<std::string> differences;          // per figure, "in touch: 480 in the source, 470 migrated"
  std::vector<PersonFigureDifference> people;    // the first kPeopleListed
  int64_t people_differing = 0;
  bool equal() const { return differences.empty() && people_differing == 0; }
};

inline constexpr size_t kPeopleListed = 200;

// Compares figure by figure and person by person; `labels` names person ids
// (ComputeOc3FromSource's legacy references), others are shown as council ids.
StatutoryComparison CompareOc3(Oc3Figures source, const Oc3Figures& target,
                               const std::unordered_map<int64_t, std::string>& labels);

}  // namespace handover::reports
