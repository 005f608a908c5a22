// Params: the run parameters a mapping set reads (--param name=value).
#pragma once

#include <map>
#include <string>

namespace handover::transform {

// Run parameters given as --param name=value.
using Params = std::map<std::string, std::string>;

}  // namespace handover::transform
