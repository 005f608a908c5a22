// `handover version`: the tool's version and the libraries it was built with.
#include <soci/version.h>
#include <spdlog/version.h>
#include <boost/version.hpp>

#include <iostream>

#include "cli/command.h"

namespace handover::cli {

Runner AddVersionCommand(CLI::App& app) {
  app.add_subcommand("version", "Print the version of handover and of its libraries");
  return [] {
    std::cout << "handover " << HANDOVER_VERSION << "\n"
              << "  SOCI " << SOCI_LIB_VERSION << ", Boost " << BOOST_LIB_VERSION << ", spdlog "
              << SPDLOG_VER_MAJOR << "." << SPDLOG_VER_MINOR << "." << SPDLOG_VER_PATCH << "\n";
    return int{kExitBalanced};
  };
}

}  // namespace handover::cli
