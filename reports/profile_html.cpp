// profile.html: what a migration team reads first about a new provider's
// database. The findings that shape the mapping first (dates and their
// formats, money text, codes, keys and references with their orphans,
// duplicate people), then every table column by column. Self-contained
// (html_page.h); every value escaped, personal values already pseudonymised.
#include <string>

#include "core/schema.h"
#include "core/text_encoding.h"
#include "reports/html_page.h"
#include "reports/money_text.h"
#include "reports/profile_reports.h"

namespace handover::reports {
namespace {

using namespace handover::profile;

std::string E(const std::string& text) { return HtmlEscape(core::RepairToUtf8(text)); }
std::string N(int64_t n) { return "<td class=\"n\">" + Grouped(n) + "</td>"; }
std::string Pct(int64_t part, int64_t whole) { return "<td class=\"n\">" + PercentOf(part, whole) + "%</td>"; }
std::string Td(const std::string& text) { return "<td>" + E(text) + "</td>"; }
std::string Cell(const std::string& table, const std::string& column) { return "<td><code>" + E(table + "." + column) + "</code></td>"; }

// Date columns: each format's share of the readable dates.
std::string DateSection(const SourceProfile& p) {
  std::string rows;
  for (const TableProfile& t : p.tables)
    for (const ColumnProfile& c : t.columns) {
      if (c.looks != Looks::kDate) continue;
      std::string formats;
      for (const DateFormatCount& f : c.date_formats)
        formats += (formats.empty() ? "" : "<br>") + E(f.format) + " " + PercentOf(f.count, c.dates) + "% (" +
                   Grouped(f.count) + ", e.g. " + E(f.example) + ")";
      rows += "<tr>" + Cell(t.name, c.name) + N(c.dates) + "<td>" + formats + "</td>" + N(c.ambiguous_dates) +
              N(c.unreadable_dates) + N(c.nulls + c.blanks) + "</tr>\n";
    }
  if (rows.empty()) return "<p>No column holds dates as text.</p>\n";
  return "<table class=\"dates\"><tr><th>column</th><th class=\"n\">dates read</th><th>formats (share of the dates "
         "read)</th><th class=\"n\">day/month ambiguous</th><th class=\"n\">date-shaped, unreadable</th><th "
         "class=\"n\">NULL or blank</th></tr>\n" + rows + "</table>\n";
}

std::string MoneySection(const SourceProfile& p) {
  std::string rows;
  for (const TableProfile& t : p.tables)
    for (const ColumnProfile& c : t.columns) {
      if (c.looks != Looks::kMoney) continue;
      const MoneyCounts& m = c.money;
      rows += "<tr>" + Cell(t.name, c.name) + N(m.readable) + N(m.pound_sign) + N(m.thousands_commas) +
              N(m.float_noise) + N(m.negative) + N(m.whole) + N(m.unreadable) + "</tr>\n";
    }
  if (rows.empty()) return "<p>No column holds money as text.</p>\n";
  return "<table class=\"money\"><tr><th>column</th><th class=\"n\">money(...) reads</th><th class=\"n\">with "
         "&pound;</th><th class=\"n\">thousands commas</th><th class=\"n\">float noise</th><th "
         "class=\"n\">negative</th><th class=\"n\">whole pounds</th><th class=\"n\">unreadable</th></tr>\n" + rows +
         "</table>\n";
}

// Numbers kept in text columns, and identifiers whose leading zeros a
// number would lose.
std::string NumberSection(const SourceProfile& p) {
  std::string rows;
  for (const TableProfile& t : p.tables)
    for (const ColumnProfile& c : t.columns) {
      const bool text = core::ColumnTypeFromDeclared(c.declared_type, c.name) == core::ColumnType::kText;
      const bool numbers = c.looks == Looks::kInteger || c.looks == Looks::kDecimal ||
                           (c.looks == Looks::kIdentifier && c.integer_text > 0);
      if (!text || (!numbers && c.leading_zeros == 0)) continue;
      rows += "<tr>" + Cell(t.name, c.name) + Td(c.declared_type) + Td(LooksName(c.looks)) + N(c.integer_text) +
              N(c.decimal_text) + N(c.leading_zeros) + "</tr>\n";
    }
  if (rows.empty()) return "<p>No text column holds only numbers or identifiers with leading zeros.</p>\n";
  return "<table class=\"numbers\"><tr><th>column</th><th>declared</th><th>looks like</th><th class=\"n\">integers</th>"
         "<th class=\"n\">decimals</th><th class=\"n\">with leading zeros</th></tr>\n" + rows + "</table>\n";
}

std::string CodeSection(const SourceProfile& p) {
  std::string rows;
  for (const TableProfile& t : p.tables)
    for (const ColumnProfile& c : t.columns) {
      if (c.looks != Looks::kCode) continue;
      std::string codes;
      for (const ValueCount& v : c.top) codes += (codes.empty() ? "" : ", ") + E(v.value) + " (" + Grouped(v.count) + ")";
      rows += "<tr>" + Cell(t.name, c.name) + N(c.distinct) + "<td>" + codes + "</td>" + N(int64_t(c.case_variants.size())) +
              "</tr>\n";
    }
  if (rows.empty()) return "<p>No column looks like a code.</p>\n";
  return "<table class=\"codes\"><tr><th>column</th><th class=\"n\">spellings</th><th>values (rows)</th><th "
         "class=\"n\">values spelt in several cases</th></tr>\n" + rows + "</table>\n";
}

std::string KeySection(const SourceProfile& p) {
  std::string keys;
  for (const TableProfile& t : p.tables)
    for (const CandidateKey& k : t.keys)
      keys += "<tr>" + Cell(t.name, k.column) + N(k.values) + N(k.missing) + "</tr>\n";
  std::string refs;
  for (const CandidateReference& r : p.references)
    refs += "<tr>" + Cell(r.table, r.column) + Cell(r.key_table, r.key_column) + Td(r.found_by) + N(r.rows) +
            N(r.missing) + N(r.matched) + N(r.matched_folded) + N(r.orphans) + Pct(r.orphans, r.rows - r.missing) +
            "</tr>\n";
  return "<table class=\"keys\"><caption>Candidate keys: values all different (NULL and blank aside)</caption><tr><th>"
         "column</th><th class=\"n\">values</th><th class=\"n\">NULL or blank</th></tr>\n" + keys +
         "</table>\n<table class=\"references\"><caption>Candidate references: values of another table's key</caption>"
         "<tr><th>column</th><th>refers to</th><th>found by</th><th class=\"n\">rows</th><th class=\"n\">NULL or "
         "blank</th><th class=\"n\">match</th><th class=\"n\">match after trim and upper case</th><th "
         "class=\"n\">orphans</th><th class=\"n\">orphan share</th></tr>\n" + refs + "</table>\n";
}

std::string DuplicateSection(const SourceProfile& p) {
  if (p.duplicates.empty()) return "<p>No table has a date of birth beside forename and surname columns.</p>\n";
  std::string rows;
  for (const DuplicatePeople& d : p.duplicates)
    rows += "<tr><td><code>" + E(d.table) + "</code></td>" + N(d.rows) + N(d.rows_with_dob) + N(d.groups) +
            N(d.duplicate_rows) + Pct(d.duplicate_rows, d.rows) + "</tr>\n";
  return "<p class=\"note\">Same date of birth, forename initial and surname skeleton (letters only, first kept, "
         "later vowels dropped, repeats collapsed).</p><table class=\"duplicates\"><tr><th>table</th><th "
         "class=\"n\">rows</th><th class=\"n\">with a readable date of birth</th><th class=\"n\">people registered "
         "more than once</th><th class=\"n\">extra registrations</th><th class=\"n\">share of rows</th></tr>\n" + rows +
         "</table>\n";
}

std::string TableSection(const TableProfile& t) {
  std::string out = "<h3 id=\"t-" + E(t.name) + "\">" + E(t.name) + " &middot; " + Grouped(t.rows) + " rows</h3>\n";
  out += "<table class=\"columns\"><tr><th>column</th><th>declared</th><th>looks like</th><th class=\"n\">NULL</th>"
         "<th class=\"n\">blank</th><th class=\"n\">distinct</th><th class=\"n\">max length</th><th "
         "class=\"n\">padded</th><th class=\"n\">not UTF-8</th><th>min</th><th>max</th><th>most frequent</th></tr>\n";
  for (const ColumnProfile& c : t.columns) {
    std::string top;
    for (size_t i = 0; i < c.top.size() && i < 5; ++i)
      top += (i ? ", " : "") + E(c.top[i].value) + " (" + Grouped(c.top[i].count) + ")";
    out += "<tr><td><code>" + E(c.name) + "</code>" + (c.personal ? " <span class=\"note\">personal</span>" : "") +
           "</td>" + Td(c.declared_type) + Td(LooksName(c.looks)) + Pct(c.nulls, c.rows) + Pct(c.blanks, c.rows) +
           "<td class=\"n\">" + (c.distinct_exact ? "" : "~") + Grouped(c.distinct) + "</td>" + N(c.max_length) +
           N(c.padded) + N(c.non_utf8) + Td(c.min) + Td(c.max) + "<td>" + top + "</td></tr>\n";
  }
  return out + "</table>\n";
}

constexpr const char* kStyle = R"(
td code{white-space:nowrap} table.columns td{font-size:.9rem;max-width:22rem;overflow-wrap:anywhere}
nav a{margin-right:.8rem}
)";

}  // namespace

std::string ProfileHtml(const SourceProfile& p, bool shows_personal_data) {
  int64_t rows = 0;
  for (const TableProfile& t : p.tables) rows += t.rows;
  std::string body;
  if (shows_personal_data) body += "<p class=\"verdict-box no-go\"><strong>" + E(kPersonalDataNotice) + "</strong></p>\n";
  body += "<h1>Profile of " + E(p.source) + "</h1>\n<p>" + Grouped(int64_t(p.tables.size())) + " tables, " +
          Grouped(rows) + " rows, profiled " + E(p.profiled_at) + " (" + E(p.dialect) + "). " +
          (shows_personal_data ? std::string("Personal values are shown.")
                               : std::string("Values of personal columns are pseudonymised.")) +
          " Counts are exact; a distinct count marked ~ is an estimate (about 1%).</p>\n<nav>";
  for (const TableProfile& t : p.tables) body += "<a href=\"#t-" + E(t.name) + "\">" + E(t.name) + "</a>";
  body += "</nav>\n<h2>Dates</h2>\n" + DateSection(p) + "<h2>Money as text</h2>\n" + MoneySection(p) +
          "<h2>Numbers stored as text</h2>\n" + NumberSection(p) + "<h2>Codes</h2>\n" + CodeSection(p) +
          "<h2>Keys and references</h2>\n" + KeySection(p) + "<h2>Duplicate people</h2>\n" + DuplicateSection(p) +
          "<h2>Tables</h2>\n";
  for (const TableProfile& t : p.tables) body += TableSection(t);
  return HtmlPage("Profile of " + p.source, kStyle, body);
}

}  // namespace handover::reports
