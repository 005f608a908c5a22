#include "core/text_file.h"

#include <fstream>
#include <sstream>

namespace handover::core {

Result<std::string> ReadTextFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return Status::Error(ErrorCode::kNotFound, "cannot read " + path.string() + ": no such file");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return Status::Error(ErrorCode::kIo, "cannot read " + path.string());
  return text.str();
}

}  // namespace handover::core
