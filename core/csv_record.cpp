// Strict RFC 4180 record splitting, shared by every CSV the tool reads.
#include "core/csv_record.h"

namespace handover::core {

const char* const kCsvUnterminated = "a quoted field is never closed; add the closing quote (\") or remove the opening one";

bool ReadCsvRecord(const std::string& text, size_t& pos, int& line, std::vector<std::string>& fields,
                std::string& error) {
  fields.assign(1, std::string());
  bool quoted = false, closed = false;  // closed: just after a field's closing quote
  while (pos < text.size()) {
    const char c = text[pos];
    if (quoted) {
      ++pos;
      if (c == '"') {
        if (pos < text.size() && text[pos] == '"') fields.back() += '"', ++pos;
        else quoted = false, closed = true;
      } else {
        if (c == '\n') ++line;
        fields.back() += c;
      }
      continue;
    }
    if (c == ',') {
      fields.emplace_back(), closed = false, ++pos;
    } else if (c == '\n') {
      ++line, ++pos;
      return true;
    } else if (c == '\r') {
      ++pos;
    } else if (closed) {
      error = "unexpected text after a closing quote; a field is either all quoted or not quoted at all";
      return false;
    } else if (c == '"') {
      if (!fields.back().empty()) {
        error = "a quote inside an unquoted field; quote the whole field and double the inner quote (\"WEEKLY\"\"X\")";
        return false;
      }
      quoted = true, ++pos;
    } else {
      fields.back() += c, ++pos;
    }
  }
  if (quoted) {
    error = kCsvUnterminated;
    return false;
  }
  return true;
}


}  // namespace handover::core
