#include "reports/exception_list.h"

#include <algorithm>
#include <string_view>

#include "reports/pseudonym.h"

namespace handover::reports {
namespace {

// `value` without the "... (N bytes in all)" that core::PrintableClip puts
// after a clipped value; `clipped` says whether it had one.
std::string_view KnownStart(std::string_view value, bool& clipped) {
  const size_t marker = value.rfind("... (");
  clipped = marker != std::string_view::npos && value.ends_with(" bytes in all)");
  return clipped ? value.substr(0, marker) : value;
}

// `reason` with every quote of `value` replaced by `pseudonym`. Of a clipped
// value only the start is known, and the reason may quote more of it: there
// the quote is replaced from its start to the next single quote (the reasons
// write "value '...'") or to the end.
void ReplaceQuotes(std::string& reason, std::string_view value, const std::string& pseudonym) {
  bool clipped = false;
  const std::string_view known = KnownStart(value, clipped);
  if (known.empty()) return;
  for (size_t at = 0; (at = reason.find(known, at)) != std::string::npos; at += pseudonym.size()) {
    size_t end = at + known.size();
    if (clipped) end = std::min(reason.size(), reason.find('\'', end));
    reason.replace(at, end - at, pseudonym);
  }
}

}  // namespace

core::Status ForEachException(db::Database& target, int64_t run_id, const PrivacyOptions& privacy,
                              const std::function<void(const ExceptionRow&)>& each) {
  return target.ForEachRow(
      // Declared widths keep ODBC drivers from allocating 64 KiB a cell.
      "SELECT CAST(mapping AS VARCHAR(200)), CAST(source_table AS VARCHAR(200)), CAST(source_row AS VARCHAR(20)), "
      "CAST(legacy_key AS VARCHAR(200)), CAST(outcome AS VARCHAR(20)), CAST(reason_code AS VARCHAR(100)), "
      "CAST(reason AS VARCHAR(1000)), CAST(column_name AS VARCHAR(200)), CAST(value_seen AS VARCHAR(1000)), "
      "CAST(action AS VARCHAR(300)) FROM migration_exception WHERE run_id = " +
          std::to_string(run_id) + " ORDER BY mapping, source_row",
      10, "reading the exceptions", [&](std::vector<std::string>& row) {
    ExceptionRow e{std::move(row[0]), std::move(row[1]), std::move(row[3]), std::move(row[4]), std::move(row[5]),
                   std::move(row[6]), std::move(row[7]), std::move(row[8]), std::move(row[9]), std::stoll(row[2])};
    if (!privacy.show_personal_data && IsPersonalColumn(e.column) && !e.value_seen.empty()) {
      // The reason may quote the value ("value '12/13/2001' is not a date"):
      // the same pseudonym stands in for it there.
      const std::string pseudonym = Pseudonym(privacy.pseudonym_key, e.column, e.value_seen);
      ReplaceQuotes(e.reason, e.value_seen, pseudonym);
      e.value_seen = pseudonym;
    }
    each(e);
  });
}


}  // namespace handover::reports
