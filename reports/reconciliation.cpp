#include "reports/reconciliation.h"

#include "core/personal_column.h"

#include <algorithm>
#include <map>
#include "core/ascii.h"
#include "db/source_query.h"
#include "load/existing_rows.h"

namespace handover::reports {
namespace {

// The ledger of run `run_id`, in one pass for every mapping: per mapping,
// its rows of (outcome, reason, count, pence, count without an amount, delta).
using LedgerRows = std::map<std::string, std::vector<std::vector<std::string>>>;

core::Result<LedgerRows> ReadLedgerOfRun(db::Database& target, int64_t run_id) {
  LedgerRows by_mapping;
  HANDOVER_RETURN_IF_ERROR(target.ForEachRow(
      "SELECT CAST(mapping AS VARCHAR(200)), CAST(outcome AS VARCHAR(20)), "
      "CAST(COALESCE(reason_code, '') AS VARCHAR(100)), CAST(count(*) AS VARCHAR(20)), "
      "CAST(COALESCE(sum(amount_pence), 0) AS VARCHAR(24)), CAST(count(*) - count(amount_pence) AS VARCHAR(20)), "
      "CAST(COALESCE(delta, '') AS VARCHAR(20)) FROM migration_ledger WHERE run_id = " +
          std::to_string(run_id) + " GROUP BY mapping, outcome, reason_code, delta",
      7, "reading the ledger of run " + std::to_string(run_id), [&](std::vector<std::string>& row) {
        auto& rows = by_mapping[row[0]];
        rows.emplace_back(std::make_move_iterator(row.begin() + 1), std::make_move_iterator(row.end()));
      }));
  return by_mapping;
}

void AddLedger(const std::vector<std::vector<std::string>>& rows, MappingFigures& figures) {
  OutcomeFigures& ledger = figures.ledger;
  DeltaFigures& delta = figures.delta;
  for (const auto& row : rows) {
    const std::string& outcome = row[0];
    const int64_t count = std::stoll(row[2]);
    const int64_t pence = std::stoll(row[3]);
    if (outcome == "gone") {
      // Not in this source, so outside its equation; what the council keeps
      // of it is still in the target tables.
      delta.gone += count;
      if (row[1] == "was_loaded") {
        delta.gone_kept += count;
        delta.gone_kept_pence += pence;
      }
      continue;
    }
    if (row[5] == "new") delta.new_records += count;
    if (row[5] == "changed") delta.changed += count;
    if (row[5] == "unchanged") delta.unchanged += count;
    ledger.records_without_amount += std::stoll(row[4]);
    ledger.pence_by_outcome[outcome] += pence;
    if (outcome == "loaded") {
      ledger.loaded += count;
      figures.ledger_loaded_pence += pence;
      continue;
    }
    if (outcome == "rejected") ledger.rejected += count;
    else if (outcome == "excluded") ledger.excluded += count;
    else if (outcome == "merged") ledger.merged += count;
    ledger.by_reason[outcome + ":" + row[1]] += count;
    ledger.pence_by_reason[outcome + ":" + row[1]] += pence;
  }
}

std::string MoneyDifferenceText(const MoneyByPerson& m) {
  std::string text = "money per person, month and type: ";
  if (m.differing_groups > 0)
    text += std::to_string(m.differing_groups) + " of " + std::to_string(m.groups) + " groups differ (source " +
            std::to_string(m.source_pence) + " pence, ledger " + std::to_string(m.ledger_pence) + ", loaded " +
            std::to_string(m.loaded_pence) + ", target " + std::to_string(m.target_pence) + ")";
  if (m.unmatched_records > 0)
    text += std::string(m.differing_groups ? "; " : "") + std::to_string(m.unmatched_records) +
            " source records have no ledger line of their own";
  for (size_t i = 0; i < m.differences.size() && i < 3; ++i) {
    const MoneyDifference& d = m.differences[i];
    text += std::string(i == 0 ? "; first: " : "; ") + "person " + (d.person.empty() ? "(none)" : d.person) + ", " +
            (d.month.empty() ? "no date" : d.month) + ", " + (d.type.empty() ? "no type" : d.type) + ": source " +
            std::to_string(d.source) + ", ledger " + std::to_string(d.ledger) + ", target " +
            std::to_string(d.target);
    if (!d.records.empty())
      text += " (record " + (d.records[0].legacy_key.empty() ? "target " + d.records[0].target_key
                                                              : d.records[0].legacy_key) +
              (d.records.size() > 1 ? " and " + std::to_string(d.records.size() - 1) + " more" : "") + ")";
  }
  return text;
}

}  // namespace

core::Status ReconcileWithMeasures(Reconciliation& r, db::Database& source, const core::Catalog& source_catalog,
                                   db::Database& target, const Measures& measures, const std::string& legacy_system,
                                   size_t batch_size) {
  auto money = ReconcileMoneyByPerson(source, source_catalog, target, measures, r.run_id, legacy_system, batch_size);
  if (!money.ok()) return money.status().WithContext("reconciling money per person");
  for (MoneyByPerson& m : *money) {
    auto figures = std::find_if(r.mappings.begin(), r.mappings.end(),
                                [&](const MappingFigures& f) { return f.mapping == m.mapping; });
    if (figures != r.mappings.end() && !m.balanced()) figures->differences.push_back(MoneyDifferenceText(m));
  }
  r.money_by_person = std::move(*money);
  if (!r.oc3 || !measures.has_oc3()) return core::Status::Ok();
  PersonIdentity identity;
  identity.run_id = r.run_id;
  identity.legacy_system = legacy_system;
  std::unordered_map<int64_t, std::string> labels;
  auto oc3 = ComputeOc3FromSource(source, source_catalog, target, measures, r.oc3->at, identity, batch_size, labels);
  if (!oc3.ok()) return oc3.status().WithContext("computing the OC3 figures on the source");
  r.statutory = CompareOc3(std::move(*oc3), *r.oc3, labels);
  return core::Status::Ok();
}

bool IsPersonalColumn(const std::string& column) { return core::IsPersonalColumn(column); }

bool Reconciliation::balanced() const {
  return std::all_of(mappings.begin(), mappings.end(), [](const MappingFigures& m) { return m.balanced(); }) &&
         std::all_of(money_by_person.begin(), money_by_person.end(), [](const MoneyByPerson& m) { return m.balanced(); });
}

int64_t Reconciliation::total_source_rows() const {
  int64_t total = 0;
  for (const auto& m : mappings) total += m.source_rows;
  return total;
}

int64_t Reconciliation::total_pence_loaded() const {
  int64_t total = 0;
  for (const auto& m : mappings)
    for (const auto& t : m.targets) total += t.pence_in_target;
  return total;
}

core::Result<Reconciliation> Reconcile(db::Database& source, db::Database& target, const transform::MappingProgram& program,
                                 const load::LoadSummary& summary) {
  Reconciliation result;
  result.run_id = summary.run_id;
  result.base_run_id = summary.base_run_id;
  result.source = source.url().Masked();
  result.target = target.url().Masked();
  result.mappings_hash = program.content_hash;
  // Tables written by more than one mapping are compared once, in total.
  std::map<std::string, int64_t> written_per_table;
  for (const auto& counts : summary.mappings)
    for (const auto& t : counts.targets) written_per_table[t.table] += t.rows;

  auto existing = load::ReadExistingRows(target, summary.run_id);
  if (!existing.ok()) return existing.status();
  auto ledger = ReadLedgerOfRun(target, summary.run_id);
  if (!ledger.ok()) return ledger.status();

  for (size_t i = 0; i < program.mappings.size() && i < summary.mappings.size(); ++i) {
    const auto& mapping = *program.mappings[i];
    MappingFigures figures;
    figures.mapping = mapping.name();
    figures.source_table = mapping.source_table();
    auto source_rows = source.QueryInt("SELECT count(*) FROM " +
                                           db::FromItem(source, mapping.source_table(), mapping.source_query()),
                                       "counting source table " + mapping.source_table());
    if (!source_rows.ok()) return source_rows.status();
    figures.source_rows = *source_rows;
    if (auto rows = ledger->find(figures.mapping); rows != ledger->end()) AddLedger(rows->second, figures);

    int64_t target_pence = 0;
    bool money_seen = false;
    for (const auto& spec : mapping.targets()) {
      TargetTableFigures t;
      t.table = spec.table;
      t.rows_written = written_per_table[spec.table];
      if (auto it = existing->find(spec.table); it != existing->end()) {
        t.rows_existing = it->second.rows;
        t.pence_existing = it->second.pence;
      }
      auto count = target.QueryInt("SELECT count(*) FROM " + target.QuoteIdentifier(spec.table),
                                   "counting target table " + spec.table);
      if (!count.ok()) return count.status();
      t.rows_in_target = *count;
      for (size_t c = 0; c < spec.types.size(); ++c) {
        if (spec.types[c] != core::ColumnType::kPence) continue;
        t.money_column = spec.columns[c];
        auto pence = target.QueryInt("SELECT sum(" + target.QuoteIdentifier(t.money_column) + ") FROM " +
                                         target.QuoteIdentifier(spec.table),
                                     "summing " + spec.table + "." + t.money_column);
        if (!pence.ok()) return pence.status();
        t.pence_in_target = *pence;
        break;
      }
      if (!t.money_column.empty() && !money_seen) {
        money_seen = true;
        target_pence = t.pence_in_target - t.pence_existing;
      }
      if (t.rows_in_target != t.rows_written + t.rows_existing)
        figures.differences.push_back("target table " + t.table + " holds " + std::to_string(t.rows_in_target) +
                                      " rows but " + std::to_string(t.rows_written) + " were written" +
                                      (t.rows_existing ? " and " + std::to_string(t.rows_existing) + " were there before"
                                                       : ""));
      figures.targets.push_back(std::move(t));
    }
    figures.has_money = money_seen;
    if (figures.source_rows != figures.ledger.total())
      figures.differences.push_back("source table " + figures.source_table + " has " +
                                    std::to_string(figures.source_rows) + " rows but the ledger accounts for " +
                                    std::to_string(figures.ledger.total()));
    const int64_t kept_pence = figures.delta.gone_kept_pence;
    if (money_seen && target_pence != figures.ledger_loaded_pence + kept_pence)
      figures.differences.push_back(
          "target holds " + std::to_string(target_pence) + " pence (beyond any it held before) but the ledger says " +
          std::to_string(figures.ledger_loaded_pence) + " were loaded" +
          (kept_pence ? " and " + std::to_string(kept_pence) + " are kept for records no longer in the source" : ""));
    result.mappings.push_back(std::move(figures));
  }
  auto exceptions = target.QueryInt("SELECT count(*) FROM migration_exception WHERE run_id = " +
                                        std::to_string(summary.run_id),
                                    "counting the exceptions");
  if (!exceptions.ok()) return exceptions.status();
  result.exception_count = *exceptions;
  return result;
}

}  // namespace handover::reports
