#include "load/target_schema.h"

#include <spdlog/spdlog.h>

#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "db/introspect.h"

namespace handover::load {
namespace {

// The council schema shipped with a mapping set: the first
// schema.<dialect>.sql under the mappings folder, else the first schema.sql.
std::optional<std::filesystem::path> FindSchemaFile(const std::filesystem::path& dir,
                                                    const db::Dialect& dialect) {
  for (const std::string& wanted :
       {std::string("schema.") + dialect.name() + ".sql", std::string("schema.sql")}) {
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file() && it->path().filename() == wanted) return it->path();
  }
  return std::nullopt;
}

}  // namespace

core::Status EnsureCouncilSchema(db::Database& target, const std::filesystem::path& mappings_dir,
                                 SchemaPolicy policy, core::Catalog& catalog) {
  size_t council_tables = 0;
  for (const auto& [name, table] : catalog.tables)
    if (name.rfind("migration_", 0) != 0) ++council_tables;
  if (council_tables > 0) return core::Status::Ok();
  const db::Dialect& dialect =
      policy == SchemaPolicy::kCheckInMemory ? db::SqliteDialect() : target.dialect();
  const auto schema = FindSchemaFile(mappings_dir, dialect);
  if (!schema)
    return core::Status::Error(core::ErrorCode::kConfig,
                               "the target " + target.url().Masked() + " has no tables and " +
                                   mappings_dir.string() + " holds no schema.sql (or schema." +
                                   dialect.name() +
                                   ".sql) to create them; create the council schema in the target first");
  std::ifstream in(*schema);
  std::stringstream text;
  text << in.rdbuf();
  db::Database* into = &target;
  std::unique_ptr<db::Database> scratch;
  if (policy == SchemaPolicy::kCheckInMemory) {
    // Check against what the schema file would create, without writing.
    auto memory = db::Database::Open(*db::ConnectionUrl::Parse("sqlite::memory:"),
                                     db::OpenMode::kCreateIfMissing);
    if (!memory.ok()) return memory.status();
    scratch = std::move(*memory);
    into = scratch.get();
  } else {
    spdlog::info("creating the council schema in the target from {}", schema->string());
  }
  HANDOVER_RETURN_IF_ERROR(into->ExecuteScriptAtomically(
      text.str(), "creating the target schema from " + schema->string()));
  auto reread = db::ReadCatalog(*into);
  if (!reread.ok()) return reread.status();
  catalog = std::move(*reread);
  return core::Status::Ok();
}

core::Status RequireEmptyTargets(db::Database& target, const transform::MappingProgram& program) {
  std::set<std::string> tables;
  for (const auto& mapping : program.mappings)
    for (const auto& spec : mapping->targets()) tables.insert(spec.table);
  for (const auto& table : tables) {
    auto rows = target.QueryInt("SELECT count(*) FROM " + target.QuoteIdentifier(table),
                                "inspecting the target");
    if (!rows.ok()) return rows.status();
    if (*rows > 0)
      return core::Status::Error(
          core::ErrorCode::kConfig,
          "target table " + table + " already holds " + std::to_string(*rows) +
              " rows; rehearse into an empty council database (a new sqlite: file, or a freshly "
              "created PostgreSQL database)");
  }
  return core::Status::Ok();
}

}  // namespace handover::load
