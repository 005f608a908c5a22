// ReadCsvRecord: splits CSV text one record at a time with strict RFC 4180
// quoting (a quote may only open a field or be doubled inside a quoted one;
// quoted fields may hold commas and line breaks; CR before LF is dropped).
// Used for code-set files and for reading the tool's own CSV reports back.
#pragma once

#include <string>
#include <vector>

namespace handover::core {

// The error text for a quoted field that is never closed.
extern const char* const kCsvUnterminated;

// Splits the record starting at `pos` into `fields`; advances `pos` past it
// and `line` by the line breaks read. On a malformed record returns false,
// sets `error` and leaves `pos` at the offending byte.
bool ReadCsvRecord(const std::string& text, size_t& pos, int& line, std::vector<std::string>& fields,
                   std::string& error);

}  // namespace handover::core
