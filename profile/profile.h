// SourceProfile: what `handover profile` found in a source database, as
// plain data for the renderers (reports/profile_*.cpp) and for scaffold.
// Which figures are exact and which are estimates is stated field by field;
// docs/profile.md describes the same for profile.json.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "profile/sketches.h"

namespace handover::profile {

// How a column's non-blank values look, judged from all of them.
enum class Looks { kEmpty, kDate, kMoney, kInteger, kDecimal, kCode, kIdentifier, kText };
const char* LooksName(Looks looks);

// One date format found in a column and how many values it read (exact).
struct DateFormatCount {
  std::string format;  // a date(...) directive string: "%d/%m/%Y"
  int64_t count = 0;
  std::string example;
};

// Money text in a column (exact counts of non-blank values).
struct MoneyCounts {
  int64_t readable = 0;     // money(...) reads it
  int64_t money_like = 0;   // readable, with a pound sign, commas or a fraction
  int64_t pound_sign = 0;
  int64_t thousands_commas = 0;
  int64_t float_noise = 0;
  int64_t negative = 0;
  int64_t whole = 0;        // readable, no fraction ("2000")
  int64_t unreadable = 0;   // non-blank and not readable
};

// Everything known of one column. Counts are exact unless said otherwise.
struct ColumnProfile {
  std::string name;
  std::string declared_type;
  bool personal = false;      // reports::IsPersonalColumn: shown pseudonymised by default
  int64_t rows = 0;
  int64_t nulls = 0;
  int64_t blanks = 0;         // empty or only spaces (not NULL)
  int64_t distinct = 0;       // exact when distinct_exact, else a HyperLogLog estimate (~1%)
  bool distinct_exact = false;
  std::vector<ValueCount> top;  // most frequent values; exact when top_exact, else lower bounds
  bool top_exact = false;
  int64_t top_max_error = 0;  // a top count may be short by this much
  std::string min, max;       // numeric order when every value is an integer, else byte order
  int64_t max_length = 0;     // in characters (UTF-8), bytes where not UTF-8
  int64_t padded = 0;         // leading or trailing spaces
  int64_t non_utf8 = 0;       // values with bytes that are not UTF-8 (Windows-1252, usually)
  // Spellings of the same value that differ only by case and surrounding
  // spaces ("Rent", "RENT", "rent "), among the frequent values.
  std::vector<std::vector<std::string>> case_variants;
  // What the text looks like.
  Looks looks = Looks::kEmpty;
  int64_t integer_text = 0;     // values that are integers
  int64_t decimal_text = 0;     // values that are decimals
  int64_t leading_zeros = 0;    // identifiers like "007"
  std::vector<DateFormatCount> date_formats;  // by count, largest first
  int64_t dates = 0;            // values some format read
  int64_t ambiguous_dates = 0;  // of them, readable as day/month and month/day
  int64_t unreadable_dates = 0; // date-shaped but not a real date: 31/02/2002, 00/00/0000
  std::string earliest_date, latest_date;  // ISO, of the values read
  MoneyCounts money;
  int64_t non_blank() const { return rows - nulls - blanks; }
};

// A column whose non-missing values are all different (checked exactly,
// with 64-bit hashes, in a second pass).
struct CandidateKey {
  std::string column;
  int64_t values = 0;   // non-missing values
  int64_t missing = 0;  // NULL or blank rows (a nullable key when > 0)
};

// A column of one table whose values are another table's candidate key.
// Exact counts (a third pass looks every value up).
struct CandidateReference {
  std::string table, column;              // the referring column
  std::string key_table, key_column;      // the key it refers to
  std::string found_by;                   // "name" (same column name) or "values"
  int64_t rows = 0;
  int64_t missing = 0;         // NULL or blank
  int64_t matched = 0;         // equal to a key value as written
  int64_t matched_folded = 0;  // equal only after trimming and ASCII upper case ("lc0000042 ")
  int64_t orphans = 0;         // matching no key value either way
};

// Candidate duplicate people in a table with a date of birth and names:
// rows with the same readable date of birth, forename initial and surname
// skeleton (ASCII letters, first kept, later vowels dropped, runs
// collapsed), as docs/provider-database.md's name match key. Exact counts.
struct DuplicatePeople {
  std::string table, dob_column, forename_column, surname_column;
  int64_t rows = 0;
  int64_t rows_with_dob = 0;  // a date of birth some format reads
  int64_t groups = 0;         // match keys held by more than one row
  int64_t duplicate_rows = 0; // rows beyond the first of each such group
};

// One table.
struct TableProfile {
  std::string name;
  int64_t rows = 0;
  std::vector<ColumnProfile> columns;
  std::vector<CandidateKey> keys;
  const ColumnProfile* Find(const std::string& column) const;
};

// The whole source.
struct SourceProfile {
  std::string source;  // the masked URL
  std::string dialect;
  std::string profiled_at;  // UTC, ISO 8601
  double seconds = 0;
  std::vector<TableProfile> tables;
  std::vector<CandidateReference> references;
  std::vector<DuplicatePeople> duplicates;
  const TableProfile* Find(const std::string& table) const;
};

}  // namespace handover::profile
