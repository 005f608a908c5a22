// How one text cell read from a database becomes a Value of its column's
// logical type: parsed when it parses, otherwise kept as the text it was, for
// transform to judge (a legacy "N/A" in an integer column stays "N/A").
#pragma once

#include <string>

#include "core/schema.h"
#include "core/value.h"

namespace handover::core {

Value ValueFromDatabaseText(std::string text, ColumnType type);

}  // namespace handover::core
