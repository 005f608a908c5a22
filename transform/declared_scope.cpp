#include "transform/declared_scope.h"

#include <map>

#include "core/ascii.h"
#include "transform/bind/bind.h"
#include "transform/ignored_table.h"
#include "transform/suggest.h"

namespace handover::transform {

std::vector<std::unique_ptr<CompiledMapping>> BindDeclaredScope(const std::vector<ParsedFile>& parsed,
                                                                const core::Catalog& source, bool require_full_scope,
                                                                const std::string& folder,
                                                                std::vector<Diagnostic>& diagnostics) {
  // Source tables by lower-case name, and which mapping reads each.
  std::map<std::string, const core::TableSchema*> tables;
  std::vector<std::string> table_names;
  for (const auto& [name, schema] : source.tables) {
    if (!schema.query.empty()) continue;  // a query's pseudo-table is no source table
    tables[core::AsciiLower(name)] = &schema;
    table_names.push_back(name);
  }
  std::map<std::string, std::string> read_by;
  for (const ParsedFile& file : parsed)
    for (const ast::TopItem& item : file.items)
      if (const auto* m = boost::get<ast::Mapping>(&item)) {
        // Reading through a query reads no table as such: the tables a query
        // names still need a mapping or an `ignore table` of their own.
        if (!m->table.query) read_by.emplace(core::AsciiLower(m->table.table.name), core::AsciiLower(m->name.name));
        for (const ast::Statement& s : m->body)
          if (const auto* lookup = boost::get<ast::Lookup>(&s); lookup && !lookup->table.query)
            read_by.emplace(core::AsciiLower(lookup->table.table.name), core::AsciiLower(m->name.name));
      }

  std::vector<std::unique_ptr<CompiledMapping>> ignored;
  std::map<std::string, std::string> ignored_at;  // table -> "file:line"
  for (const ParsedFile& file : parsed)
    for (const ast::TopItem& item : file.items) {
      const auto* ignore = boost::get<ast::IgnoreTable>(&item);
      if (!ignore) continue;
      const std::string name = core::AsciiLower(ignore->table.name);
      const auto table = tables.find(name);
      if (table == tables.end()) {
        diagnostics.push_back(file.At(ignore->table, "ignore table '" + name + "': the source has no table '" + name +
                                                         "'" + DidYouMean(name, table_names)));
        continue;
      }
      if (const auto reader = read_by.find(name); reader != read_by.end()) {
        diagnostics.push_back(file.At(ignore->table, "table '" + name + "' is read by mapping '" + reader->second +
                                                         "', so it cannot also be ignored"));
        continue;
      }
      const std::string here = file.path + ":" + std::to_string(file.At(ignore->table, "").line);
      if (const auto [at, inserted] = ignored_at.emplace(name, here); !inserted) {
        diagnostics.push_back(file.At(ignore->table, "table '" + name + "' is already ignored at " + at->second));
        continue;
      }
      if (table->second->columns.empty()) continue;  // nothing to read (the catalog never gives this)
      const std::string code = ignore->code ? core::AsciiLower(ignore->code->name) : ReasonCode(ignore->because);
      ignored.push_back(MakeIgnoredTable(table->second->name, table->second->columns.front().name, ignore->because,
                                         code));
    }

  if (require_full_scope)
    for (const auto& [name, schema] : tables)
      if (!read_by.count(name) && !ignored_at.count(name))
        diagnostics.push_back(Diagnostic{folder, 0, 0,
                                         "source table '" + name +
                                             "' is neither read by a mapping nor left out: map it, or say why it "
                                             "is not migrated with: ignore table " + name + " because \"...\"",
                                         ""});
  return ignored;
}

}  // namespace handover::transform
