// CsvOptions: how a folder of CSV files is read, given as the query
// parameters of a csv: URL (csv:/data/extract?encoding=windows-1252).
#pragma once

#include <string>

#include "core/status.h"

namespace handover::db {

// The text encoding of a file's bytes.
enum class CsvEncoding {
  kAuto,         // UTF-8 when every value is; Windows-1252 when no value is
  kUtf8,         // must be valid UTF-8, or the folder is refused
  kWindows1252,  // every byte is a Windows-1252 character
};

// What an empty field means. Exporters write NULL as an empty field and an
// empty string as "" (sqlite3 -csv, PostgreSQL COPY ... CSV).
enum class CsvEmpty {
  kNull,  // an empty unquoted field is NULL; "" is an empty string
  kText,  // every empty field is an empty string
};

// How column types are chosen.
enum class CsvTypes {
  kAuto,  // a column whose every value is a whole number (or NULL) is INTEGER
  kText,  // every column is TEXT
};

struct CsvOptions {
  CsvEncoding encoding = CsvEncoding::kAuto;
  CsvEmpty empty = CsvEmpty::kNull;
  CsvTypes types = CsvTypes::kAuto;
};

// Parses "encoding=...&empty=...&types=..." (any order, each optional). On
// failure the message names the option and the values it takes.
core::Result<CsvOptions> ParseCsvOptions(const std::string& query);

// The options that differ from the defaults, as a query ("encoding=utf-8"),
// "" when none do.
std::string CsvOptionsQuery(const CsvOptions& options);

}  // namespace handover::db
