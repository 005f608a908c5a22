#include "reports/measures.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/ascii.h"
#include "core/text_file.h"
#include "extract/read_ahead.h"
#include "extract/row_source.h"
#include "transform/eval_context.h"
#include "transform/check_mappings.h"

namespace handover::reports {
namespace {

using json = nlohmann::json;

core::TableSchema Table(std::string name, std::vector<std::pair<std::string, core::ColumnType>> columns) {
  core::TableSchema table;
  table.name = std::move(name);
  for (auto& [column, type] : columns) {
    core::Column c;
    c.name = column;
    c.type = type;
    c.declared_type = core::ColumnTypeName(type);
    table.columns.push_back(std::move(c));
  }
  return table;
}

core::Status Bad(const std::filesystem::path& file, const std::string& what) {
  return core::Status::Error(core::ErrorCode::kConfig,
                             file.string() + ": " + what + "; see docs/reconciliation.md for what it holds");
}

// The target columns of `mapping` its money is compared by, from one
// reconcile.json entry.
core::Result<MoneyTargetSpec> ReadMoneyTarget(const std::filesystem::path& file, const json& entry,
                                              const std::string& at, const transform::MappingProgram& migration) {
  MoneyTargetSpec spec;
  for (const char* field : {"mapping", "person", "date", "type"})
    if (!entry.is_object() || !entry.contains(field) || !entry[field].is_string() ||
        entry[field].get<std::string>().empty())
      return Bad(file, "'" + at + "." + field + "' must be given as text");
  for (const auto& [field, value] : entry.items())
    if (field != "mapping" && field != "person" && field != "date" && field != "type" && field != "person_entity")
      return Bad(file, "unknown field '" + at + "." + field + "'");
  spec.mapping = entry["mapping"].get<std::string>();
  if (entry.contains("person_entity")) spec.person_entity = entry["person_entity"].get<std::string>();
  const auto mapping = std::find_if(migration.mappings.begin(), migration.mappings.end(),
                                    [&](const auto& m) { return m->name() == spec.mapping; });
  if (mapping == migration.mappings.end()) return Bad(file, "'" + at + ".mapping' names no mapping: " + spec.mapping);
  for (const auto& target : (*mapping)->targets()) {
    const auto pence = std::find(target.types.begin(), target.types.end(), core::ColumnType::kPence);
    if (pence == target.types.end()) continue;
    spec.table = target.table;
    spec.amount_column = target.columns[pence - target.types.begin()];
    spec.key_column = target.key_column.value_or("");
    for (auto [field, column] : {std::pair{"person", &spec.person_column}, std::pair{"date", &spec.date_column},
                                 std::pair{"type", &spec.type_column}}) {
      *column = core::AsciiLower(entry[field].get<std::string>());
      if (std::find(target.columns.begin(), target.columns.end(), *column) == target.columns.end())
        return Bad(file, "'" + at + "." + field + "': mapping " + spec.mapping + " assigns no column " + *column +
                             " of " + target.table);
    }
    return spec;
  }
  return Bad(file, "'" + at + "': mapping " + spec.mapping + " writes no money (no pence column)");
}

core::Status ReadReconcileJson(const std::filesystem::path& dir, const transform::MappingProgram& migration,
                               Measures& measures) {
  const std::filesystem::path file = dir / "reconcile.json";
  auto text = core::ReadTextFile(file);
  if (!text.ok() && text.status().code() == core::ErrorCode::kNotFound) return core::Status::Ok();
  if (!text.ok()) return Bad(file, "cannot be read");
  const json root = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) return Bad(file, "is not a JSON object");
  for (const auto& [field, value] : root.items())
    if (field != "money" && field != "comment") return Bad(file, "unknown field '" + field + "'");
  if (!root.contains("money")) return core::Status::Ok();
  if (!root["money"].is_array()) return Bad(file, "'money' must be a list");
  size_t n = 0;
  for (const json& entry : root["money"]) {
    auto spec = ReadMoneyTarget(file, entry, "money[" + std::to_string(n++) + "]", migration);
    if (!spec.ok()) return spec.status();
    measures.money_targets.push_back(std::move(*spec));
  }
  return core::Status::Ok();
}

}  // namespace

core::Catalog MeasureTables() {
  using T = core::ColumnType;
  core::Catalog catalog;
  for (core::TableSchema table : {
           Table("source_money", {{"migrated_by", T::kText}, {"person", T::kText}, {"on_date", T::kDate},
                                  {"type", T::kText}, {"amount_pence", T::kPence}}),
           Table("oc3_person", {{"person", T::kText}, {"date_of_birth", T::kDate}, {"case_open", T::kBool}}),
           Table("oc3_contact", {{"person", T::kText}, {"contact_date", T::kDate}, {"in_touch", T::kText}}),
           Table("oc3_activity",
                 {{"person", T::kText}, {"start_date", T::kDate}, {"end_date", T::kDate}, {"activity", T::kText}}),
           Table("oc3_accommodation", {{"person", T::kText},
                                       {"start_date", T::kDate},
                                       {"end_date", T::kDate},
                                       {"accommodation", T::kText}}),
       })
    catalog.tables.emplace(table.name, std::move(table));
  return catalog;
}

core::Result<Measures> LoadMeasures(const std::filesystem::path& mappings_dir, const core::Catalog& source,
                                    const core::Catalog& target, const transform::MappingProgram& migration,
                                    const transform::Params& params, const transform::DescribeQueryFn& describe,
                                    std::vector<transform::Diagnostic>& diagnostics) {
  Measures measures;
  HANDOVER_RETURN_IF_ERROR(ReadReconcileJson(mappings_dir, migration, measures));
  auto files = transform::ReadMappingFolder(mappings_dir, transform::FolderPart::kWithMeasures);
  if (!files.ok()) return files.status();
  const auto is_measure = [](const transform::MappingSource& f) {
    return core::AsciiLower(f.path).size() > 8 && core::AsciiLower(f.path).ends_with(".measure");
  };
  if (std::none_of(files->begin(), files->end(), is_measure)) return measures;
  // Bound with the migration mappings, so that their code sets are the
  // measures' too; only the mappings into measure tables are kept.
  core::Catalog tables = target;
  const core::Catalog measure_tables = MeasureTables();
  for (const auto& [name, table] : measure_tables.tables) tables.tables[name] = table;
  transform::CheckOptions options;
  options.describe_query = describe;
  transform::CheckResult checked = transform::CheckMappingSources(*files, source, tables, params, options);
  if (!checked.ok()) {
    diagnostics = std::move(checked.diagnostics);
    return core::Status::Error(core::ErrorCode::kConfig,
                               "the measures in " + mappings_dir.string() + " do not check (" +
                                   std::to_string(diagnostics.size()) +
                                   (diagnostics.size() == 1 ? " error" : " errors") + " above); nothing was loaded");
  }
  measures.program = std::move(checked.program);
  for (const auto& mapping : measures.program->mappings) {
    if (mapping->targets().empty() || !measure_tables.Find(mapping->targets()[0].table)) continue;
    const std::string& table = mapping->targets()[0].table;
    (table == "source_money"   ? measures.money
     : table == "oc3_person"   ? measures.oc3_person
     : table == "oc3_contact"  ? measures.oc3_contact
     : table == "oc3_activity" ? measures.oc3_activity
                               : measures.oc3_accommodation)
        .push_back(mapping.get());
  }
  return measures;
}

core::Status ForEachMeasureRow(db::Database& source, const core::Catalog& catalog,
                               const transform::CompiledMapping& m, size_t batch_size, const MeasureRowFn& each) {
  const core::TableSchema* table = catalog.Find(m.source_table());
  if (!table)
    return core::Status::Error(core::ErrorCode::kNotFound,
                               "measure " + m.name() + " reads " + m.source_table() + ", which the source does not have");
  auto opened = extract::OpenTableSource(source, *table, m.source_columns(), batch_size);
  if (!opened.ok()) return opened.status().WithContext("measure " + m.name());
  // `each` never reads the source, so the reading can run ahead.
  const auto rows = extract::ReadAhead(std::move(*opened));
  const transform::EvalContext context;
  transform::RowOutcome outcome;
  core::RowBatch batch;
  for (;;) {
    auto more = rows->Next(batch);
    if (!more.ok()) return more.status().WithContext("measure " + m.name());
    if (!*more) return core::Status::Ok();
    for (size_t r = 0; r < batch.size(); ++r) {
      const auto row = batch.Row(r);
      m.Evaluate(row, context, outcome);
      HANDOVER_RETURN_IF_ERROR(each(batch.Ordinal(r), m.EvaluateKey(row), outcome));
    }
  }
}

}  // namespace handover::reports
