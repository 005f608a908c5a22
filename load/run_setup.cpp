#include "load/run_setup.h"

#include <spdlog/spdlog.h>

#include "db/introspect.h"
#include "db/source_query.h"
#include "db/writable_target.h"

namespace handover::load {

core::Result<transform::Params> ParseParams(const std::vector<std::string>& items) {
  transform::Params params;
  for (const auto& item : items) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0)
      return core::Status::Error(core::ErrorCode::kUsage, "--param '" + item + "' is not name=value (e.g. --param cutover=2018-10-01)");
    const std::string name = item.substr(0, eq), value = item.substr(eq + 1);
    if (auto [it, inserted] = params.emplace(name, value); !inserted)
      return core::Status::Error(core::ErrorCode::kUsage, "--param " + name + " is given twice (" + it->second +
                                                              " and " + value + "); give each parameter once");
  }
  return params;
}

void PreparedRun::DiscardCreatedTarget() {
  if (target) target->DiscardCreatedFile();
}

core::Result<PreparedRun> PrepareRun(const RunInputs& flags, SchemaPolicy policy,
                                     std::vector<transform::Diagnostic>& diagnostics) {
  PreparedRun run;
  auto params = ParseParams(flags.params);
  if (!params.ok()) return params.status();
  run.params = std::move(*params);
  auto files = transform::ReadMappingFolder(flags.mappings_dir);
  if (!files.ok()) return files.status();
  auto source_url = db::ConnectionUrl::Parse(flags.source_url);
  if (!source_url.ok()) return source_url.status().WithContext("--source");
  auto target_url = db::ConnectionUrl::ParseTarget(flags.target_url);
  if (!target_url.ok()) return target_url.status().WithContext("--target");
  if (db::SameDatabase(*source_url, *target_url))
    return core::Status::Error(core::ErrorCode::kUsage,
                               "--source and --target both name " + target_url->Masked() +
                                   "; the council's target must be a database of its own, not the provider's");

  auto source = db::Database::Open(*source_url, db::OpenMode::kMustExist);
  if (!source.ok()) return source.status().WithContext("source");
  run.source = std::move(*source);
  spdlog::debug("source {}: {}", source_url->Masked(), run.source->SessionDescription());
  // `check` never writes: a target SQLite file that does not exist yet is
  // checked as the mapping set's schema would create it, in memory.
  if (policy == SchemaPolicy::kCheckInMemory && target_url->backend() == db::Backend::kSqlite &&
      !std::filesystem::exists(target_url->sqlite_path())) {
    spdlog::info("{} does not exist yet: checking against the mapping set's schema", target_url->Masked());
    target_url = db::ConnectionUrl::Parse("sqlite::memory:");
  }
  auto target = db::Database::Open(*target_url, policy == SchemaPolicy::kCheckInMemory ? db::OpenMode::kMustExist
                                                                                 : db::OpenMode::kCreateIfMissing);
  if (!target.ok()) return target.status().WithContext("target");
  if (core::Status writable = db::CheckWritableTarget(**target, db::TargetUse::kCouncil); !writable.ok()) {
    (*target)->DiscardCreatedFile();
    return writable;
  }
  run.target = std::move(*target);
  spdlog::debug("target {}: {}", target_url->Masked(), run.target->SessionDescription());
  if (flags.rehearsal) HANDOVER_RETURN_IF_ERROR(run.target->Begin("the rehearsal"));

  const auto fail = [&run](core::Status status) -> core::Result<PreparedRun> {
    run.DiscardCreatedTarget();
    return status;
  };
  auto source_catalog = db::ReadCatalog(*run.source);
  if (!source_catalog.ok()) return fail(source_catalog.status());
  run.source_catalog = std::move(*source_catalog);
  auto target_catalog = db::ReadCatalog(*run.target);
  if (!target_catalog.ok()) return fail(target_catalog.status());
  run.target_catalog = std::move(*target_catalog);
  core::Status schema = EnsureCouncilSchema(*run.target, flags.mappings_dir, policy, run.target_catalog);
  if (!schema.ok()) return fail(schema);

  transform::CheckOptions check_options;
  check_options.require_full_scope = true;
  check_options.unread_columns =
      flags.unread_columns_are_errors ? transform::UnreadColumns::kError : transform::UnreadColumns::kWarning;
  // Source queries are checked on the real source, like its tables.
  db::Database& source_db = *run.source;
  check_options.describe_query = [&source_db](const std::string& name, const std::string& sql) {
    return db::DescribeQuery(source_db, name, sql);
  };
  auto checked =
      transform::CheckMappingSources(*files, run.source_catalog, run.target_catalog, run.params, check_options);
  if (!checked.ok()) {
    diagnostics = std::move(checked.diagnostics);
    return fail(core::Status::Error(core::ErrorCode::kConfig,
                              "the mappings in " + flags.mappings_dir + " do not check (" +
                                  std::to_string(diagnostics.size()) +
                                  (diagnostics.size() == 1 ? " error" : " errors") +
                                  " above); nothing was loaded"));
  }
  run.program = std::move(checked.program);
  run.warnings = std::move(checked.warnings);
  // The load stage finds each query's pseudo-table where it finds tables.
  run.source_catalog = std::move(checked.source_catalog);
  return run;
}

}  // namespace handover::load
