// handover: the command-line front end. Thin by design: parse flags, call the
// stage libraries, map Status to an exit code. The one catch-all lives here.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "core/display_text.h"
#include "transform/suggest.h"

namespace handover::cli {

int ReportError(const core::Status& status) {
  if (status.code() == core::ErrorCode::kInterrupted) {
    std::cerr << "handover: interrupted: " << status.message() << "\n";
    spdlog::debug("interrupted: {}", status.message());
    return kExitInterrupted;
  }
  std::cerr << "handover: error: " << status.message() << "\n";
  spdlog::debug("error ({}): {}", core::ErrorCodeName(status.code()), status.message());
  return kExitError;
}

namespace {

// The first word that is not an option or the value of --log-level: the
// subcommand the user meant. Empty if there is none.
std::string CommandWord(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--log-level") {
      ++i;
      continue;
    }
    if (word.empty() || word[0] == '-') continue;
    return word;
  }
  return {};
}

// One line naming the unknown or missing subcommand, with the nearest one.
std::optional<core::Status> CheckCommandWord(int argc, char** argv, const std::vector<std::string>& names) {
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h" || std::string(argv[i]) == "--version")
      return std::nullopt;
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) list += (i ? (i + 1 == names.size() ? " or " : ", ") : "") + names[i];
  const std::string word = CommandWord(argc, argv);
  if (word.empty())
    return core::Status::Error(core::ErrorCode::kUsage, "give a command: " + list + " (handover --help explains each)");
  if (std::find(names.begin(), names.end(), word) != names.end()) return std::nullopt;
  return core::Status::Error(core::ErrorCode::kUsage, "unknown command '" + core::PrintableClip(word, 60) + "'" +
                                                          transform::DidYouMean(word, names) + " (commands: " + list +
                                                          ")");
}

}  // namespace

}  // namespace handover::cli

int main(int argc, char** argv) {
  using namespace handover::cli;
  CLI::App app{
      "handover: move a commissioned service's records into the council's systems, "
      "and prove nothing was lost, duplicated or mis-paid."};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(HANDOVER_VERSION));
  GlobalOptions global;
  app.add_option("--log-level", global.log_level, "trace, debug, info, warn, error or off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
      ->capture_default_str();

  // The subcommand table: name as declared by each Add function, and its runner.
  const std::vector<std::pair<std::string, Runner>> commands = {
      {"generate", AddGenerateCommand(app)},
      {"profile", AddProfileCommand(app)},
      {"scaffold", AddScaffoldCommand(app)},
      {"check", AddCheckCommand(app, global)},
      {"rehearse", AddRehearseCommand(app, global)},
      {"run", AddRunCommand(app, global)},
      {"reconcile", AddReconcileCommand(app, global)},
      {"status", AddStatusCommand(app)},
      {"dayone", AddDayOneCommand(app)},
      {"compare", AddCompareCommand(app)},
      {"version", AddVersionCommand(app)},
  };

  std::vector<std::string> names;
  for (const auto& [name, runner] : commands) names.push_back(name);
  if (auto problem = CheckCommandWord(argc, argv, names)) return ReportError(*problem);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    // One line, as every other error: what is wrong, and where help is.
    return ReportError(handover::core::Status::Error(
        handover::core::ErrorCode::kUsage, std::string(e.what()) + " (handover " +
                                               (app.get_subcommands().empty() ? std::string()
                                                                              : app.get_subcommands().front()->get_name() + " ") +
                                               "--help lists the options)"));
  }
  spdlog::set_level(spdlog::level::from_str(global.log_level));
  try {
    for (const auto& [name, runner] : commands)
      if (app.got_subcommand(name)) return runner();
  } catch (const std::exception& e) {
    return ReportError(handover::core::Status::Error(handover::core::ErrorCode::kInternal,
                                               std::string("unexpected failure: ") + e.what()));
  }
  return kExitError;
}
