#include "cli/run_setup.h"

#include <spdlog/spdlog.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "db/introspect.h"

namespace handover::cli {
namespace {

core::Result<transform::Params> ParseParams(const std::vector<std::string>& items) {
  transform::Params params;
  for (const auto& item : items) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0)
      return core::Status::Error(core::ErrorCode::kUsage, "--param '" + item + "' is not name=value (e.g. --param cutover=2018-10-01)");
    params[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return params;
}

// The council schema shipped with a mapping set: the first
// schema.<dialect>.sql under the mappings folder, else the first schema.sql.
std::optional<std::filesystem::path> FindSchemaFile(const std::filesystem::path& dir, const db::Dialect& dialect) {
  for (const std::string& wanted : {std::string("schema.") + dialect.name() + ".sql", std::string("schema.sql")}) {
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file() && it->path().filename() == wanted) return it->path();
  }
  return std::nullopt;
}

core::Status EnsureTargetSchema(db::Database& target, const std::filesystem::path& mappings_dir, SchemaPolicy policy,
                          core::Catalog& catalog) {
  size_t council_tables = 0;
  for (const auto& [name, table] : catalog.tables)
    if (name.rfind("migration_", 0) != 0) ++council_tables;
  if (council_tables > 0) return core::Status::Ok();
  const db::Dialect& dialect = policy == SchemaPolicy::kCheckInMemory ? db::SqliteDialect() : target.dialect();
  const auto schema = FindSchemaFile(mappings_dir, dialect);
  if (!schema)
    return core::Status::Error(core::ErrorCode::kConfig,
                         "the target " + target.url().Masked() + " has no tables and " + mappings_dir.string() +
                             " holds no schema.sql (or schema." + dialect.name() +
                             ".sql) to create them; create the council schema in the target first");
  std::ifstream in(*schema);
  std::stringstream text;
  text << in.rdbuf();
  db::Database* into = &target;
  std::unique_ptr<db::Database> scratch;
  if (policy == SchemaPolicy::kCheckInMemory) {
    // Check against what the schema file would create, without writing.
    auto memory = db::Database::Open(*db::ConnectionUrl::Parse("sqlite::memory:"), db::OpenMode::kCreateIfMissing);
    if (!memory.ok()) return memory.status();
    scratch = std::move(*memory);
    into = scratch.get();
  } else {
    spdlog::info("creating the council schema in the target from {}", schema->string());
  }
  HANDOVER_RETURN_IF_ERROR(
      into->ExecuteScriptAtomically(text.str(), "creating the target schema from " + schema->string()));
  auto reread = db::ReadCatalog(*into);
  if (!reread.ok()) return reread.status();
  catalog = std::move(*reread);
  return core::Status::Ok();
}

}  // namespace

void PreparedRun::DiscardCreatedTarget() {
  if (target) target->DiscardCreatedFile();
}

void AddRunFlags(CLI::App& command, RunFlags& flags) {
  command.add_option("--source", flags.source_url, "The provider's database: sqlite:FILE, postgresql://..., odbc:...")
      ->required();
  command.add_option("--target", flags.target_url, "The council's database (created if an SQLite file is missing)")
      ->required();
  command.add_option("--mappings", flags.mappings_dir, "The mapping set folder (*.map files and code sets)")
      ->required();
  command.add_option("--param", flags.params, "A run parameter used by the mappings, name=value (repeatable)");
}

core::Result<PreparedRun> PrepareRun(const RunFlags& flags, SchemaPolicy policy) {
  PreparedRun run;
  auto params = ParseParams(flags.params);
  if (!params.ok()) return params.status();
  run.params = std::move(*params);
  if (!std::filesystem::is_directory(flags.mappings_dir))
    return core::Status::Error(core::ErrorCode::kNotFound, "the mappings folder " + flags.mappings_dir +
                                                   " does not exist; point --mappings at a folder of *.map files");
  auto source_url = db::ConnectionUrl::Parse(flags.source_url);
  if (!source_url.ok()) return source_url.status().WithContext("--source");
  auto target_url = db::ConnectionUrl::Parse(flags.target_url);
  if (!target_url.ok()) return target_url.status().WithContext("--target");

  auto source = db::Database::Open(*source_url, db::OpenMode::kMustExist);
  if (!source.ok()) return source.status().WithContext("source");
  run.source = std::move(*source);
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
  run.target = std::move(*target);

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
  core::Status schema = EnsureTargetSchema(*run.target, flags.mappings_dir, policy, run.target_catalog);
  if (!schema.ok()) return fail(schema);

  auto checked = transform::CheckMappings(flags.mappings_dir, run.source_catalog, run.target_catalog, run.params);
  if (!checked.ok()) {
    std::cerr << transform::FormatDiagnostics(checked.diagnostics);
    return fail(core::Status::Error(core::ErrorCode::kConfig,
                              "the mappings in " + flags.mappings_dir + " do not check (" +
                                  std::to_string(checked.diagnostics.size()) +
                                  (checked.diagnostics.size() == 1 ? " error" : " errors") +
                                  " above); nothing was loaded"));
  }
  run.program = std::move(checked.program);
  return run;
}

}  // namespace handover::cli
