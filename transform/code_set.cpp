#include "core/ascii.h"
#include "transform/code_set.h"

#include "core/csv_record.h"

namespace handover::transform {

std::string CodeSet::Normalise(std::string_view value) const {
  std::string out;
  out.reserve(value.size());
  if (ignore_spaces_) {
    bool pending_space = false;
    for (char c : value) {
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out += ' ', pending_space = false;
      out += c;
    }
  } else {
    out.assign(value);
  }
  if (ignore_case_)
    core::AsciiLowerInPlace(out);
  return out;
}

bool CodeSet::Add(std::string_view from, std::string to) {
  auto [it, inserted] = entries_.emplace(Normalise(from), to);
  return inserted || it->second == to;
}

const std::string* CodeSet::Find(std::string_view value) const {
  auto it = (ignore_case_ || ignore_spaces_) ? entries_.find(Normalise(value))
                                              : entries_.find(std::string(value));
  return it == entries_.end() ? nullptr : &it->second;
}

bool ParseCodeSetCsv(const std::string& text, std::vector<CsvCodeEntry>& entries,
                     std::string& error, size_t& error_offset) {
  size_t pos = 0;
  int line = 1;
  std::vector<std::string> fields;
  bool header = true;
  while (pos < text.size()) {
    const int record_line = line;
    const size_t record_start = pos;
    if (!core::ReadCsvRecord(text, pos, line, fields, error)) {
      error_offset = error == core::kCsvUnterminated ? record_start : pos;
      return false;
    }
    if (header) {
      header = false;
      continue;
    }
    if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
    if (fields.size() != 2) {
      error = "expected 2 fields (provider value, council code), found " + std::to_string(fields.size());
      error_offset = record_start;
      return false;
    }
    entries.push_back({record_line, fields[0], fields[1]});
  }
  return true;
}

}  // namespace handover::transform
