#include "reports/money_by_person.h"

#include <map>
#include <set>
#include <tuple>

#include "db/table_writer.h"
#include "reports/query_text.h"

namespace handover::reports {
namespace {

constexpr const char* kTable = "handover_source_money";

using GroupKey = std::tuple<std::string, std::string, std::string>;  // person, month, type

// Reads every row of one money measure into the temporary table.
core::Status ReadMeasure(db::Database& source, const core::Catalog& catalog, const transform::CompiledMapping& m,
                         db::TableWriter& writer, size_t batch_size) {
  HANDOVER_RETURN_IF_ERROR(ForEachMeasureRow(
      source, catalog, m, batch_size,
      [&](int64_t ordinal, std::optional<std::string> key, const transform::RowOutcome& outcome) -> core::Status {
        if (outcome.target_rows.empty() || !outcome.target_rows[0] || core::IsNull((*outcome.target_rows[0])[0]))
          return core::Status::Error(core::ErrorCode::kConfig,
                                     "measure " + m.name() + " gives no migrated_by for row " +
                                         std::to_string(ordinal) + " of " + m.source_table() +
                                         "; every money record must name the mapping that migrates it");
        const std::vector<core::Value>& v = *outcome.target_rows[0];  // migrated_by, person, on_date, type, pence
        writer.AddText(core::ToText(v[0]));
        writer.AddText(std::to_string(ordinal));
        if (key) writer.AddText(std::move(*key));
        else writer.AddNull();
        for (size_t c : {size_t{1}, size_t{2}, size_t{3}}) {
          if (core::IsNull(v[c])) writer.AddNull();
          else if (const auto* date = std::get_if<core::Date>(&v[c])) writer.AddText(date->ToIso().substr(0, 7));
          else writer.AddText(core::ToText(v[c]));
        }
        if (const auto* pence = std::get_if<core::Pence>(&v[4])) writer.AddText(std::to_string(pence->value));
        else writer.AddNull();
        writer.EndRow();
        if (writer.pending() >= batch_size) return writer.Flush();
        return core::Status::Ok();
      }));
  return writer.Flush();
}

std::string Q(const std::string& text) { return db::Database::QuoteLiteral(text); }

// The source side's rows of `spec`, each with its ledger line and the
// council id of its person.
std::string SourceRows(const MoneyTargetSpec& spec, int64_t run_id, const std::string& legacy_system) {
  return std::string("FROM ") + kTable +
         " s LEFT JOIN migration_ledger l ON l.run_id = " + std::to_string(run_id) +
         " AND l.mapping = s.migrated_by AND l.source_row = s.source_row"
         " LEFT JOIN migration_crosswalk c ON c.legacy_system = " + Q(legacy_system) +
         " AND c.entity = " + Q(spec.person_entity) + " AND c.legacy_key = s.person_ref WHERE s.migrated_by = " +
         Q(spec.mapping);
}

const char* kSourcePerson = "COALESCE(CAST(c.council_id AS VARCHAR(24)), 'legacy ' || s.person_ref)";
const char* kUnmatched =
    "CASE WHEN l.outcome IS NULL OR (s.legacy_key IS NOT NULL AND COALESCE(l.legacy_key, '') <> s.legacy_key) "
    "THEN 1 ELSE 0 END";

// Target rows of the mapping: every row of its table, or, where the table
// holds rows no run of this source loaded (kept existing rows, records gone
// from the source), the rows the ledger says this run holds.
core::Result<std::string> TargetRows(db::Database& target, const MoneyTargetSpec& spec, int64_t run_id) {
  std::string from = "FROM " + target.QuoteIdentifier(spec.table) + " t";
  if (spec.key_column.empty()) return from;
  auto others = target.QueryInt(
      "SELECT (SELECT count(*) FROM migration_existing WHERE run_id = " + std::to_string(run_id) +
          " AND target_table = " + Q(spec.table) + " AND row_count > 0) + (SELECT count(*) FROM migration_ledger "
          "WHERE run_id = " + std::to_string(run_id) + " AND mapping = " + Q(spec.mapping) + " AND outcome = 'gone')",
      "looking for rows of " + spec.table + " this run did not load");
  if (!others.ok()) return others.status();
  if (*others == 0) return from;
  return from + " WHERE t." + target.QuoteIdentifier(spec.key_column) +
         " IN (SELECT target_key FROM migration_ledger WHERE run_id = " + std::to_string(run_id) +
         " AND mapping = " + Q(spec.mapping) + " AND outcome = 'loaded')";
}

core::Status Compare(db::Database& target, const MoneyTargetSpec& spec, int64_t run_id,
                     const std::string& legacy_system, MoneyByPerson& out) {
  auto target_rows = TargetRows(target, spec, run_id);
  if (!target_rows.ok()) return target_rows.status();
  const auto col = [&](const std::string& c) { return "t." + target.QuoteIdentifier(c); };
  const std::string sql =
      "SELECT CAST(person AS VARCHAR(220)), CAST(month AS VARCHAR(7)), CAST(type AS VARCHAR(200)), "
      "CAST(sum(src) AS VARCHAR(24)), CAST(sum(led) AS VARCHAR(24)), CAST(sum(loaded) AS VARCHAR(24)), "
      "CAST(sum(tgt) AS VARCHAR(24)), CAST(sum(unmatched) AS VARCHAR(20)), CAST(sum(records) AS VARCHAR(20)), "
      "CAST(max(ref) AS VARCHAR(200)) FROM ("
      "SELECT " + std::string(kSourcePerson) + " AS person, s.month AS month, s.type AS type, s.person_ref AS ref, "
      "COALESCE(s.pence, 0) AS src, COALESCE(l.amount_pence, 0) AS led, "
      "CASE WHEN l.outcome = 'loaded' THEN COALESCE(l.amount_pence, 0) ELSE 0 END AS loaded, 0 AS tgt, " +
      kUnmatched + " AS unmatched, 1 AS records " + SourceRows(spec, run_id, legacy_system) +
      " UNION ALL SELECT CAST(" + col(spec.person_column) + " AS VARCHAR(24)), substr(CAST(" +
      col(spec.date_column) + " AS VARCHAR(32)), 1, 7), CAST(" + col(spec.type_column) +
      " AS VARCHAR(200)), NULL, 0, 0, 0, COALESCE(" + col(spec.amount_column) + ", 0), 0, 0 " + *target_rows +
      ") x GROUP BY person, month, type ORDER BY person, month, type";
  std::map<std::string, MonthMoney> months;
  HANDOVER_RETURN_IF_ERROR(target.ForEachRow(
      sql, 10, "comparing the money of " + spec.mapping + " per person, month and type",
      [&](std::vector<std::string>& row) {
        MoneyDifference g{row[0], row[1], row[2], IntFromText(row[3]), IntFromText(row[4]), IntFromText(row[5]), IntFromText(row[6]), {}};
        if (out.people.empty() || out.people.back().person != g.person) out.people.push_back({g.person, "", 0, 0, 0, 0});
        PersonMoney& person = out.people.back();
        if (person.legacy_ref.empty()) person.legacy_ref = row[9];
        person.source += g.source;
        person.loaded += g.loaded;
        person.target += g.target;
        ++out.groups;
        out.records += IntFromText(row[8]);
        out.unmatched_records += IntFromText(row[7]);
        out.source_pence += g.source;
        out.ledger_pence += g.ledger;
        out.loaded_pence += g.loaded;
        out.target_pence += g.target;
        MonthMoney& month = months[g.month];
        month.month = g.month;
        month.source += g.source;
        month.loaded += g.loaded;
        month.target += g.target;
        if (g.source == g.ledger && g.loaded == g.target) return;
        ++person.differing_groups;
        ++out.differing_groups;
        if (out.differences.size() < kDifferencesListed) out.differences.push_back(std::move(g));
      }));
  for (auto& [name, month] : months) out.by_month.push_back(month);
  if (out.differences.empty()) return core::Status::Ok();

  // Drill-down: the records of the listed groups, in one pass each side.
  std::map<GroupKey, MoneyDifference*> listed;
  for (auto& d : out.differences) listed[{d.person, d.month, d.type}] = &d;
  HANDOVER_RETURN_IF_ERROR(target.ForEachRow(
      "SELECT CAST(" + std::string(kSourcePerson) + " AS VARCHAR(220)), CAST(s.month AS VARCHAR(7)), "
      "CAST(s.type AS VARCHAR(200)), CAST(s.legacy_key AS VARCHAR(200)), CAST(l.outcome AS VARCHAR(20)), "
      "CAST(l.target_key AS VARCHAR(24)), CAST(COALESCE(s.pence, 0) AS VARCHAR(24)), "
      "CAST(l.amount_pence AS VARCHAR(24)) " + SourceRows(spec, run_id, legacy_system) + " ORDER BY s.source_row",
      8, "listing the records behind the money differences of " + spec.mapping, [&](std::vector<std::string>& row) {
        auto it = listed.find({row[0], row[1], row[2]});
        if (it == listed.end() || it->second->records.size() >= kRecordsPerDifference) return;
        it->second->records.push_back({row[3], row[4], row[5], IntFromText(row[6]), row[7]});
      }));
  if (spec.key_column.empty()) return core::Status::Ok();
  // Target rows no source record accounts for.
  return target.ForEachRow(
      "SELECT CAST(" + col(spec.person_column) + " AS VARCHAR(24)), CAST(substr(CAST(" + col(spec.date_column) +
          " AS VARCHAR(32)), 1, 7) AS VARCHAR(7)), CAST(" + col(spec.type_column) + " AS VARCHAR(200)), CAST(" +
          col(spec.key_column) + " AS VARCHAR(24)) " + *target_rows,
      4, "listing the target rows behind the money differences of " + spec.mapping,
      [&](std::vector<std::string>& row) {
        auto it = listed.find({row[0], row[1], row[2]});
        if (it == listed.end() || it->second->loaded == it->second->target) return;
        auto& records = it->second->records;
        const bool known = std::any_of(records.begin(), records.end(),
                                       [&](const MoneyRecord& r) { return r.target_key == row[3]; });
        if (!known && records.size() < kRecordsPerDifference) records.push_back({"", "in target only", row[3], 0, ""});
      });
}

}  // namespace

core::Result<std::vector<MoneyByPerson>> ReconcileMoneyByPerson(db::Database& source,
                                                                const core::Catalog& source_catalog,
                                                                db::Database& target, const Measures& measures,
                                                                int64_t run_id, const std::string& legacy_system,
                                                                size_t batch_size) {
  std::vector<MoneyByPerson> result;
  if (measures.money.empty() || measures.money_targets.empty()) return result;
  // Everything below is undone at the end: the temporary table goes again.
  HANDOVER_RETURN_IF_ERROR(target.Begin("reconciling money per person"));
  const auto work = [&]() -> core::Status {
    HANDOVER_RETURN_IF_ERROR(target.Execute(
        std::string("CREATE TEMPORARY TABLE ") + kTable +
            " (migrated_by VARCHAR(200), source_row BIGINT, legacy_key VARCHAR(200), person_ref VARCHAR(200), "
            "month VARCHAR(7), type VARCHAR(200), pence BIGINT)",
        "creating the temporary table of source money"));
    auto writer = db::MakeTableWriter(
        target, kTable, {"migrated_by", "source_row", "legacy_key", "person_ref", "month", "type", "pence"});
    for (const transform::CompiledMapping* m : measures.money)
      HANDOVER_RETURN_IF_ERROR(ReadMeasure(source, source_catalog, *m, *writer, batch_size));
    HANDOVER_RETURN_IF_ERROR(target.RefreshStatistics("updating the statistics of the source money", kTable));
    std::set<std::string> declared;
    for (const MoneyTargetSpec& spec : measures.money_targets) {
      declared.insert(spec.mapping);
      MoneyByPerson figures;
      figures.mapping = spec.mapping;
      HANDOVER_RETURN_IF_ERROR(Compare(target, spec, run_id, legacy_system, figures));
      result.push_back(std::move(figures));
    }
    // Money measured for a mapping reconcile.json does not declare would
    // silently go unchecked.
    std::set<std::string> measured;
    HANDOVER_RETURN_IF_ERROR(target.ForEachRow(
        std::string("SELECT DISTINCT CAST(migrated_by AS VARCHAR(200)) FROM ") + kTable, 1,
        "checking the money measures", [&](std::vector<std::string>& row) { measured.insert(std::move(row[0])); }));
    std::string undeclared;
    for (const std::string& name : measured)
      if (!declared.count(name)) undeclared += (undeclared.empty() ? "" : ", ") + name;
    if (!undeclared.empty())
      return core::Status::Error(core::ErrorCode::kConfig,
                                 "the money measures name mappings reconcile.json does not declare (" + undeclared +
                                     "); add a \"money\" entry for each, see docs/reconciliation.md");
    return core::Status::Ok();
  };
  const core::Status status = work();
  target.Rollback();
  if (!status.ok()) return status;
  return result;
}

}  // namespace handover::reports
