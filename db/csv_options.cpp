#include "db/csv_options.h"

#include <sstream>

#include "core/ascii.h"

namespace handover::db {
namespace {

core::Status Bad(const std::string& why) { return core::Status::Error(core::ErrorCode::kConfig, why); }

}  // namespace

core::Result<CsvOptions> ParseCsvOptions(const std::string& query) {
  CsvOptions options;
  std::stringstream items(query);
  std::string item;
  while (std::getline(items, item, '&')) {
    if (item.empty()) continue;
    const auto eq = item.find('=');
    const std::string key = core::AsciiLower(item.substr(0, eq));
    const std::string value = eq == std::string::npos ? "" : core::AsciiLower(item.substr(eq + 1));
    if (key == "encoding") {
      if (value == "auto") options.encoding = CsvEncoding::kAuto;
      else if (value == "utf-8" || value == "utf8") options.encoding = CsvEncoding::kUtf8;
      else if (value == "windows-1252" || value == "cp1252") options.encoding = CsvEncoding::kWindows1252;
      else return Bad("encoding='" + value + "' is not one of auto, utf-8 or windows-1252");
    } else if (key == "empty") {
      if (value == "null") options.empty = CsvEmpty::kNull;
      else if (value == "text") options.empty = CsvEmpty::kText;
      else return Bad("empty='" + value + "' is not one of null or text");
    } else if (key == "types") {
      if (value == "auto") options.types = CsvTypes::kAuto;
      else if (value == "text") options.types = CsvTypes::kText;
      else return Bad("types='" + value + "' is not one of auto or text");
    } else {
      return Bad("unknown option '" + key + "' (a csv: folder takes encoding=, empty= and types=)");
    }
  }
  return options;
}

std::string CsvOptionsQuery(const CsvOptions& options) {
  std::string query;
  const auto add = [&query](const char* item) { query += (query.empty() ? "" : "&") + std::string(item); };
  if (options.encoding == CsvEncoding::kUtf8) add("encoding=utf-8");
  if (options.encoding == CsvEncoding::kWindows1252) add("encoding=windows-1252");
  if (options.empty == CsvEmpty::kText) add("empty=text");
  if (options.types == CsvTypes::kText) add("types=text");
  return query;
}

}  // namespace handover::db
