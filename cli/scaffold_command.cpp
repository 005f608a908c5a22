// `handover scaffold --source URL --target URL --out DIR`: a starting mapping
// set from the source's profile and the target's schema, for `handover
// check` to list the decisions left. Reads both databases, writes only DIR.
#include <iostream>

#include "cli/command.h"
#include "core/interrupt.h"
#include "db/database.h"
#include "db/introspect.h"
#include "profile/profile_source.h"
#include "profile/scaffold.h"
#include "reports/report_files.h"

namespace handover::cli {
namespace {

struct ScaffoldFlags {
  std::string source;
  std::string target;
  std::string out;
};

int Scaffold(const ScaffoldFlags& flags) {
  auto source_url = db::ConnectionUrl::Parse(flags.source);
  if (!source_url.ok()) return ReportError(source_url.status().WithContext("--source"));
  auto target_url = db::ConnectionUrl::Parse(flags.target);
  if (!target_url.ok()) return ReportError(target_url.status().WithContext("--target"));
  if (auto free = profile::ScaffoldFolderIsFree(flags.out); !free.ok()) return ReportError(free);
  auto target = db::Database::Open(*target_url, db::OpenMode::kMustExist);
  if (!target.ok()) return ReportError(target.status().WithContext("target"));
  auto catalog = db::ReadCatalog(**target);
  if (!catalog.ok()) return ReportError(catalog.status().WithContext("target"));
  size_t tables = 0;
  for (const auto& [name, table] : catalog->tables) tables += name.rfind("migration_", 0) != 0;
  if (tables == 0)
    return ReportError(core::Status::Error(
        core::ErrorCode::kConfig, "the target " + target_url->Masked() +
                                      " has no tables to map into; create the council schema in it first (for "
                                      "SQLite: sqlite3 council.db < mappings/leaving-care/council/schema.sql)"));
  auto source = db::Database::Open(*source_url, db::OpenMode::kMustExist);
  if (!source.ok()) return ReportError(source.status().WithContext("source"));
  core::InstallInterruptHandler();
  auto profile = profile::ProfileSource(**source);
  if (!profile.ok()) return ReportError(profile.status());
  const auto files = profile::Scaffold(*profile, *catalog);
  if (auto made = reports::EnsurePrivateDirectory(flags.out); !made.ok()) return ReportError(made.WithContext("--out"));
  for (const profile::ScaffoldFile& file : files)
    if (auto written = reports::WritePrivateFile(std::filesystem::path(flags.out) / file.name, file.text); !written.ok())
      return ReportError(written);
  std::cout << "scaffolded " << files.size() - 1 << " mappings and scope.map into " << flags.out << ":";
  for (const profile::ScaffoldFile& file : files) std::cout << " " << file.name;
  std::cout << "\nnext: handover check --source " << source_url->Masked() << " --target " << target_url->Masked()
            << " --mappings " << flags.out << " lists the decisions left\n";
  return int{kExitBalanced};
}

}  // namespace

Runner AddScaffoldCommand(CLI::App& app) {
  auto flags = std::make_shared<ScaffoldFlags>();
  CLI::App* command = app.add_subcommand(
      "scaffold", "Write a starting mapping set from the source's profile and the target's schema");
  command->add_option("--source", flags->source, "the provider's database (a URL, see README)")->required();
  command->add_option("--target", flags->target, "a database holding the council schema to map into")->required();
  command->add_option("--out", flags->out, "a new or empty folder for the mapping files")->required();
  return [flags] { return Scaffold(*flags); };
}

}  // namespace handover::cli
