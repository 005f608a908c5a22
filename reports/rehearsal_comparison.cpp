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
  // Money three ways per person, and whether the source's OC3 figures agree.
  std::map<std::string, json> money_was, money_is;
  for (const json& m : before.value("money_by_person", json::array())) money_was[m.value("mapping", "")] = m;
  for (const json& m : after.value("money_by_person", json::array())) money_is[m.value("mapping", "")] = m;
  std::set<std::string> money_names;
  for (const auto& [name, m] : money_was) money_names.insert(name);
  for (const auto& [name, m] : money_is) money_names.insert(name);
  for (const std::string& name : money_names)
    for (const char* figure : {"source_pence", "target_pence", "differing_groups"}) {
      const json& mb = money_was.count(name) ? money_was[name] : json::object();
      const json& ma = money_is.count(name) ? money_is[name] : json::object();
      c.figures.push_back({name, std::string("money_by_person.") + figure, AsText(mb.value(figure, json())),
                           AsText(ma.value(figure, json()))});
    }
  const json no_source = json::object();
  const json& sb = before.contains("oc3_in_source") ? before["oc3_in_source"] : no_source;
  const json& sa = after.contains("oc3_in_source") ? after["oc3_in_source"] : no_source;
  for (const char* figure : {"equal", "person_differences"})
    c.figures.push_back({"", std::string("oc3_in_source.") + figure, AsText(sb.value(figure, json())),
                         AsText(sa.value(figure, json()))});
  const json& bt = before.value("totals", json::object());
  const json& at = after.value("totals", json::object());
  for (const char* figure : {"source_rows", "pence_loaded", "exceptions"})
    c.figures.push_back({"", std::string("totals.") + figure, AsText(bt.value(figure, json())), AsText(at.value(figure, json()))});
}

// signoff.decision as the board reads it: "GO", "NO-GO", "?" when absent.
std::string Decision(const json& report) {
  const auto signoff = report.find("signoff");
  if (signoff == report.end() || !signoff->is_object()) return "?";
  const std::string decision = signoff->value("decision", std::string("?"));
  return decision == "go" ? "GO" : decision == "no-go" ? "NO-GO" : decision;
}

std::vector<std::string> Reasons(const json& report) {
  std::vector<std::string> reasons;
  const auto signoff = report.find("signoff");
  if (signoff == report.end() || !signoff->is_object() || !signoff->contains("reasons")) return reasons;
  for (const json& reason : (*signoff)["reasons"])
    if (reason.is_string()) reasons.push_back(reason.get<std::string>());
  return reasons;
}

}  // namespace

namespace {

// One side of a comparison: its reconciliation, its worklist and its name.
struct ComparedReport {
  json report;
  std::vector<WorklistLine> worklist;
  std::string label;
};

RehearsalComparison CompareReports(const ComparedReport& before, const ComparedReport& after) {
  RehearsalComparison c;
  c.before_label = before.label;
  c.after_label = after.label;
  c.verdict.before = Decision(before.report);
  c.verdict.after = Decision(after.report);
  c.verdict.after_reasons = Reasons(after.report);
  AddFigures(before.report, after.report, c);

  std::multiset<std::string> earlier, later;
  for (const WorklistLine& l : before.worklist) earlier.insert(l.Identity());
  for (const WorklistLine& l : after.worklist) later.insert(l.Identity());
  for (const WorklistLine& l : after.worklist) {
    auto it = earlier.find(l.Identity());
    if (it != earlier.end()) {
      earlier.erase(it);
      ++c.still_open;
      continue;
    }
    c.exceptions.push_back({true, l.mapping, l.legacy_key, l.reason_code, l.reason});
    ++c.new_by_reason[l.mapping + ":" + l.reason_code];
  }
  for (const WorklistLine& l : before.worklist) {
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

core::Result<ComparedReport> ReadFolder(const fs::path& dir) {
  ComparedReport side;
  auto report = ReadReport(dir);
  if (!report.ok()) return report.status();
  side.report = std::move(*report);
  auto worklist = ReadWorklist(dir / "exceptions.csv");
  if (!worklist.ok()) return worklist.status();
  side.worklist = std::move(*worklist);
  side.label = Label(side.report, dir);
  return side;
}

core::Result<ComparedReport> ReadRecordedRun(db::Database& target, int64_t run_id) {
  const std::string id = std::to_string(run_id);
  std::string text;
  HANDOVER_RETURN_IF_ERROR(target.ForEachRow(
      "SELECT CAST(text AS VARCHAR(255)) FROM migration_report WHERE run_id = " + id + " ORDER BY part", 1,
      "reading the reconciliation of run " + id, [&](std::vector<std::string>& row) { text += row[0]; }));
  if (text.empty())
    return core::Status::Error(core::ErrorCode::kNotFound,
                               "run " + id + " has no recorded reconciliation in " + target.url().Masked() +
                                   ": only committed runs are recorded ('handover status' lists them); compare "
                                   "rehearsals by their report folders");
  ComparedReport side;
  side.report = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (side.report.is_discarded() || !side.report.is_object())
    return core::Status::Error(core::ErrorCode::kConfig, "the recorded reconciliation of run " + id + " is not JSON");
  HANDOVER_RETURN_IF_ERROR(target.ForEachRow(
      "SELECT CAST(mapping AS VARCHAR(200)), CAST(legacy_key AS VARCHAR(200)), CAST(reason_code AS VARCHAR(100)), "
      "CAST(reason AS VARCHAR(1000)) FROM migration_exception WHERE run_id = " + id + " ORDER BY mapping, source_row",
      4, "reading the exceptions of run " + id, [&](std::vector<std::string>& row) {
        side.worklist.push_back({std::move(row[0]), std::move(row[1]), std::move(row[2]), std::move(row[3])});
      }));
  side.label = Label(side.report, target.url().Masked());
  return side;
}

}  // namespace

core::Result<RehearsalComparison> CompareReportFolders(const fs::path& before_dir, const fs::path& after_dir) {
  auto before = ReadFolder(before_dir);
  if (!before.ok()) return before.status();
  auto after = ReadFolder(after_dir);
  if (!after.ok()) return after.status();
  return CompareReports(*before, *after);
}

core::Result<RehearsalComparison> CompareRecordedRuns(db::Database& target, int64_t before_run, int64_t after_run) {
  auto before = ReadRecordedRun(target, before_run);
  if (!before.ok()) return before.status();
  auto after = ReadRecordedRun(target, after_run);
  if (!after.ok()) return after.status();
  return CompareReports(*before, *after);
}

std::string RenderComparisonSummary(const RehearsalComparison& c) {
  std::string text = "\nComparing " + c.after_label + "\n     with " + c.before_label + "\n";
  text += "  Verdict: " + c.verdict.before + " -> " + c.verdict.after + "\n";
  for (const std::string& reason : c.verdict.after_reasons) text += "    " + reason + "\n";
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
  out += ",verdict," + CsvField(c.verdict.before) + "," + CsvField(c.verdict.after) + "," +
         (c.verdict.changed() ? "yes" : "no") + "\n";
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
