#include "db/csv_table.h"

#include <charconv>
#include <map>

#include "core/ascii.h"
#include "core/text_encoding.h"
#include "db/csv_reader.h"

namespace handover::db {
namespace {

bool HasHighBytes(const std::string& text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

std::string Trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string Decoded(const std::string& bytes, CsvFileEncoding encoding) {
  switch (encoding) {
    case CsvFileEncoding::kUtf8: return bytes;
    case CsvFileEncoding::kWindows1252: return core::Windows1252ToUtf8(bytes);
    case CsvFileEncoding::kAsGiven: break;
  }
  return core::RepairToUtf8(bytes);
}

// What the values of a file say about its encoding.
struct EncodingEvidence {
  bool utf8 = false;          // a value with non-ASCII UTF-8 in it
  int64_t first_invalid = 0;  // the line of the first value that is not UTF-8

  CsvFileEncoding Decide(CsvEncoding declared) const {
    if (declared == CsvEncoding::kWindows1252) return CsvFileEncoding::kWindows1252;
    if (first_invalid == 0) return CsvFileEncoding::kUtf8;
    return utf8 ? CsvFileEncoding::kAsGiven : CsvFileEncoding::kWindows1252;
  }
};

// Notes what `field` says about the encoding; fails when a file declared
// UTF-8 is not.
core::Status Observe(const std::string& field, int64_t line, CsvEncoding declared, EncodingEvidence& evidence) {
  if (!HasHighBytes(field)) return core::Status::Ok();
  if (core::IsValidUtf8(field)) {
    evidence.utf8 = true;
    return core::Status::Ok();
  }
  if (evidence.first_invalid == 0) evidence.first_invalid = line;
  if (declared == CsvEncoding::kUtf8)
    return core::Status::Error(core::ErrorCode::kData,
                               "line " + std::to_string(line) +
                                   " is not valid UTF-8: declare the file's encoding with ?encoding=windows-1252, "
                                   "or let handover tell with ?encoding=auto");
  return core::Status::Ok();
}

// Checks the header's names: each present, none twice.
core::Status CheckHeader(const CsvRecord& header, std::vector<std::string>& names) {
  std::map<std::string, size_t> seen;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    names.push_back(Trimmed(header.fields[i]));
    const std::string where = "line " + std::to_string(header.line);
    if (names.back().empty())
      return core::Status::Error(core::ErrorCode::kData,
                                 where + ": column " + std::to_string(i + 1) + " of the header has no name; name every "
                                 "column (or remove a trailing comma)");
    const auto [it, inserted] = seen.emplace(core::AsciiLower(names.back()), i);
    if (!inserted)
      return core::Status::Error(core::ErrorCode::kData,
                                 where + " names column " + core::RepairToUtf8(names.back()) + " twice (columns " +
                                     std::to_string(it->second + 1) + " and " + std::to_string(i + 1) +
                                     "); rename one");
  }
  return core::Status::Ok();
}

core::Status ScanRecords(CsvReader& reader, const CsvOptions& options, CsvTable& table, EncodingEvidence& evidence) {
  const size_t width = table.columns.size();
  std::vector<bool> valued(width, false);
  while (true) {
    auto more = reader.Next();
    if (!more.ok()) return more.status();
    if (!*more) break;
    const CsvRecord& record = reader.record();
    if (record.fields.size() != width)
      return core::Status::Error(core::ErrorCode::kData,
                                 "line " + std::to_string(record.line) + " has " +
                                     std::to_string(record.fields.size()) + (record.fields.size() == 1 ? " field" : " fields") +
                                     ", the header has " + std::to_string(width) +
                                     ": quote values that hold commas, or fix the row");
    for (size_t c = 0; c < width; ++c) {
      const std::string& field = record.fields[c];
      HANDOVER_RETURN_IF_ERROR(Observe(field, record.line, options.encoding, evidence));
      if (!table.integer[c]) continue;
      if (record.bare_empty[c] && options.empty == CsvEmpty::kNull) continue;
      if (IsWholeNumber(field)) valued[c] = true;
      else table.integer[c] = false;
    }
    ++table.records;
  }
  for (size_t c = 0; c < width; ++c) table.integer[c] = table.integer[c] && valued[c];
  return core::Status::Ok();
}

}  // namespace

bool IsWholeNumber(const std::string& text) {
  const size_t digits = !text.empty() && text[0] == '-' ? 1 : 0;
  if (text.size() == digits || (text[digits] == '0' && text.size() > digits + 1) || text == "-0") return false;
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

core::Result<CsvTable> ScanCsvFile(const std::filesystem::path& path, const CsvOptions& options) {
  CsvTable table;
  table.path = path;
  table.name = core::AsciiLower(path.stem().string());
  const std::string file = path.filename().string();
  // Every message below is about the file: "client.csv line 57 has ...".
  const auto in_file = [&file](const core::Status& status) {
    return core::Status::Error(status.code(), file + " " + status.message());
  };
  auto reader = CsvReader::Open(path);
  if (!reader.ok()) return in_file(reader.status());
  auto first = (*reader)->Next();
  if (!first.ok()) return in_file(first.status());
  if (!*first)
    return core::Status::Error(core::ErrorCode::kData, file + " is empty: its first line must name the columns");
  const CsvRecord header = (*reader)->record();
  std::vector<std::string> names;
  if (core::Status s = CheckHeader(header, names); !s.ok()) return in_file(s);
  EncodingEvidence evidence;
  for (const std::string& name : names)
    if (core::Status s = Observe(name, header.line, options.encoding, evidence); !s.ok()) return in_file(s);
  table.columns = names;
  table.integer.assign(names.size(), options.types == CsvTypes::kAuto);
  if (core::Status s = ScanRecords(**reader, options, table, evidence); !s.ok()) return in_file(s);
  table.encoding = evidence.Decide(options.encoding);
  table.first_non_utf8_line = evidence.first_invalid;
  for (std::string& name : table.columns) name = Decoded(name, table.encoding);
  return table;
}

const std::string* CsvText(const CsvTable& table, const CsvOptions& options, const std::string& field,
                           bool bare_empty, std::string& converted) {
  if (bare_empty && options.empty == CsvEmpty::kNull) return nullptr;
  if (table.encoding != CsvFileEncoding::kWindows1252) return &field;
  converted = core::Windows1252ToUtf8(field);
  return &converted;
}

}  // namespace handover::db
