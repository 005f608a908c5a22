// CheckMappings: parse every file, build code sets, bind every mapping,
// derive the load order, and return a program only when nothing is wrong.
#include "transform/check_mappings.h"

#include <algorithm>
#include <tuple>
#include <fstream>
#include <set>
#include <sstream>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "transform/bind/bind.h"
#include "transform/declared_scope.h"
#include "transform/load_order.h"
#include "core/ascii.h"
#include "core/within_folder.h"

namespace handover::transform {
namespace {

namespace fs = std::filesystem;

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string ContentHash(std::vector<const MappingSource*> files) {
  std::sort(files.begin(), files.end(),
            [](const MappingSource* a, const MappingSource* b) { return a->path < b->path; });
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  for (const MappingSource* f : files) {
    const std::string header = fs::path(f->path).filename().string() + "\n" +
                               std::to_string(f->text.size()) + "\n";
    XXH3_128bits_update(state, header.data(), header.size());
    XXH3_128bits_update(state, f->text.data(), f->text.size());
  }
  const XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

// The deepest folder holding every file of the set: the mappings folder.
fs::path CommonFolder(const std::vector<MappingSource>& files) {
  if (files.empty()) return {};
  fs::path common = fs::path(files.front().path).parent_path();
  for (const MappingSource& f : files) {
    const fs::path dir = fs::path(f.path).parent_path();
    while (!common.empty() && dir.lexically_relative(common).string().rfind("..", 0) == 0)
      common = common.parent_path();
  }
  return common;
}

// Builds the code sets declared in `parsed` and those given as CSV files.
void BuildCodeSets(const std::vector<ParsedFile>& parsed, const std::vector<MappingSource>& files,
                   BindEnvironment& env, std::vector<Diagnostic>& diagnostics) {
  std::map<std::string, const MappingSource*> csv_by_path;
  const fs::path root = CommonFolder(files);
  for (const MappingSource& f : files)
    if (EndsWith(core::AsciiLower(f.path), ".csv"))
      csv_by_path[fs::path(f.path).lexically_normal().string()] = &f;
  std::set<std::string> used_csv;
  std::map<std::string, std::pair<const ParsedFile*, const ast::CodeSet*>> declared;

  auto add_csv_entries = [&](CodeSet& set, const MappingSource& csv) {
    std::vector<CsvCodeEntry> entries;
    std::string error;
    size_t offset = 0;
    if (!ParseCodeSetCsv(csv.text, entries, error, offset)) {
      diagnostics.push_back(DiagnosticAt(csv.path, csv.text, offset, error));
      return;
    }
    for (const CsvCodeEntry& e : entries) {
      if (!set.Add(e.from, e.to)) {
        Diagnostic d;
        d.file = csv.path;
        d.line = e.line;
        d.column = 1;
        d.message = "value '" + e.from + "' is mapped twice in code set '" + set.name() +
                    "' with different codes";
        std::istringstream in(csv.text);
        for (int i = 0; i < e.line && std::getline(in, d.source_line); ++i) {}
        diagnostics.push_back(d);
      }
    }
  };

  for (const ParsedFile& file : parsed) {
    for (const ast::TopItem& item : file.items) {
      const auto* cs = boost::get<ast::CodeSet>(&item);
      if (!cs) continue;
      const std::string name = core::AsciiLower(cs->name.name);
      if (auto [it, inserted] = declared.emplace(name, std::pair{&file, cs}); !inserted) {
        diagnostics.push_back(file.At(cs->name, "code set '" + name + "' is already defined at " +
                                                    it->second.first->path + ":" +
                                                    std::to_string(it->second.first->At(it->second.second->name, "").line)));
        continue;
      }
      auto set = std::make_shared<CodeSet>(name);
      for (const ast::CodeSetOption& o : cs->options) {
        switch (o.kind) {
          case ast::CodeSetOptionKind::kIgnoreCase: set->set_ignore_case(true); break;
          case ast::CodeSetOptionKind::kIgnoreSpaces: set->set_ignore_spaces(true); break;
          case ast::CodeSetOptionKind::kUnmappedReject: set->set_unmapped(UnmappedRule::kReject); break;
          case ast::CodeSetOptionKind::kUnmappedKeep: set->set_unmapped(UnmappedRule::kKeep); break;
          case ast::CodeSetOptionKind::kUnmappedDefault:
            set->set_unmapped(UnmappedRule::kDefault, o.value);
            break;
        }
      }
      if (cs->file) {
        const std::string path =
            (fs::path(file.path).parent_path() / *cs->file).lexically_normal().string();
        auto it = csv_by_path.find(path);
        if (fs::path(*cs->file).is_absolute() || !core::IsWithinFolder(root, path)) {
          diagnostics.push_back(file.At(*cs, "code set file '" + *cs->file +
                                                 "' is outside the mappings folder; code-set files live inside it"));
        } else if (it == csv_by_path.end()) {
          diagnostics.push_back(file.At(*cs, "code set file '" + *cs->file + "' not found (looked for " + path + ")"));
        } else {
          used_csv.insert(path);
          add_csv_entries(*set, *it->second);
        }
      }
      for (const ast::CodeEntry& e : cs->entries)
        if (!set->Add(e.from, e.to))
          diagnostics.push_back(file.At(e, "value '" + e.from + "' is mapped twice in code set '" +
                                               name + "' with different codes"));
      if (!cs->file && cs->entries.empty())
        diagnostics.push_back(file.At(cs->name, "code set '" + name + "' has no entries"));
      env.code_sets[name] = std::move(set);
    }
  }
  // A CSV no declaration names is a code set of its own, named after the file.
  for (const auto& [path, csv] : csv_by_path) {
    if (used_csv.count(path)) continue;
    const std::string name = core::AsciiLower(fs::path(path).stem().string());
    if (env.code_sets.count(name)) continue;
    auto set = std::make_shared<CodeSet>(name);
    add_csv_entries(*set, *csv);
    env.code_sets[name] = std::move(set);
  }
}

}  // namespace

CheckResult CheckMappingSources(const std::vector<MappingSource>& files, const core::Catalog& source,
                                const core::Catalog& target, const Params& params, const CheckOptions& options) {
  CheckResult result;
  std::vector<Diagnostic>& diagnostics = result.diagnostics;
  std::vector<ParsedFile> parsed;
  std::vector<const MappingSource*> all;
  for (const MappingSource& f : files) {
    all.push_back(&f);
    const std::string path = core::AsciiLower(f.path);
    if (!EndsWith(path, ".map") && !EndsWith(path, ".measure")) continue;
    ParsedFile p;
    if (ParseMappingText(f.path, f.text, p, diagnostics)) parsed.push_back(std::move(p));
  }

  // Queries are described on the source first, so they bind like tables.
  result.source_catalog = AddQuerySources(parsed, source, options.describe_query, diagnostics);
  BindEnvironment env;
  env.source = &result.source_catalog;
  env.target = &target;
  for (const auto& [name, value] : params) env.params[name] = TypeParam(value);
  BuildCodeSets(parsed, files, env, diagnostics);

  std::map<std::string, std::pair<const ParsedFile*, const ast::Mapping*>> mappings;
  std::vector<std::pair<const ParsedFile*, const ast::Mapping*>> in_order;
  for (const ParsedFile& file : parsed) {
    for (const ast::TopItem& item : file.items) {
      const auto* m = boost::get<ast::Mapping>(&item);
      if (!m) continue;
      const std::string name = core::AsciiLower(m->name.name);
      auto [it, inserted] = mappings.emplace(name, std::pair{&file, m});
      if (!inserted) {
        diagnostics.push_back(file.At(m->name, "mapping '" + name + "' is already defined at " +
                                                   it->second.first->path + ":" +
                                                   std::to_string(it->second.first->At(it->second.second->name, "").line)));
        continue;
      }
      in_order.emplace_back(&file, m);
      env.all_mappings.insert(name);
      for (const ast::Statement& s : m->body)
        if (boost::get<ast::KeyClause>(&s)) env.keyed_mappings.insert(name);
    }
  }

  std::vector<std::unique_ptr<MappingImpl>> bound;
  for (const auto& [file, m] : in_order)
    bound.push_back(BindMapping(*file, *m, env, diagnostics));
  std::vector<std::unique_ptr<CompiledMapping>> ignored =
      BindDeclaredScope(parsed, source, options.require_full_scope, CommonFolder(files).string(), diagnostics);
  for (const auto& table : ignored)
    if (mappings.count(core::AsciiLower(table->name())))
      diagnostics.push_back(Diagnostic{CommonFolder(files).string(), 0, 0,
                                       "table '" + table->name() + "' is ignored, but a mapping is named '" +
                                           table->name() + "' too; rename the mapping",
                                       ""});

  std::vector<const CompiledMapping*> read;
  for (const auto& b : bound) read.push_back(b.get());
  CheckSourceColumns(parsed, result.source_catalog, read, options.unread_columns, CommonFolder(files).string(),
                     diagnostics, result.warnings);

  const bool all_bound = std::all_of(bound.begin(), bound.end(), [](const auto& b) { return b != nullptr; });
  if (all_bound) {
    std::vector<std::string> names;
    std::vector<std::vector<std::string>> references;
    for (const auto& b : bound) {
      names.push_back(b->name());
      references.push_back(b->references());
    }
    LoadOrder order = DeriveLoadOrder(names, references);
    if (!order.cycle.empty()) {
      std::string path;
      for (const std::string& n : order.cycle) path += (path.empty() ? "" : " -> ") + n;
      const auto& [file, m] = *std::find_if(in_order.begin(), in_order.end(), [&](const auto& x) {
        return core::AsciiLower(x.second->name.name) == order.cycle.front();
      });
      diagnostics.push_back(file->At(m->name, "mappings reference each other in a cycle (" +
                                                  path + "), so no load order exists"));
    } else if (diagnostics.empty()) {
      auto program = std::make_unique<MappingProgram>();
      for (size_t i : order.order) program->mappings.push_back(std::move(bound[i]));
      // Tables left out come last: nothing refers to them.
      for (auto& table : ignored) program->mappings.push_back(std::move(table));
      program->content_hash = ContentHash(all);
      result.program = std::move(program);
    }
  }
  if (!diagnostics.empty()) result.program.reset();
  // Report in reading order: file, then line, then column.
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
  return result;
}

CheckResult CheckMappings(const std::filesystem::path& mappings_dir, const core::Catalog& source,
                          const core::Catalog& target, const Params& params, const CheckOptions& options) {
  auto files = ReadMappingFolder(mappings_dir);
  if (!files.ok()) {
    CheckResult failed;
    failed.diagnostics.push_back(Diagnostic{mappings_dir.string(), 0, 0, files.status().message(), ""});
    return failed;
  }
  return CheckMappingSources(*files, source, target, params, options);
}

}  // namespace handover::transform
