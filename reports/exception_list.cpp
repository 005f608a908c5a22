#include "reports/exception_list.h"

namespace handover::reports {

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
      // withhold it there too.
      for (size_t at; !e.value_seen.empty() && (at = e.reason.find(e.value_seen)) != std::string::npos;)
        e.reason.replace(at, e.value_seen.size(), "[withheld]");
      e.value_seen = "[withheld: personal data]";
    }
    each(e);
  });
}


}  // namespace handover::reports
