#include "load/target_schema.h"

#include <spdlog/spdlog.h>

#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include <re2/re2.h>

#include <algorithm>

#include "core/ascii.h"
#include "core/within_folder.h"
#include "db/introspect.h"
#include "load/run_record.h"

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

std::string ReadWhole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The tables a schema script creates, lower-cased, in script order.
std::vector<std::string> TablesCreatedBy(const std::string& script) {
  static const RE2 create_table(R"re((?i)create\s+table\s+(?:if\s+not\s+exists\s+)?["`]?([A-Za-z_][A-Za-z0-9_]*))re");
  std::vector<std::string> tables;
  re2::StringPiece input(script);
  std::string name;
  while (RE2::FindAndConsume(&input, create_table, &name)) tables.push_back(core::AsciiLower(name));
  return tables;
}

std::string FirstNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < 5; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > 5) out += ", ... (" + std::to_string(names.size()) + " in all)";
  return out;
}

// A target that already holds tables must hold the council's: otherwise
// every mapping would fail to bind, and the mappings would be blamed.
core::Status RequireCouncilTables(const db::Database& target, const std::filesystem::path& schema,
                                  const core::Catalog& catalog) {
  std::vector<std::string> missing, present, others;
  std::set<std::string> in_target;
  for (const auto& [name, table] : catalog.tables)
    if (name.rfind("migration_", 0) != 0) in_target.insert(core::AsciiLower(name));
  const std::vector<std::string> wanted = TablesCreatedBy(ReadWhole(schema));
  for (const std::string& table : wanted) (in_target.count(table) ? present : missing).push_back(table);
  for (const std::string& table : in_target)
    if (std::find(wanted.begin(), wanted.end(), table) == wanted.end()) others.push_back(table);
  if (missing.empty()) return core::Status::Ok();
  if (present.empty())
    return core::Status::Error(core::ErrorCode::kConfig,
                               "the target " + target.url().Masked() + " holds other tables (" + FirstNames(others) +
                                   ") and none of the council schema's (" + FirstNames(missing) + ", from " +
                                   schema.string() + "); point --target at an empty database or the council's own");
  return core::Status::Error(core::ErrorCode::kConfig,
                             "the target " + target.url().Masked() + " lacks council tables " + FirstNames(missing) +
                                 " that " + schema.string() +
                                 " defines; create them, or point --target at an empty database");
}

}  // namespace

core::Status EnsureCouncilSchema(db::Database& target, const std::filesystem::path& mappings_dir,
                                 SchemaPolicy policy, core::Catalog& catalog) {
  size_t council_tables = 0;
  for (const auto& [name, table] : catalog.tables)
    if (name.rfind("migration_", 0) != 0) ++council_tables;
  const db::Dialect& dialect =
      policy == SchemaPolicy::kCheckInMemory && council_tables == 0 ? db::SqliteDialect() : target.dialect();
  const auto schema = FindSchemaFile(mappings_dir, dialect);
  if (schema && !core::IsWithinFolder(mappings_dir, *schema))
    return core::Status::Error(core::ErrorCode::kConfig, schema->string() +
                                                             " is a link to a file outside the mappings folder; copy "
                                                             "the file into the folder instead of linking it");
  if (council_tables > 0) return schema ? RequireCouncilTables(target, *schema, catalog) : core::Status::Ok();
  if (!schema)
    return core::Status::Error(core::ErrorCode::kConfig,
                               (target.url().sqlite_path() == ":memory:" ? std::string("the target does not exist yet")
                                                                          : "the target " + target.url().Masked() +
                                                                                " has no tables") +
                                   " and " +
                                   mappings_dir.string() + " holds no schema.sql (or schema." +
                                   dialect.name() +
                                   ".sql) to create them; create the council schema in the target first");
  const std::string text = ReadWhole(*schema);
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
      text, "creating the target schema from " + schema->string()));
  auto reread = db::ReadCatalog(*into);
  if (!reread.ok()) return reread.status();
  catalog = std::move(*reread);
  return core::Status::Ok();
}

}  // namespace handover::load
