// ReadTextFile: a whole file's bytes, or an error naming it. For the small
// files the tool reads whole (mapping files, schemas, report files).
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"

namespace handover::core {

// The file's contents. Fails with kNotFound when nothing is at `path`, kIo
// when it cannot be read; the message names the path.
Result<std::string> ReadTextFile(const std::filesystem::path& path);

}  // namespace handover::core
