// The terminal summary of `handover profile`: the findings that shape a
// mapping set, a line each, and where the three files are. Names no value
// of a personal column.
#include <cstdio>

#include "reports/money_text.h"
#include "reports/profile_reports.h"

namespace handover::reports {

std::string ProfileSummary(const profile::SourceProfile& p, const std::filesystem::path& dir) {
  using namespace handover::profile;
  int64_t rows = 0;
  for (const TableProfile& t : p.tables) rows += t.rows;
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f s", p.seconds);
  std::string out = "Profile of " + p.source + ": " + Grouped(int64_t(p.tables.size())) + " tables, " + Grouped(rows) +
                    " rows (" + seconds + ")\n";
  std::string dates, money, codes, keys;
  for (const TableProfile& t : p.tables) {
    for (const ColumnProfile& c : t.columns) {
      const std::string name = t.name + "." + c.name;
      if (c.looks == Looks::kDate && c.date_formats.size() > 1) dates += (dates.empty() ? "" : ", ") + name;
      if (c.looks == Looks::kMoney) money += (money.empty() ? "" : ", ") + name;
      if (c.looks == Looks::kCode) codes += (codes.empty() ? "" : ", ") + name;
    }
    for (const CandidateKey& k : t.keys) keys += (keys.empty() ? "" : ", ") + t.name + "." + k.column;
  }
  out += "  dates in several formats: " + (dates.empty() ? "none" : dates) + "\n";
  out += "  money as text: " + (money.empty() ? "none" : money) + "\n";
  out += "  codes: " + (codes.empty() ? "none" : codes) + "\n";
  out += "  candidate keys: " + (keys.empty() ? "none" : keys) + "\n";
  for (const CandidateReference& r : p.references)
    if (r.orphans > 0 || r.matched_folded > 0)
      out += "  " + r.table + "." + r.column + " -> " + r.key_table + "." + r.key_column + ": " +
             PercentOf(r.orphans, r.rows - r.missing) + "% orphans, " + PercentOf(r.matched_folded, r.rows - r.missing) +
             "% match only after trim and upper case\n";
  for (const DuplicatePeople& d : p.duplicates)
    out += "  duplicate people in " + d.table + ": " + Grouped(d.duplicate_rows) + " extra registrations (" +
           PercentOf(d.duplicate_rows, d.rows) + "% of rows)\n";
  out += "  reports: " + (dir / "profile.html").string() + "  (profile.json, profile.xlsx beside it)\n";
  return out;
}

}  // namespace handover::reports
