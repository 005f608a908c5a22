// profile.json: the SourceProfile as data (docs/profile.md). Shares are
// percentages with one decimal as strings ("25.3"), as reconciliation.json
// writes OC3 percentages, beside the exact counts they come from.
#include <nlohmann/json.hpp>

#include "core/text_encoding.h"
#include "reports/money_text.h"
#include "reports/profile_reports.h"

namespace handover::reports {
namespace {

using nlohmann::json;
using namespace handover::profile;

// Values as valid UTF-8 (a Windows-1252 byte read as such): JSON holds only UTF-8.
std::string Text(const std::string& s) { return core::RepairToUtf8(s); }

json Column(const ColumnProfile& c) {
  json top = json::array();
  for (const ValueCount& v : c.top) top.push_back({{"value", Text(v.value)}, {"count", v.count}});
  json variants = json::array();
  for (const auto& spellings : c.case_variants) {
    json group = json::array();
    for (const std::string& s : spellings) group.push_back(Text(s));
    variants.push_back(group);
  }
  json out = {{"name", c.name},
              {"declared_type", c.declared_type},
              {"personal", c.personal},
              {"looks", LooksName(c.looks)},
              {"rows", c.rows},
              {"nulls", c.nulls},
              {"blanks", c.blanks},
              {"null_pct", PercentOf(c.nulls, c.rows)},
              {"blank_pct", PercentOf(c.blanks, c.rows)},
              {"distinct", {{"count", c.distinct}, {"exact", c.distinct_exact}}},
              {"frequent_values", {{"exact", c.top_exact}, {"max_error", c.top_max_error}, {"values", top}}},
              {"min", Text(c.min)},
              {"max", Text(c.max)},
              {"max_length", c.max_length},
              {"padded", c.padded},
              {"non_utf8", c.non_utf8},
              {"case_variants", variants},
              {"integers", c.integer_text},
              {"decimals", c.decimal_text},
              {"leading_zeros", c.leading_zeros}};
  if (c.dates > 0 || c.unreadable_dates > 0) {
    json formats = json::array();
    for (const DateFormatCount& f : c.date_formats)
      formats.push_back({{"format", f.format}, {"count", f.count}, {"pct", PercentOf(f.count, c.dates)},
                         {"example", Text(f.example)}});
    out["dates"] = {{"readable", c.dates},           {"ambiguous_day_month", c.ambiguous_dates},
                    {"unreadable", c.unreadable_dates}, {"earliest", Text(c.earliest_date)},
                    {"latest", Text(c.latest_date)}, {"formats", formats}};
  }
  if (c.money.money_like > 0) {
    const MoneyCounts& m = c.money;
    out["money"] = {{"readable", m.readable},       {"money_like", m.money_like},   {"pound_sign", m.pound_sign},
                    {"thousands_commas", m.thousands_commas}, {"float_noise", m.float_noise},
                    {"negative", m.negative},       {"whole", m.whole},             {"unreadable", m.unreadable}};
  }
  return out;
}

}  // namespace

std::string ProfileJson(const SourceProfile& profile, bool shows_personal_data) {
  json tables = json::array();
  for (const TableProfile& t : profile.tables) {
    json keys = json::array(), columns = json::array();
    for (const CandidateKey& k : t.keys) keys.push_back({{"column", k.column}, {"values", k.values}, {"missing", k.missing}});
    for (const ColumnProfile& c : t.columns) columns.push_back(Column(c));
    tables.push_back({{"name", t.name}, {"rows", t.rows}, {"candidate_keys", keys}, {"columns", columns}});
  }
  json references = json::array();
  for (const CandidateReference& r : profile.references)
    references.push_back({{"table", r.table},
                          {"column", r.column},
                          {"key_table", r.key_table},
                          {"key_column", r.key_column},
                          {"found_by", r.found_by},
                          {"rows", r.rows},
                          {"missing", r.missing},
                          {"matched", r.matched},
                          {"matched_after_folding", r.matched_folded},
                          {"orphans", r.orphans},
                          {"orphan_pct", PercentOf(r.orphans, r.rows - r.missing)}});
  json duplicates = json::array();
  for (const DuplicatePeople& d : profile.duplicates)
    duplicates.push_back({{"table", d.table},
                          {"dob_column", d.dob_column},
                          {"forename_column", d.forename_column},
                          {"surname_column", d.surname_column},
                          {"rows", d.rows},
                          {"rows_with_dob", d.rows_with_dob},
                          {"groups", d.groups},
                          {"duplicate_rows", d.duplicate_rows},
                          {"duplicate_pct", PercentOf(d.duplicate_rows, d.rows)}});
  const json out = {{"profile_version", 1},
                    {"source", profile.source},
                    {"dialect", profile.dialect},
                    {"profiled_at", profile.profiled_at},
                    {"seconds", profile.seconds},
                    {"personal_data", shows_personal_data ? "shown" : "pseudonymised"},
                    {"tables", tables},
                    {"references", references},
                    {"duplicate_people", duplicates}};
  return out.dump(2) + "\n";
}

}  // namespace handover::reports
