#include "load/load_engine.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <set>

#include "core/interrupt.h"
#include "extract/read_ahead.h"
#include "extract/row_source.h"
#include "load/crosswalk_store.h"
#include "load/delta_base.h"
#include "load/keys_set_aside.h"
#include "load/ledger.h"
#include "load/mapping_loader.h"
#include "load/merge_plan.h"
#include "load/run_progress.h"
#include "load/migration_tables.h"
#include "load/reference_check.h"

namespace handover::load {
namespace {

core::Result<std::unique_ptr<extract::RowSource>> OpenSource(const transform::CompiledMapping& mapping, db::Database& source,
                                              const core::Catalog& catalog, size_t batch_size) {
  const core::TableSchema* table = catalog.Find(mapping.source_table());
  if (table == nullptr)
    return core::Status::Error(core::ErrorCode::kNotFound, "source table " + mapping.source_table() + " of mapping " +
                                                   mapping.name() + " is not in " + source.url().Masked());
  auto rows = extract::OpenTableSource(source, *table, mapping.source_columns(), batch_size);
  if (!rows.ok()) return rows.status();
  // Nothing else reads the source while a mapping loads.
  return extract::ReadAhead(std::move(*rows));
}

// Reads every lookup table of `mapping` into memory (reference tables such as
// staff lists: small beside the rows they annotate). `digest` becomes a hash
// of their contents: a record's evaluation depends on them.
core::Result<transform::LookupTables> ReadLookups(const transform::CompiledMapping& mapping, db::Database& source,
                                            const core::Catalog& catalog, size_t batch_size, uint64_t& digest) {
  const auto& specs = mapping.lookups();
  transform::LookupTables tables(specs.size());
  for (size_t i = 0; i < specs.size(); ++i) {
    const core::TableSchema* table = catalog.Find(specs[i].table);
    if (table == nullptr)
      return core::Status::Error(core::ErrorCode::kNotFound, "lookup table " + specs[i].table + " of mapping " + mapping.name() +
                                                     " is not in " + source.url().Masked());
    auto rows = extract::OpenTableSource(source, *table, specs[i].columns, batch_size);
    if (!rows.ok()) return rows.status();
    core::RowBatch batch;
    int64_t repeated = 0;
    while (true) {
      auto more = (*rows)->Next(batch);
      if (!more.ok()) return more.status().WithContext("reading lookup table " + specs[i].table);
      if (!*more) break;
      for (size_t r = 0; r < batch.size(); ++r) {
        const auto row = batch.Row(r);
        digest = static_cast<uint64_t>(RowHash(row, digest));
        if (!tables.Add(i, std::vector<core::Value>(row.begin(), row.end()))) ++repeated;
      }
    }
    if (repeated > 0)
      spdlog::warn("{}: lookup table {} repeats {} keys; the first row of each key is used", mapping.name(),
                   specs[i].table, repeated);
  }
  return tables;
}

// Splits `batch` into the rows up to ordinal `last` and those after it.
void SplitAt(const core::RowBatch& batch, int64_t last, core::RowBatch& upto, core::RowBatch& after) {
  upto.Reset(batch.width());
  after.Reset(batch.width());
  for (size_t r = 0; r < batch.size(); ++r) {
    const auto row = batch.Row(r);
    auto copy = (batch.Ordinal(r) <= last ? upto : after).AppendRow(batch.Ordinal(r));
    std::copy(row.begin(), row.end(), copy.begin());
  }
}

core::Status LoadMapping(const transform::CompiledMapping& mapping, db::Database& source, const core::Catalog& catalog,
                   db::Database& target, CrosswalkStore& crosswalk, Ledger& ledger, ReferenceCheck* references,
                   const LoadOptions& options, const ProgressFn& progress, MappingCounts& counts,
                   StageSeconds& stages) {
  std::optional<transform::LookupTables> lookups;
  uint64_t row_seed = 0;
  if (!mapping.lookups().empty()) {
    auto read = ReadLookups(mapping, source, catalog, options.batch_size, row_seed);
    if (!read.ok()) return read.status();
    lookups = std::move(*read);
  }
  const transform::LookupTables* lookup_tables = lookups ? &*lookups : nullptr;
  std::optional<MergePlan> plan;
  MappingProgress done;
  if (options.resume_run_id > 0) {
    auto read = ReadProgress(target, ledger.run_id(), mapping);
    if (!read.ok()) return read.status();
    done = std::move(*read);
    if (done.finished) {
      spdlog::info("{}: finished by the interrupted run ({} records)", mapping.name(), done.counts.extracted);
      counts = done.counts;
      return core::Status::Ok();
    }
    spdlog::info("{}: resuming after source row {}", mapping.name(), done.last_source_row);
  }
  if (mapping.merge()) {
    auto first_pass = OpenSource(mapping, source, catalog, options.batch_size);
    if (!first_pass.ok()) return first_pass.status();
    StageClock clock(stages.extract);
    auto built = MergePlan::Build(mapping, **first_pass, crosswalk, lookup_tables);
    if (!built.ok()) return built.status().WithContext("finding duplicates for " + mapping.name());
    spdlog::info("{}: {} duplicate records to merge", mapping.name(), built->duplicates());
    plan = std::move(*built);
  }
  auto rows = OpenSource(mapping, source, catalog, options.batch_size);
  if (!rows.ok()) return rows.status();
  bool carries_money = false;
  for (const auto& spec : mapping.targets())
    for (core::ColumnType type : spec.types) carries_money = carries_money || type == core::ColumnType::kPence;
  const int64_t limit = carries_money ? options.max_target_rejects_money : options.max_target_rejects_other;
  MappingLoader loader(mapping, target, crosswalk, ledger, std::move(plan), lookup_tables, references);
  loader.SetRowSeed(row_seed);
  std::optional<DeltaBase> delta;
  if (options.delta_base_run_id > 0) {
    // A table left out has nothing to update: its records are known by content.
    if (!mapping.has_key() && !mapping.ignored())
      return core::Status::Error(core::ErrorCode::kConfig,
                                 "mapping " + mapping.name() +
                                     " has no key line, so a delta run cannot tell which of its records are new, "
                                     "changed or gone; give it a key, or run into an empty target");
    auto base = DeltaBase::Read(target, options.delta_base_run_id, mapping.name());
    if (!base.ok()) return base.status();
    auto base_progress = ReadProgress(target, options.delta_base_run_id, mapping);
    if (!base_progress.ok()) return base_progress.status();
    spdlog::info("{}: comparing with the {} records run {} accounted for", mapping.name(), base->size(),
                 options.delta_base_run_id);
    delta = std::move(*base);
    loader.UseDelta(*delta, base_progress->counts);
  }
  if (options.resume_run_id > 0) loader.Resume(done);
  core::RowBatch batch, committed, rest;
  loader.CountTimeIn(stages);
  while (true) {
    core::Result<bool> more = false;
    {
      StageClock clock(stages.extract);
      more = (*rows)->Next(batch);
    }
    if (!more.ok()) return more.status().WithContext("loading " + mapping.name());
    if (!*more) break;
    if (done.last_source_row > 0 && batch.Ordinal(0) <= done.last_source_row) {
      // Rows the interrupted run committed are not loaded again; their
      // duplicates are found again, since merges are recorded at the end.
      SplitAt(batch, done.last_source_row, committed, rest);
      HANDOVER_RETURN_IF_ERROR(loader.ReplayCommitted(committed));
      if (rest.empty()) continue;
      std::swap(batch, rest);
    }
    HANDOVER_RETURN_IF_ERROR(loader.LoadBatch(batch).WithContext("loading " + mapping.name()));
    const bool over_limit = limit >= 0 && loader.target_rejects() > limit;
    // Stopping here reports the batches so far as committed: make them so.
    if (over_limit || core::InterruptRequested())
      HANDOVER_RETURN_IF_ERROR(loader.Settle().WithContext("loading " + mapping.name()));
    if (over_limit)
      return core::Status::Error(
          core::ErrorCode::kData,
          "mapping " + mapping.name() + ": the target refused " + std::to_string(loader.target_rejects()) +
              " rows, more than the limit of " + std::to_string(limit) +
              (carries_money ? " for a mapping that carries money" : "") + " (the first, " +
              loader.first_target_reject() + "); the run stopped after a committed batch: correct those rows, or "
              "raise the limit with --max-target-rejects N");
    if (progress) progress(mapping.name(), loader.counts().extracted);
    // A committed batch is the safe point at which to honour a stop request.
    if (core::InterruptRequested()) {
      counts = loader.counts();
      return core::Status::Error(core::ErrorCode::kInterrupted,
                                 std::to_string(counts.extracted) + " " + mapping.source_table() +
                                     " rows of mapping " + mapping.name() + " committed");
    }
  }
  HANDOVER_RETURN_IF_ERROR(loader.Finish());
  counts = loader.counts();
  return core::Status::Ok();
}

// Loads every mapping in order into `summary`; a failure closes the run as
// failed (or interrupted) and says what was kept.
core::Status LoadAll(const transform::MappingProgram& program, db::Database& source,
                     const core::Catalog& source_catalog, db::Database& target, CrosswalkStore& crosswalk,
                     Ledger& ledger, ReferenceCheck* references, const RunInfo& info, const LoadOptions& options,
                     const ProgressFn& progress, LoadSummary& summary) {
  const int64_t run_id = summary.run_id;
  for (const auto& mapping : program.mappings) {
    spdlog::info("loading mapping {} from {}", mapping->name(), mapping->source_table());
    MappingCounts counts;
    core::Status status = LoadMapping(*mapping, source, source_catalog, target, crosswalk, ledger, references, options,
                                progress, counts, summary.stages);
    if (status.code() == core::ErrorCode::kInterrupted) {
      std::string done;
      for (const auto& m : summary.mappings) done += (done.empty() ? "" : ", ") + m.mapping;
      (void)CloseRun(target, run_id, "interrupted");
      return core::Status::Error(core::ErrorCode::kInterrupted,
                                 std::string("stopped by ") + core::InterruptSignalName() + " at a batch boundary: " +
                                     (done.empty() ? "" : (summary.mappings.size() == 1 ? "mapping " : "mappings ") + done + " done, ") + status.message() +
                                     "; nothing was half-written" +
                                     (info.kind == "run" ? " and run " + std::to_string(run_id) +
                                                               " is recorded as interrupted in the target"
                                                         : std::string(" in")));
    }
    if (!status.ok()) {
      (void)CloseRun(target, run_id, "failed");  // best effort: the load error is what matters
      if (info.kind != "run") return status;
      return core::Status::Error(status.code(),
                                 status.message() + "; run " + std::to_string(run_id) +
                                     " keeps the batches it committed before that and nothing half-written: once "
                                     "the cause is fixed, run again with the same mappings, source and parameters "
                                     "to resume it");
    }
    spdlog::info("{}: extracted {}, loaded {}, rejected {}, excluded {}, merged {}{}", counts.mapping,
                 counts.extracted, counts.loaded, counts.rejected, counts.excluded, counts.merged,
                 options.delta_base_run_id > 0 ? ", gone " + std::to_string(counts.gone) : std::string());
    summary.mappings.push_back(std::move(counts));
  }
  return core::Status::Ok();
}

}  // namespace

core::Result<LoadSummary> RunLoad(const transform::MappingProgram& program, db::Database& source,
                            const core::Catalog& source_catalog, db::Database& target, const LoadOptions& options,
                            const ProgressFn& progress) {
  const auto started = std::chrono::steady_clock::now();
  HANDOVER_RETURN_IF_ERROR(EnsureMigrationTables(target));
  // Keys a run that stopped could not add back.
  HANDOVER_RETURN_IF_ERROR(RestoreSetAsideKeys(target));
  RunInfo info = options.run;
  info.mappings_hash = program.content_hash;
  info.base_run_id = options.delta_base_run_id;
  core::Result<int64_t> run_id = options.resume_run_id;
  if (options.resume_run_id > 0) HANDOVER_RETURN_IF_ERROR(ReopenRun(target, options.resume_run_id));
  else run_id = OpenRun(target, info);
  if (!run_id.ok()) return run_id.status();
  LoadSummary summary;
  summary.run_id = *run_id;
  summary.base_run_id = options.delta_base_run_id;
  // Entities other mappings resolve through xref(), or that merge duplicates,
  // are held in memory; the others are read from the target batch by batch.
  std::set<std::string> resident;
  for (const auto& mapping : program.mappings) {
    for (const auto& entity : mapping->references()) resident.insert(entity);
    if (mapping->merge()) resident.insert(mapping->name());
  }
  auto crosswalk = CrosswalkStore::Open(target, options.legacy_system, *run_id, std::move(resident));
  if (!crosswalk.ok()) return crosswalk.status();
  HANDOVER_RETURN_IF_ERROR(RecordExistingRows(target, *run_id, options.existing));
  // Council ids go above every id a council table holds already (rows the
  // council had before the migration, kept).
  for (const auto& mapping : program.mappings)
    for (const auto& spec : mapping->targets()) {
      if (!mapping->has_key() || !spec.key_column) continue;
      auto largest = target.QueryInt("SELECT max(" + target.QuoteIdentifier(*spec.key_column) + ") FROM " +
                                         target.QuoteIdentifier(spec.table),
                                     "finding the largest id in " + spec.table);
      if (!largest.ok()) return largest.status();
      (*crosswalk)->ReserveUpTo(mapping->name(), *largest);
    }
  Ledger ledger(target, *run_id);
  // The foreign keys of the tables the run writes: checked here rather than
  // by the target row by row where the target allows, added back after.
  std::set<std::string> written;
  for (const auto& mapping : program.mappings)
    for (const auto& spec : mapping->targets()) written.insert(spec.table);
  auto set_aside = SetAsideForeignKeys(target, *run_id, written);
  core::Status ledger_key = set_aside.ok() ? SetAsideLedgerKey(target, *run_id) : set_aside.status();
  if (!ledger_key.ok()) {
    (void)CloseRun(target, *run_id, "failed");
    (void)RestoreSetAsideKeys(target);
    return ledger_key;
  }
  core::Status loaded = core::Status::Ok();
  {
    auto references = ReferenceCheck::Read(target, std::move(*set_aside));
    if (references.ok())
      loaded = LoadAll(program, source, source_catalog, target, **crosswalk, ledger,
                       references->empty() ? nullptr : &*references, info, options, progress, summary);
    else
      loaded = references.status();
  }
  core::Status restored = RestoreSetAsideKeys(target);
  if (!loaded.ok()) {
    if (!restored.ok()) spdlog::error("{}", restored.message());
    return loaded;
  }
  if (!restored.ok()) {
    (void)CloseRun(target, *run_id, "failed");
    return restored;
  }
  int64_t extracted = 0;
  std::string tables;
  // Only the tables migrated count: rows of tables left out move nothing.
  for (size_t i = 0; i < summary.mappings.size() && i < program.mappings.size(); ++i) {
    if (program.mappings[i]->ignored()) continue;
    extracted += summary.mappings[i].extracted;
    tables += (tables.empty() ? "" : ", ") + summary.mappings[i].source_table;
  }
  if (extracted == 0 && !options.allow_empty) {
    (void)CloseRun(target, *run_id, "failed");
    return core::Status::Error(core::ErrorCode::kData,
                               "the source tables the mappings read (" + tables +
                                   ") hold no rows, so nothing was migrated; check that --source is the provider's "
                                   "database, or pass --allow-empty if an empty source is expected");
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace handover::load
