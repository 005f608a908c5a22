#include "generator/provider_schema.h"

namespace handover::generator {

const ProviderTable& TableSpec(Table table) {
  static const std::vector<ProviderTable> kTables = {
      {"client",
       {{"client_id", true},
        {"client_ref", false},
        {"forename", false},
        {"surname", false},
        {"dob", false},
        {"gender", false},
        {"status", false},
        {"referral_date", false},
        {"closed_date", false},
        {"deleted", true},
        {"notes", false}}},
      {"worker",
       {{"worker_id", true}, {"worker_name", false}, {"job_title", false}, {"active", false}}},
      {"allocation",
       {{"alloc_id", true},
        {"client_ref", false},
        {"worker_id", true},
        {"pa_name", false},
        {"start_date", false},
        {"end_date", false}}},
      {"contact_log",
       {{"contact_id", true},
        {"client_ref", false},
        {"contact_date", false},
        {"contact_type", false},
        {"in_touch", false},
        {"pa_name", false},
        {"notes", false},
        {"deleted", true}}},
      {"pathway_plan",
       {{"plan_id", true},
        {"client_ref", false},
        {"plan_date", false},
        {"next_review", false},
        {"plan_status", false}}},
      {"plan_review",
       {{"review_id", true},
        {"plan_id", true},
        {"review_date", false},
        {"reviewed_by", false},
        {"outcome", false}}},
      {"accom_history",
       {{"accom_id", true},
        {"client_ref", false},
        {"accom_type", false},
        {"suitable", false},
        {"start_date", false},
        {"end_date", false}}},
      {"eet_history",
       {{"eet_id", true},
        {"client_ref", false},
        {"activity", false},
        {"start_date", false},
        {"end_date", false}}},
      {"pay_schedule",
       {{"schedule_id", true},
        {"client_ref", false},
        {"pay_type", false},
        {"amount", false},
        {"frequency", false},
        {"start_date", false},
        {"end_date", false},
        {"paid_to", false},
        {"deleted", true}}},
      {"payment",
       {{"payment_id", true},
        {"client_ref", false},
        {"schedule_id", true},
        {"pay_type", false},
        {"amount", false},
        {"paid_date", false},
        {"period_start", false},
        {"method", false},
        {"deleted", true}}},
      {"balance_held",
       {{"balance_id", true},
        {"client_ref", false},
        {"balance_type", false},
        {"entitlement", false},
        {"paid_to_date", false},
        {"balance", false},
        {"as_at", false}}},
      {"code_lookup",
       {{"code_type", false}, {"code", false}, {"description", false}, {"active", false}}},
  };
  return kTables[static_cast<size_t>(table)];
}

std::string ProviderSchemaSql(const db::Dialect& dialect) {
  const char* integer = dialect.BigIntType();
  std::string sql;
  for (int t = 0; t < kTableCount; ++t) {
    const ProviderTable& spec = TableSpec(static_cast<Table>(t));
    sql += std::string("CREATE TABLE ") + spec.name + " (\n";
    for (size_t c = 0; c < spec.columns.size(); ++c) {
      const ProviderColumn& column = spec.columns[c];
      sql += std::string("  ") + column.name + " " + (column.integer ? integer : "TEXT");
      // The first integer column is the provider's surrogate key (code_lookup has none).
      if (c == 0 && column.integer && dialect.DeclaresKeysWithTable()) sql += " PRIMARY KEY";
      sql += c + 1 < spec.columns.size() ? ",\n" : "\n";
    }
    sql += ");\n";
  }
  return sql;
}

std::string ProviderKeysSql(const db::Dialect& dialect) {
  std::string sql;
  if (dialect.DeclaresKeysWithTable()) return sql;
  for (int t = 0; t < kTableCount; ++t) {
    const ProviderTable& spec = TableSpec(static_cast<Table>(t));
    if (spec.columns.front().integer)
      sql += std::string("ALTER TABLE ") + spec.name + " ADD PRIMARY KEY (" +
             spec.columns.front().name + ");\n";
  }
  return sql;
}

}  // namespace handover::generator
