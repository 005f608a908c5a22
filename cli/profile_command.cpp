// `handover profile --source URL --out DIR`: what a provider's database holds
// before any mapping exists (dates and their formats, money text, codes,
// keys, references and orphans, duplicate people), read in bounded memory
// and written as profile.json, profile.html and profile.xlsx. Reads only.
#include <iostream>

#include "cli/command.h"
#include "core/interrupt.h"
#include "db/database.h"
#include "profile/profile_source.h"
#include "reports/profile_reports.h"
#include "reports/pseudonym_key.h"
#include "reports/report_files.h"

namespace handover::cli {
namespace {

struct ProfileFlags {
  std::string source;
  std::string out;
  bool show_personal_data = false;
};

int Profile(const ProfileFlags& flags) {
  auto url = db::ConnectionUrl::Parse(flags.source);
  if (!url.ok()) return ReportError(url.status().WithContext("--source"));
  auto source = db::Database::Open(*url, db::OpenMode::kMustExist);
  if (!source.ok()) return ReportError(source.status().WithContext("source"));
  // The folder before any row is read: a profile that cannot be written is
  // not read at all.
  if (auto made = reports::EnsurePrivateDirectory(flags.out); !made.ok()) return ReportError(made.WithContext("--out"));
  auto privacy = reports::PrivacyFor(flags.out, flags.show_personal_data);
  if (!privacy.ok()) return ReportError(privacy.status());
  core::InstallInterruptHandler();
  profile::ProfileOptions options;
  options.on_table = [](const std::string& table, int64_t rows) {
    std::cerr << "  profiled " << table << ": " << rows << " rows\n";
  };
  auto profile = profile::ProfileSource(**source, options);
  if (!profile.ok()) return ReportError(profile.status());
  if (auto written = reports::WriteProfileReports(*profile, *privacy, flags.out); !written.ok())
    return ReportError(written);
  std::cout << reports::ProfileSummary(*profile, flags.out);
  return int{kExitBalanced};
}

}  // namespace

Runner AddProfileCommand(CLI::App& app) {
  auto flags = std::make_shared<ProfileFlags>();
  CLI::App* command = app.add_subcommand(
      "profile", "Profile a source database before any mapping exists: dates, money text, codes, keys, orphans, "
                 "duplicate people");
  command->add_option("--source", flags->source, "the database to profile (a URL, see README)")->required();
  command->add_option("--out", flags->out, "folder for profile.json, profile.html and profile.xlsx")->required();
  command->add_flag("--show-personal-data", flags->show_personal_data,
                    "show values of personal columns instead of pseudonyms");
  return [flags] { return Profile(*flags); };
}

}  // namespace handover::cli
