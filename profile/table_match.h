// Which source table becomes which target table, and which source column
// fills which target column, judged by names alone: the scaffold's first
// guess, for a person to confirm. Names are compared by their words
// (split at '_'): the same name, one a prefix or suffix of the other at a
// word boundary ("amount" and "amount_pence", "status" and "case_status"),
// or a known synonym ("dob" and "date_of_birth").
#pragma once

#include <string>
#include <vector>

#include "core/schema.h"
#include "profile/profile.h"

namespace handover::profile {

// How alike two column names are: 3 the same, 2 a word-boundary prefix,
// suffix or synonym, 1 a shared word that is not a generic one ("id",
// "date", "type", "code"...), 0 nothing.
int ColumnNameScore(const std::string& source, const std::string& target);

// A source table linked to a target table, with the evidence.
struct TableMatch {
  std::string source, target;
  int score = 0;
  int shared_columns = 0;  // target columns some source column names closely (score >= 2)
};

// One target table per source table at most and the other way round, best
// score first: name likeness (10 the same, 5 a shared word or prefix) plus
// 2 per shared column; pairs scoring under 6 are not linked.
std::vector<TableMatch> MatchTables(const SourceProfile& profile, const core::Catalog& target);

}  // namespace handover::profile
