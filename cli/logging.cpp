#include "cli/logging.h"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <mutex>

#include "core/private_file.h"

namespace handover::cli {
namespace {

// An spdlog sink over a file this process created itself (owner-only, never
// through a link): spdlog's own file sinks open by name and would follow one.
class PrivateFileSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit PrivateFileSink(std::FILE* file) : file_(file) {}
  ~PrivateFileSink() override { std::fclose(file_); }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    std::fwrite(formatted.data(), 1, formatted.size(), file_);
  }
  void flush_() override { std::fflush(file_); }

 private:
  std::FILE* file_;
};

}  // namespace

core::Status StartRunLog(const std::filesystem::path& out_dir, const std::string& level) {
  const std::filesystem::path path = out_dir / "handover.log";
  auto fd = core::CreatePrivateFile(path);
  if (!fd.ok()) return fd.status().WithContext("starting the log");
  std::FILE* file = ::fdopen(*fd, "w");
  if (file == nullptr) {
    ::close(*fd);
    return core::Status::Error(core::ErrorCode::kIo, "cannot start the log " + path.string());
  }
  try {
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(spdlog::level::from_str(level));
    auto sink = std::make_shared<PrivateFileSink>(file);
    sink->set_level(spdlog::level::debug);
    auto logger = std::make_shared<spdlog::logger>("handover", spdlog::sinks_init_list{console, sink});
    logger->set_level(spdlog::level::debug);
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
  } catch (const spdlog::spdlog_ex& e) {
    return core::Status::Error(core::ErrorCode::kIo, std::string("cannot start the log: ") + e.what());
  }
  return core::Status::Ok();
}

}  // namespace handover::cli
