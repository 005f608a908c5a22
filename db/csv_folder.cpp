#include "db/csv_folder.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>

#include "core/ascii.h"
#include "db/csv_virtual_table.h"
#include "db/database.h"

namespace handover::db {
namespace {

namespace fs = std::filesystem;

core::Result<std::vector<fs::path>> CsvFiles(const fs::path& folder, const std::string& prefix) {
  std::error_code ec;
  if (!fs::exists(folder, ec))
    return core::Status::Error(core::ErrorCode::kNotFound, prefix + "no such folder; check the path");
  if (!fs::is_directory(folder, ec))
    return core::Status::Error(core::ErrorCode::kConfig,
                               prefix + folder.string() + " is a file, not a folder; give the folder that holds "
                                                          "the .csv files (one per table)");
  std::vector<fs::path> files;
  fs::directory_iterator it(folder, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec))
    if (core::AsciiLower(it->path().extension().string()) == ".csv" && it->is_regular_file(ec)) files.push_back(it->path());
  if (ec)
    return core::Status::Error(core::ErrorCode::kIo, prefix + "cannot list the folder (" + ec.message() +
                                                         "); check that you may read it");
  if (files.empty())
    return core::Status::Error(core::ErrorCode::kNotFound,
                               prefix + "the folder holds no .csv files; export each table into it as <table>.csv");
  std::sort(files.begin(), files.end());
  return files;
}

void LogEncoding(const CsvTable& table, const CsvOptions& options, const std::string& shown) {
  const std::string file = table.path.filename().string();
  if (table.encoding == CsvFileEncoding::kWindows1252 && options.encoding == CsvEncoding::kWindows1252)
    spdlog::info("{}: {} read as Windows-1252, as declared", shown, file);
  else if (table.encoding == CsvFileEncoding::kWindows1252)
    spdlog::info("{}: {} read as Windows-1252: it is not UTF-8 (line {} is the first that is not)", shown, file,
                 table.first_non_utf8_line);
  else if (table.encoding == CsvFileEncoding::kAsGiven)
    spdlog::warn("{}: {} holds UTF-8 and Windows-1252 text side by side (line {} is the first that is not UTF-8): "
                 "its values are passed on as they are, as from a database; repair them in the mappings with utf8()",
                 shown, file, table.first_non_utf8_line);
}

}  // namespace

core::Result<std::vector<CsvTable>> ScanCsvFolder(const fs::path& folder, const CsvOptions& options,
                                                  const std::string& shown) {
  const std::string prefix = "cannot read " + shown + ": ";
  auto files = CsvFiles(folder, prefix);
  if (!files.ok()) return files.status();
  std::map<std::string, std::string> file_of;  // table name -> file name
  for (const fs::path& path : *files) {
    const std::string name = core::AsciiLower(path.stem().string());
    const auto [it, inserted] = file_of.emplace(name, path.filename().string());
    if (!inserted)
      return core::Status::Error(core::ErrorCode::kConfig, prefix + it->second + " and " + path.filename().string() +
                                                               " would both be table " + name + "; keep one of them");
  }
  std::vector<CsvTable> tables;
  for (const fs::path& path : *files) {
    auto table = ScanCsvFile(path, options);
    if (!table.ok()) return core::Status::Error(table.status().code(), prefix + table.status().message());
    tables.push_back(std::move(*table));
  }
  // Only once the whole folder checks: a refusal stays the one line.
  for (const CsvTable& table : tables) LogEncoding(table, options, shown);
  return tables;
}

core::Result<std::unique_ptr<soci::session>> OpenCsvSession(const ConnectionUrl& url) {
  auto tables = ScanCsvFolder(url.csv_folder(), url.csv_options(), url.Masked());
  if (!tables.ok()) return tables.status();
  auto session = std::make_unique<soci::session>();
  try {
    session->open(*soci::factory_sqlite3(), "db=:memory:");
  } catch (...) {
    return StatusFromCurrentException(core::ErrorCode::kConnection, "cannot read " + url.Masked());
  }
  HANDOVER_RETURN_IF_ERROR(
      AttachCsvTables(*session, std::move(*tables), url.csv_options()).WithContext("cannot read " + url.Masked()));
  return session;
}

}  // namespace handover::db
