#include "reports/rehearsal_comparison.h"

#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/csv_record.h"
#include "core/text_file.h"
#include "reports/renderers.h"

namespace handover::reports {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

core::Result<std::string> ReadWhole(const fs::path& file) {
  auto text = core::ReadTextFile(file);
  if (!text.ok())
    return core::Status::Error(core::ErrorCode::kNotFound,
                               "cannot read " + file.string() + ": give the report folder of a rehearsal or run");
  return text;
}

std::string Label(const json& report, const fs::path& folder) {
  return report.value("run_kind", std::string("run")) + " " + std::to_string(report.value("run_id", int64_t{0})) +
         " (" + folder.string() + ")";
}

std::string AsText(const json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

// One worklist line's identity across rehearsals, and its reason.
struct WorklistLine {
  std::string mapping, legacy_key, reason_code, reason;
  std::string Identity() const { return mapping + '\x1f' + legacy_key + '\x1f' + reason_code; }
};

core::Result<std::vector<WorklistLine>> ReadWorklist(const fs::path& file) {
  auto text = ReadWhole(file);
  if (!text.ok()) return text.status();
  std::vector<WorklistLine> lines;
  size_t pos = 0;
  int line = 1;
  std::vector<std::string> fields;
  std::string error;
  std::map<std::string, size_t> column;
  size_t header_fields = 0;
  while (pos < text->size()) {
    const int at = line;
    if (!core::ReadCsvRecord(*text, pos, line, fields, error))
      return core::Status::Error(core::ErrorCode::kConfig, file.string() + ":" + std::to_string(at) + ": " + error);
    if (column.empty()) {
      for (size_t i = 0; i < fields.size(); ++i) column[fields[i]] = i;
      header_fields = fields.size();
      // Worklists written before the explanation column named two columns
      // differently: a folder from then still compares.
      for (const auto& [now, before] :
           {std::pair{"legacy_reference", "legacy_key"}, std::pair{"explanation", "reason"}})
        if (!column.count(now) && column.count(before)) column[now] = column[before];
      for (const char* name : {"mapping", "legacy_reference", "reason_code", "explanation"})
        if (!column.count(name))
          return core::Status::Error(core::ErrorCode::kConfig, file.string() + ": no '" + name +
                                                                   "' column: is it a handover worklist?");
      continue;
    }
    if (fields.size() == 1 && fields[0].empty()) continue;
    if (fields.size() < header_fields)
      return core::Status::Error(core::ErrorCode::kConfig, file.string() + ":" + std::to_string(at) + ": " +
                                                               std::to_string(fields.size()) + " fields, the header has " +
                                                               std::to_string(header_fields));
    lines.push_back({fields[column["mapping"]], fields[column["legacy_reference"]], fields[column["reason_code"]],
                     fields[column["explanation"]]});
  }
  return lines;
}

core::Result<json> ReadReport(const fs::path& folder) {
  auto text = ReadWhole(folder / "reconciliation.json");
  if (!text.ok()) return text.status();
  json report = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (report.is_discarded() || !report.is_object() || !report.contains("mappings"))
    return core::Status::Error(core::ErrorCode::kConfig,
                               (folder / "reconciliation.json").string() + " is not a handover reconciliation");
  return report;
}

void AddFigures(const json& before, const json& after, RehearsalComparison& c) {
  // Mappings in the order of the later rehearsal, then any only the earlier had.
  std::vector<std::string> names;
  std::map<std::string, json> was, is;
  for (const json& m : after["mappings"]) names.push_back(m.value("mapping", "")), is[names.back()] = m;
  for (const json& m : before["mappings"]) {
    const std::string name = m.value("mapping", "");
    if (!is.count(name)) names.push_back(name);
    was[name] = m;
  }
  for (const std::string& name : names)
    for (const char* figure : {"source_rows", "loaded", "rejected", "excluded", "merged", "ledger_loaded_pence"}) {
      const json& b = was.count(name) ? was[name] : json::object();
      const json& a = is.count(name) ? is[name] : json::object();
      c.figures.push_back({name, figure, AsText(b.value(figure, json())), AsText(a.value(figure, json()))});
    }
  const json no_oc3 = json::object();
  const json& b = before.contains("oc3") ? before["oc3"] : no_oc3;
  const json& a = after.contains("oc3") ? after["oc3"] : no_oc3;
  for (const char* figure : {"cohort", "pct_in_touch", "pct_eet", "pct_suitable_accommodation"})
    c.figures.push_back({"", std::string("oc3.") + figure, AsText(b.value(figure, json())), AsText(a.value(figure, json()))});
  for (const char* group : {"in_touch", "activity", "accommodation"}) {
    std::set<std::string> codes;
    for (const json* side : {&b, &a})
      if (side->contains(group))
        for (const auto& [code, n] : (*side)[group].items()) codes.insert(code);
    for (const std::string& code : codes)
      c.figures.push_back({"", std::string("oc3.") + group + "." + code,
                           b.contains(group) ? AsText(b[group].value(code, json())) : "",
                           a.contains(group) ? AsText(a[group].value(code, json())) : ""});
  }
  const json& bt = before.value("totals", json::object());
  const json& at = after.value("totals", json::object());
  for (const char* figure : {"source_rows", "pence_loaded", "exceptions"})
    c.figures.push_back({"", std::string("totals.") + figure, AsText(bt.value(figure, json())), AsText(at.value(figure, json()))});
}

}  // namespace

core::Result<RehearsalComparison> CompareReportFolders(const fs::path& before_dir, const fs::path& after_dir) {
  auto before = ReadReport(before_dir);
  if (!before.ok()) return before.status();
  auto after = ReadReport(after_dir);
  if (!after.ok()) return after.status();
  auto was = ReadWorklist(before_dir / "exceptions.csv");
  if (!was.ok()) return was.status();
  auto is = ReadWorklist(after_dir / "exceptions.csv");
  if (!is.ok()) return is.status();

  RehearsalComparison c;
  c.before_label = Label(*before, before_dir);
  c.after_label = Label(*after, after_dir);
  const auto decision = [](const json& r) {
    return r.contains("signoff") ? r["signoff"].value("decision", std::string("?")) : std::string("?");
  };
  c.verdict_before = decision(*before);
  c.verdict_after = decision(*after);
  AddFigures(*before, *after, c);

  std::multiset<std::string> earlier, later;
  for (const WorklistLine& l : *was) earlier.insert(l.Identity());
  for (const WorklistLine& l : *is) later.insert(l.Identity());
  for (const WorklistLine& l : *is) {
    auto it = earlier.find(l.Identity());
    if (it != earlier.end()) {
      earlier.erase(it);
      ++c.still_open;
      continue;
    }
    c.exceptions.push_back({true, l.mapping, l.legacy_key, l.reason_code, l.reason});
    ++c.new_by_reason[l.mapping + ":" + l.reason_code];
  }
  for (const WorklistLine& l : *was) {
    auto it = later.find(l.Identity());
    if (it != later.end()) {
      later.erase(it);
      continue;
    }
    c.exceptions.push_back({false, l.mapping, l.legacy_key, l.reason_code, l.reason});
    ++c.resolved_by_reason[l.mapping + ":" + l.reason_code];
  }
  return c;
}

std::string RenderComparisonSummary(const RehearsalComparison& c) {
  const auto upper = [](std::string v) { return v == "go" ? "GO" : v == "no-go" ? "NO-GO" : v; };
  std::string text = "\nComparing " + c.after_label + "\n     with " + c.before_label + "\n";
  text += "  Verdict: " + upper(c.verdict_before) + " -> " + upper(c.verdict_after) + "\n";
  size_t changed = 0;
  for (const FigureChange& f : c.figures) {
    if (!f.changed()) continue;
    if (++changed == 1) text += "  figures that changed:\n";
    text += "    " + (f.mapping.empty() ? f.figure : f.mapping + " " + f.figure) + ": " +
            (f.before.empty() ? "-" : f.before) + " -> " + (f.after.empty() ? "-" : f.after) + "\n";
  }
  if (changed == 0) text += "  every figure is the same\n";
  int64_t added = 0, resolved = 0;
  for (const auto& [reason, n] : c.new_by_reason) added += n;
  for (const auto& [reason, n] : c.resolved_by_reason) resolved += n;
  text += "  exceptions: " + std::to_string(added) + " new, " + std::to_string(resolved) + " resolved, " +
          std::to_string(c.still_open) + " still open\n";
  for (const auto& [reason, n] : c.new_by_reason) text += "    new " + reason + ": " + std::to_string(n) + "\n";
  for (const auto& [reason, n] : c.resolved_by_reason) text += "    resolved " + reason + ": " + std::to_string(n) + "\n";
  return text;
}

std::string RenderComparisonCsv(const RehearsalComparison& c) {
  std::string out = "mapping,figure,before,after,changed\n";
  for (const FigureChange& f : c.figures)
    out += CsvField(f.mapping) + "," + CsvField(f.figure) + "," + CsvField(f.before) + "," + CsvField(f.after) + "," +
           (f.changed() ? "yes" : "no") + "\n";
  return out;
}

std::string RenderExceptionChangesCsv(const RehearsalComparison& c) {
  std::string out = "change,mapping,legacy_key,reason_code,reason\n";
  for (const ExceptionChange& e : c.exceptions)
    out += std::string(e.is_new ? "new" : "resolved") + "," + CsvField(e.mapping) + "," + CsvField(e.legacy_key) + "," +
           CsvField(e.reason_code) + "," + CsvField(e.reason) + "\n";
  return out;
}

}  // namespace handover::reports
