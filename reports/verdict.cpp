#include "reports/verdict.h"

#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

#include "core/text_file.h"
#include "reports/reconciliation.h"

namespace handover::reports {
namespace {

using json = nlohmann::json;

core::Status Bad(const std::filesystem::path& file, const std::string& what) {
  return core::Status::Error(core::ErrorCode::kConfig,
                             file.string() + ": " + what + "; see docs/signoff.md for the fields it may hold");
}

}  // namespace

core::Result<VerdictRules> ReadVerdictRules(const std::filesystem::path& mappings_dir) {
  const std::filesystem::path file = mappings_dir / "signoff.json";
  VerdictRules rules;
  auto text = core::ReadTextFile(file);
  if (!text.ok() && text.status().code() == core::ErrorCode::kNotFound) return rules;
  if (!text.ok()) return Bad(file, "cannot be read");
  json root = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) return Bad(file, "is not a JSON object");
  static const std::set<std::string> kFields = {"max_rejected", "max_rejected_percent", "accepted_differences",
                                                "comment"};
  for (const auto& [field, value] : root.items())
    if (!kFields.count(field)) return Bad(file, "unknown field '" + field + "'");
  if (root.contains("max_rejected")) {
    if (!root["max_rejected"].is_object()) return Bad(file, "'max_rejected' must map mapping names to counts");
    for (const auto& [mapping, limit] : root["max_rejected"].items()) {
      if (!limit.is_number_integer() || limit.get<int64_t>() < 0)
        return Bad(file, "'max_rejected." + mapping + "' must be a whole number of records, 0 or more");
      rules.max_rejected[mapping] = limit.get<int64_t>();
    }
  }
  if (root.contains("max_rejected_percent")) {
    if (!root["max_rejected_percent"].is_object())
      return Bad(file, "'max_rejected_percent' must map mapping names to percentages");
    for (const auto& [mapping, limit] : root["max_rejected_percent"].items()) {
      if (!limit.is_number() || limit.get<double>() < 0 || limit.get<double>() > 100)
        return Bad(file, "'max_rejected_percent." + mapping + "' must be a percentage from 0 to 100");
      rules.max_rejected_percent[mapping] = limit.get<double>();
    }
  }
  if (root.contains("accepted_differences")) {
    if (!root["accepted_differences"].is_array()) return Bad(file, "'accepted_differences' must be a list");
    size_t n = 0;
    for (const json& a : root["accepted_differences"]) {
      const std::string at = "accepted_differences[" + std::to_string(n++) + "]";
      for (const char* field : {"mapping", "contains", "justification", "expires"})
        if (!a.is_object() || !a.contains(field) || !a[field].is_string() || a[field].get<std::string>().empty())
          return Bad(file, "'" + at + "." + field + "' must be given as text");
      const auto expires = core::Date::ParseIso(a["expires"].get<std::string>());
      if (!expires) return Bad(file, "'" + at + ".expires' must be a date, YYYY-MM-DD");
      rules.accepted.push_back({a["mapping"], a["contains"], a["justification"], *expires});
    }
  }
  return rules;
}

Verdict DecideVerdict(const Reconciliation& r, const VerdictRules& rules, core::Date today) {
  Verdict v;
  for (const MappingFigures& m : r.mappings) {
    for (const std::string& d : m.differences) {
      const AcceptedDifference* accepted = nullptr;
      for (const AcceptedDifference& a : rules.accepted)
        if (a.mapping == m.mapping && d.find(a.contains) != std::string::npos) accepted = &a;
      if (accepted && today <= accepted->expires) {
        v.accepted.push_back(m.mapping + ": " + d + " (accepted until " + accepted->expires.ToIso() + ": " +
                             accepted->justification + ")");
      } else if (accepted) {
        v.reasons.push_back(m.mapping + ": " + d + " (its acceptance expired on " + accepted->expires.ToIso() + ")");
      } else {
        v.reasons.push_back(m.mapping + ": " + d);
      }
    }
    if (const auto limit = rules.max_rejected.find(m.mapping);
        limit != rules.max_rejected.end() && m.ledger.rejected > limit->second)
      v.reasons.push_back(m.mapping + ": " + std::to_string(m.ledger.rejected) + " records rejected, more than the " +
                          std::to_string(limit->second) + " signoff.json allows");
    if (const auto limit = rules.max_rejected_percent.find(m.mapping);
        limit != rules.max_rejected_percent.end() &&
        static_cast<double>(m.ledger.rejected) * 100.0 > limit->second * static_cast<double>(m.source_rows)) {
      char share[32];
      std::snprintf(share, sizeof share, "%.1f%%", m.source_rows ? 100.0 * m.ledger.rejected / m.source_rows : 0.0);
      char allowed[32];
      std::snprintf(allowed, sizeof allowed, "%g%%", limit->second);
      v.reasons.push_back(m.mapping + ": " + std::to_string(m.ledger.rejected) + " of " + std::to_string(m.source_rows) +
                          " records rejected (" + share + "), more than the " + allowed + " signoff.json allows");
    }
  }
  if (r.statutory && !r.statutory->equal()) {
    const StatutoryComparison& s = *r.statutory;
    std::string reason = "statutory figures moved (OC3 at " + r.oc3->at.ToIso() + "): ";
    for (size_t i = 0; i < s.differences.size() && i < 4; ++i) reason += (i ? "; " : "") + s.differences[i];
    if (s.differences.size() > 4) reason += "; " + std::to_string(s.differences.size() - 4) + " more figures";
    reason += std::string(s.differences.empty() ? "" : "; ") + std::to_string(s.people_differing) +
              " person figures differ";
    if (!s.people.empty())
      reason += ", first " + s.people[0].person + " " + s.people[0].figure + ": " + s.people[0].source +
                " in the source, " + s.people[0].target + " migrated";
    v.reasons.push_back(reason);
  }
  v.go = v.reasons.empty();
  return v;
}

}  // namespace handover::reports
