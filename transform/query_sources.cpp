#include "transform/query_sources.h"

#include <map>
#include <set>

#include "core/ascii.h"

namespace handover::transform {
namespace {

bool Blank(const std::string& sql) {
  for (char c : sql)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ';') return false;
  return true;
}

}  // namespace

std::string QueryTableName(const std::string& mapping, const std::string& alias) {
  return "query:" + core::AsciiLower(mapping) + "." + core::AsciiLower(alias);
}

std::string RelationLabel(const core::TableSchema& table) {
  return (table.query.empty() ? "table '" : "query '") + table.name + "'";
}

core::Catalog AddQuerySources(const std::vector<ParsedFile>& parsed, const core::Catalog& source,
                              const DescribeQueryFn& describe, std::vector<Diagnostic>& diagnostics) {
  core::Catalog extended = source;
  // One description per distinct SQL text, however many mappings repeat it.
  std::map<std::string, core::Result<core::TableSchema>> described;
  auto add = [&](const ParsedFile& file, const ast::Mapping& m, const ast::SourceRef& ref, const ast::Ident& alias,
                 const std::string& what) {
    if (!ref.query) return;
    const std::string name = QueryTableName(m.name.name, alias.name);
    const std::string& sql = *ref.query;
    if (Blank(sql)) {
      diagnostics.push_back(file.At(ref, "the query of " + what + " is empty"));
      return;
    }
    if (!describe) {
      diagnostics.push_back(file.At(ref, "cannot check query of " + what + ": no source connection"));
      return;
    }
    auto it = described.find(sql);
    if (it == described.end()) it = described.emplace(sql, describe(name, sql)).first;
    if (!it->second.ok()) {
      diagnostics.push_back(file.At(ref, "query of " + what + " failed on the source: " + it->second.status().message()));
      return;
    }
    core::TableSchema table = *it->second;
    table.name = name;
    table.query = sql;
    std::set<std::string> seen;
    for (core::Column& column : table.columns) {
      column.name = core::AsciiLower(column.name);
      if (!seen.insert(column.name).second) {
        diagnostics.push_back(file.At(ref, "query of " + what + " returns two columns named '" + column.name +
                                               "'; give each column a name of its own with AS"));
        return;
      }
    }
    extended.tables[name] = std::move(table);
  };
  for (const ParsedFile& file : parsed)
    for (const ast::TopItem& item : file.items) {
      const auto* m = boost::get<ast::Mapping>(&item);
      if (!m) continue;
      add(file, *m, m->table, m->alias, "mapping '" + core::AsciiLower(m->name.name) + "'");
      for (const ast::Statement& s : m->body)
        if (const auto* lookup = boost::get<ast::Lookup>(&s))
          add(file, *m, lookup->table, lookup->alias, "lookup '" + core::AsciiLower(lookup->alias.name) + "'");
    }
  return extended;
}

}  // namespace handover::transform
