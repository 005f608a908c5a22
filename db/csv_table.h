// CsvTable: one file of a csv: folder as the table it stands for, learned in
// one checking pass over the file before anything reads it: its name, its
// columns and their types, how its bytes are decoded and how many records
// it holds. CsvText turns one field into the text that table shows.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"
#include "db/csv_options.h"

namespace handover::db {

// How a file's bytes become text.
enum class CsvFileEncoding {
  kUtf8,         // valid UTF-8 throughout: passed on as it is
  kWindows1252,  // every byte read as a Windows-1252 character
  kAsGiven,      // UTF-8 and Windows-1252 values side by side (a legacy
                 // database's export): each value passed on as it is, for
                 // the mappings to repair with utf8(), as from a database
};

struct CsvTable {
  std::string name;                  // the file's stem, lower-case
  std::filesystem::path path;
  std::vector<std::string> columns;  // the header's names, UTF-8, trimmed
  std::vector<bool> integer;         // per column: INTEGER rather than TEXT
  CsvFileEncoding encoding = CsvFileEncoding::kUtf8;
  int64_t records = 0;               // data records, the header not counted
  int64_t first_non_utf8_line = 0;   // 0 when every value is UTF-8
};

// Reads the file at `path` once and checks it: a header naming every column
// once, every record with the header's number of fields, every quote
// closed, and text in the declared encoding (or, with encoding=auto, which
// one it is). Fails (kData, kIo, kNotFound) with one message that starts
// with the file's name and gives the line and what to do, e.g.
// "client.csv line 57 has 5 fields, the header has 6: ...".
core::Result<CsvTable> ScanCsvFile(const std::filesystem::path& path, const CsvOptions& options);

// A field as its table shows it: nullptr for NULL (an empty unquoted field,
// unless empty=text), else the text in UTF-8 (or as given, see kAsGiven):
// `field` itself, or `converted` holding it decoded. Integer columns' values
// are parsed by the caller.
const std::string* CsvText(const CsvTable& table, const CsvOptions& options, const std::string& field,
                           bool bare_empty, std::string& converted);

// True for the text of a whole number as a database writes one: an optional
// '-', no leading zeros, no '+' or spaces, within 64 bits.
bool IsWholeNumber(const std::string& text);

}  // namespace handover::db
