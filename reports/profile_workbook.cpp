// profile.xlsx: the profile as sheets to sort and filter. Tables (rows and
// candidate keys), Columns (one row per column with its figures and what
// it looks like), Values (every frequent value kept, per column), Dates
// (each format found, per column), References and Duplicates.
#include "core/text_encoding.h"
#include "reports/money_text.h"
#include "reports/profile_reports.h"
#include "reports/workbook_file.h"

namespace handover::reports {
namespace {

using namespace handover::profile;
using xlsx::Sheet;

std::string Keys(const TableProfile& t) {
  std::string keys;
  for (const CandidateKey& k : t.keys) keys += (keys.empty() ? "" : ", ") + k.column + (k.missing ? " (nullable)" : "");
  return keys;
}

void WriteTables(Sheet& s, const SourceProfile& p, bool shows_personal_data) {
  if (shows_personal_data) {
    s.Text(0, kPersonalDataNotice);
    s.EndRow();
  }
  s.Header({"table", "rows", "columns", "candidate keys"});
  for (const TableProfile& t : p.tables) {
    s.Text(0, t.name);
    s.Count(1, t.rows);
    s.Count(2, int64_t(t.columns.size()));
    s.Text(3, Keys(t));
    s.EndRow();
  }
}

void WriteColumns(Sheet& s, const SourceProfile& p) {
  s.Header({"table", "column", "declared type", "looks like", "personal", "rows", "NULL", "blank", "distinct",
            "distinct exact", "max length", "padded", "not UTF-8", "case variants", "integers", "leading zeros",
            "dates read", "ambiguous day/month", "unreadable dates", "money read", "with £", "thousands commas",
            "float noise", "negative", "min", "max"});
  for (const TableProfile& t : p.tables)
    for (const ColumnProfile& c : t.columns) {
      lxw_col_t col = 0;
      s.Text(col++, t.name);
      s.Text(col++, c.name);
      s.Text(col++, c.declared_type);
      s.Text(col++, LooksName(c.looks));
      s.Text(col++, c.personal ? "yes" : "no");
      for (int64_t n : {c.rows, c.nulls, c.blanks, c.distinct}) s.Count(col++, n);
      s.Text(col++, c.distinct_exact ? "yes" : "no");
      for (int64_t n : {c.max_length, c.padded, c.non_utf8, int64_t(c.case_variants.size()), c.integer_text,
                        c.leading_zeros, c.dates, c.ambiguous_dates, c.unreadable_dates, c.money.readable,
                        c.money.pound_sign, c.money.thousands_commas, c.money.float_noise, c.money.negative})
        s.Count(col++, n);
      s.Text(col++, core::RepairToUtf8(c.min));
      s.Text(col++, core::RepairToUtf8(c.max));
      s.EndRow();
    }
}

void WriteValues(Sheet& s, const SourceProfile& p) {
  s.Header({"table", "column", "looks like", "value", "rows", "exact"});
  for (const TableProfile& t : p.tables)
    for (const ColumnProfile& c : t.columns)
      for (const ValueCount& v : c.top) {
        s.Text(0, t.name);
        s.Text(1, c.name);
        s.Text(2, LooksName(c.looks));
        s.Text(3, core::RepairToUtf8(v.value));
        s.Count(4, v.count);
        s.Text(5, c.top_exact ? "yes" : "no");
        s.EndRow();
      }
}

void WriteDates(Sheet& s, const SourceProfile& p) {
  s.Header({"table", "column", "format", "values", "share of dates read", "example"});
  for (const TableProfile& t : p.tables)
    for (const ColumnProfile& c : t.columns)
      for (const DateFormatCount& f : c.date_formats) {
        s.Text(0, t.name);
        s.Text(1, c.name);
        s.Text(2, f.format);
        s.Count(3, f.count);
        s.Percent(4, PercentOf(f.count, c.dates));
        s.Text(5, core::RepairToUtf8(f.example));
        s.EndRow();
      }
}

void WriteReferences(Sheet& s, const SourceProfile& p) {
  s.Header({"table", "column", "key table", "key column", "found by", "rows", "NULL or blank", "match",
            "match after trim and upper case", "orphans", "orphan share"});
  for (const CandidateReference& r : p.references) {
    s.Text(0, r.table);
    s.Text(1, r.column);
    s.Text(2, r.key_table);
    s.Text(3, r.key_column);
    s.Text(4, r.found_by);
    lxw_col_t col = 5;
    for (int64_t n : {r.rows, r.missing, r.matched, r.matched_folded, r.orphans}) s.Count(col++, n);
    s.Percent(col, PercentOf(r.orphans, r.rows - r.missing));
    s.EndRow();
  }
}

void WriteDuplicates(Sheet& s, const SourceProfile& p) {
  s.Header({"table", "date of birth", "forename", "surname", "rows", "with a readable date of birth",
            "people registered more than once", "extra registrations", "share of rows"});
  for (const DuplicatePeople& d : p.duplicates) {
    s.Text(0, d.table);
    s.Text(1, d.dob_column);
    s.Text(2, d.forename_column);
    s.Text(3, d.surname_column);
    lxw_col_t col = 4;
    for (int64_t n : {d.rows, d.rows_with_dob, d.groups, d.duplicate_rows}) s.Count(col++, n);
    s.Percent(col, PercentOf(d.duplicate_rows, d.rows));
    s.EndRow();
  }
}

}  // namespace

core::Status WriteProfileWorkbook(const std::filesystem::path& path, const SourceProfile& profile,
                                  bool shows_personal_data) {
  const std::string context = "writing " + path.string();
  auto created = xlsx::WorkbookFile::Create(path);
  if (!created.ok()) return created.status();
  xlsx::WorkbookFile& file = **created;
  const auto write = [&](const std::string& name, auto fill) -> core::Status {
    auto sheet = file.AddSheet(name);
    if (!sheet.ok()) return sheet.status();
    fill(**sheet);
    return (*sheet)->Finish().WithContext(context);
  };
  HANDOVER_RETURN_IF_ERROR(write("Tables", [&](Sheet& s) { WriteTables(s, profile, shows_personal_data); }));
  HANDOVER_RETURN_IF_ERROR(write("Columns", [&](Sheet& s) { WriteColumns(s, profile); }));
  HANDOVER_RETURN_IF_ERROR(write("Values", [&](Sheet& s) { WriteValues(s, profile); }));
  HANDOVER_RETURN_IF_ERROR(write("Dates", [&](Sheet& s) { WriteDates(s, profile); }));
  HANDOVER_RETURN_IF_ERROR(write("References", [&](Sheet& s) { WriteReferences(s, profile); }));
  HANDOVER_RETURN_IF_ERROR(write("Duplicates", [&](Sheet& s) { WriteDuplicates(s, profile); }));
  return file.Commit();
}

}  // namespace handover::reports
