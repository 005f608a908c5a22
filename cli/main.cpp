// handover: the command-line front end. Thin by design: parse flags, call the
// stage libraries, map Status to an exit code. The one catch-all lives here.
#include <spdlog/spdlog.h>

#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.h"

namespace handover::cli {

int ReportError(const core::Status& status) {
  std::cerr << "handover: error: " << status.message() << "\n";
  spdlog::debug("error ({}): {}", core::ErrorCodeName(status.code()), status.message());
  return kExitError;
}

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
      {"check", AddCheckCommand(app, global)},
      {"rehearse", AddRehearseCommand(app, global)},
      {"version", AddVersionCommand(app)},
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitError;
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
