// CodeSet: a named table of provider value -> council code, declared in a
// mapping file or read from a CSV file, with its matching options and the
// rule for values it does not list.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace handover::transform {

// What code() does with a value the set does not list.
enum class UnmappedRule {
  kReject,   // the row is rejected, reason_code "unmapped_code" (the default)
  kKeep,     // the value passes through unchanged, with a row warning
  kDefault,  // the set's default code is used
};

class CodeSet {
 public:
  explicit CodeSet(std::string name) : name_(std::move(name)) {}

  const std::string& name() const { return name_; }
  void set_ignore_case(bool on) { ignore_case_ = on; }
  void set_ignore_spaces(bool on) { ignore_spaces_ = on; }
  void set_unmapped(UnmappedRule rule, std::string default_code = {}) {
    unmapped_ = rule;
    default_code_ = std::move(default_code);
  }
  UnmappedRule unmapped() const { return unmapped_; }
  const std::string& default_code() const { return default_code_; }
  size_t size() const { return entries_.size(); }

  // Adds `from` -> `to`. Returns false (and keeps the first) when `from`
  // already maps, after normalisation, to a different code.
  bool Add(std::string_view from, std::string to);
  // The council code for a provider value, or nullptr when unlisted.
  const std::string* Find(std::string_view value) const;

 private:
  // Applies the matching options: case folding, trimming and collapsing runs
  // of white space to one space.
  std::string Normalise(std::string_view value) const;

  std::string name_;
  bool ignore_case_ = false;
  bool ignore_spaces_ = false;
  UnmappedRule unmapped_ = UnmappedRule::kReject;
  std::string default_code_;
  std::unordered_map<std::string, std::string> entries_;
};

// One data line of a code-set CSV file.
struct CsvCodeEntry {
  int line = 0;
  std::string from;
  std::string to;
};

// Reads a two-column CSV (header line first, then provider value, council
// code; strict RFC 4180 quoting: a quote may only open a field or be doubled
// inside a quoted one). Returns false and sets `error` and the byte offset in
// `text` where the file stops making sense when it is malformed.
bool ParseCodeSetCsv(const std::string& text, std::vector<CsvCodeEntry>& entries,
                     std::string& error, size_t& error_offset);

}  // namespace handover::transform
