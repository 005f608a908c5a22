#include "reports/renderers.h"

#include <cstdio>

#include "reports/reason_codes.h"

namespace handover::reports {
namespace {

void AppendRow(std::string& out, std::initializer_list<std::string> fields) {
  bool first = true;
  for (const auto& field : fields) {
    if (!first) out += ',';
    out += CsvField(field);
    first = false;
  }
  out += "\r\n";
}

// "-12", "-0.5": a minus, digits, at most one point with digits after it.
bool IsNegativeNumber(const std::string& v) {
  size_t i = 1, digits = 0, points = 0;
  for (; i < v.size(); ++i) {
    if (v[i] >= '0' && v[i] <= '9') ++digits;
    else if (v[i] == '.' && points == 0 && digits > 0) ++points;
    else return false;
  }
  return digits > 0 && v.back() != '.';
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

}  // namespace

std::string CsvField(const std::string& value) {
  std::string v;
  v.reserve(value.size());
  // Control bytes (NUL, escape sequences) are written escaped, never raw;
  // line breaks stay, inside quotes.
  for (unsigned char c : value) {
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      v += buf;
    } else {
      v += static_cast<char>(c);
    }
  }
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) {
    // Negative numbers stay numbers; anything else could start a formula.
    if (!(v[0] == '-' && IsNegativeNumber(v))) v.insert(0, 1, '\'');
  }
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string RenderReconciliationCsv(const Reconciliation& r) {
  std::string out;
  AppendRow(out, {"run_id", "mapping", "source_table", "source_rows", "loaded", "rejected", "excluded", "merged",
                  "target_table", "rows_in_target", "rows_written", "money_column", "pence_in_target",
                  "ledger_loaded_pence", "balanced", "differences"});
  for (const auto& m : r.mappings) {
    for (const auto& t : m.targets) {
      AppendRow(out, {std::to_string(r.run_id), m.mapping, m.source_table, std::to_string(m.source_rows),
                      std::to_string(m.ledger.loaded), std::to_string(m.ledger.rejected),
                      std::to_string(m.ledger.excluded), std::to_string(m.ledger.merged), t.table,
                      std::to_string(t.rows_in_target), std::to_string(t.rows_written), t.money_column,
                      t.money_column.empty() ? "" : std::to_string(t.pence_in_target),
                      m.has_money ? std::to_string(m.ledger_loaded_pence) : "", m.balanced() ? "yes" : "no",
                      Join(m.differences)});
    }
  }
  return out;
}

std::string ExceptionsCsvHeader() {
  std::string out;
  AppendRow(out, {"mapping", "source_table", "source_row", "legacy_reference", "outcome", "column", "value_seen",
                  "reason_code", "explanation", "suggested_action", "status", "owner", "note"});
  return out;
}

void AppendExceptionsCsvRow(std::string& out, const ExceptionRow& e) {
  // status, owner and note stay empty: they are the data officer's to fill in.
  AppendRow(out, {e.mapping, e.source_table, std::to_string(e.source_row), e.legacy_key, e.outcome, e.column,
                  e.value_seen, e.reason_code, Explanation(e.reason_code, e.reason), e.action, "", "", ""});
}

}  // namespace handover::reports
