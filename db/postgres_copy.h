// PostgreSQL COPY text format: how copy_writer.cpp escapes each field it
// streams with COPY ... FROM STDIN.
#pragma once

#include <string>
#include <string_view>

namespace handover::db {

// Appends `value` as one COPY text field: backslash, tab, newline and
// carriage return escaped. A NULL is written as \N by the caller.
inline void AppendCopyText(std::string& out, std::string_view value) {
  for (char c : value) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}

}  // namespace handover::db
