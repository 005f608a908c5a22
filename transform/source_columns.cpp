#include "transform/source_columns.h"

#include <map>
#include <set>

#include "core/ascii.h"
#include "transform/suggest.h"

namespace handover::transform {

void CheckSourceColumns(const std::vector<ParsedFile>& parsed, const core::Catalog& source,
                        const std::vector<const CompiledMapping*>& mappings, UnreadColumns policy,
                        const std::string& folder, std::vector<Diagnostic>& errors,
                        std::vector<Diagnostic>& warnings) {
  // (table, column) -> the first mapping that reads it; tables some mapping reads.
  std::map<std::pair<std::string, std::string>, std::string> read_by;
  std::map<std::string, std::string> table_read_by;
  const auto read = [&](const std::string& table, const std::vector<std::string>& columns, const std::string& by) {
    const core::TableSchema* schema = source.Find(table);
    if (!schema || !schema->query.empty()) return;  // a query is no source table
    table_read_by.emplace(schema->name, by);
    for (const std::string& column : columns) read_by.emplace(std::pair{schema->name, core::AsciiLower(column)}, by);
  };
  for (const CompiledMapping* m : mappings) {
    if (!m || m->ignored()) continue;
    read(m->source_table(), m->source_columns(), m->name());
    for (const LookupSpec& lookup : m->lookups()) read(lookup.table, lookup.columns, m->name());
  }

  std::map<std::pair<std::string, std::string>, std::string> ignored_at;
  std::vector<std::string> table_names;
  for (const auto& [name, schema] : source.tables)
    if (schema.query.empty()) table_names.push_back(name);
  for (const ParsedFile& file : parsed)
    for (const ast::TopItem& item : file.items) {
      const auto* ignore = boost::get<ast::IgnoreColumn>(&item);
      if (!ignore) continue;
      for (const ast::ColumnRef& ref : ignore->columns) {
        const std::string table = core::AsciiLower(ref.table.name), column = core::AsciiLower(ref.column.name);
        const core::TableSchema* schema = source.Find(table);
        if (!schema || !schema->query.empty()) {
          errors.push_back(file.At(ref.table, "ignore column '" + table + "." + column + "': the source has no table '" +
                                                  table + "'" + DidYouMean(table, table_names)));
          continue;
        }
        if (!schema->Find(column)) {
          std::vector<std::string> names;
          for (const core::Column& c : schema->columns) names.push_back(c.name);
          errors.push_back(file.At(ref.column, "ignore column '" + table + "." + column + "': table '" + table +
                                                   "' has no column '" + column + "'" + DidYouMean(column, names)));
          continue;
        }
        if (!mappings.empty() && !table_read_by.count(schema->name)) {
          errors.push_back(file.At(ref.table, "ignore column '" + table + "." + column + "': no mapping reads table '" +
                                                  table + "'; map it, or leave the whole table out with 'ignore table'"));
          continue;
        }
        if (const auto by = read_by.find({schema->name, column}); by != read_by.end()) {
          errors.push_back(file.At(ref.column, "column '" + table + "." + column + "' is read by mapping '" +
                                                   by->second + "', so it cannot also be ignored"));
          continue;
        }
        const std::string here = file.path + ":" + std::to_string(file.At(ref.table, "").line);
        if (const auto [at, inserted] = ignored_at.emplace(std::pair{schema->name, column}, here); !inserted)
          errors.push_back(file.At(ref.table, "column '" + table + "." + column + "' is already ignored at " + at->second));
      }
    }

  if (policy == UnreadColumns::kAllowed || mappings.empty()) return;
  for (const CompiledMapping* m : mappings)
    if (!m) return;  // a mapping failed to bind: what it reads is unknown
  for (const auto& [table, by] : table_read_by) {
    const core::TableSchema* schema = source.Find(table);
    std::vector<std::string> unread;
    for (const core::Column& c : schema->columns) {
      const auto key = std::pair{schema->name, core::AsciiLower(c.name)};
      if (!read_by.count(key) && !ignored_at.count(key)) unread.push_back(table + "." + core::AsciiLower(c.name));
    }
    if (unread.empty()) continue;
    std::string list, names;
    for (const std::string& u : unread) {
      list += (list.empty() ? "'" : ", '") + u + "'";
      names += (names.empty() ? "" : ", ") + u;
    }
    (policy == UnreadColumns::kError ? errors : warnings)
        .push_back(Diagnostic{folder, 0, 0,
                              std::string(unread.size() == 1 ? "source column " : "source columns ") + list +
                                  (unread.size() == 1 ? " is" : " are") + " read by no mapping: map " +
                                  (unread.size() == 1 ? "it" : "them") + ", or say why not with: ignore column " +
                                  names + " because \"...\"",
                              ""});
  }
}

}  // namespace handover::transform
