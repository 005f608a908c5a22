#include "cli/logging.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

namespace handover::cli {

core::Status StartRunLog(const std::filesystem::path& out_dir, const std::string& level) {
  const std::filesystem::path path = out_dir / "handover.log";
  // Create it owner-only before spdlog opens it (spdlog uses the umask).
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return core::Status::Error(core::ErrorCode::kIo, "cannot create the log " + path.string());
  ::fchmod(fd, 0600);
  ::close(fd);
  try {
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(spdlog::level::from_str(level));
    auto file = std::make_shared<spdlog::sinks::basic_file_sink_mt>(path.string());
    file->set_level(spdlog::level::debug);
    auto logger = std::make_shared<spdlog::logger>("handover", spdlog::sinks_init_list{console, file});
    logger->set_level(spdlog::level::debug);
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
  } catch (const spdlog::spdlog_ex& e) {
    return core::Status::Error(core::ErrorCode::kIo, std::string("cannot start the log: ") + e.what());
  }
  return core::Status::Ok();
}

}  // namespace handover::cli
