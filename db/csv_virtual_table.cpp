#include "db/csv_virtual_table.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <charconv>
#include <map>
#include <memory>

#include "db/csv_reader.h"
#include "db/dialect.h"

namespace handover::db {
namespace {

// soci-sqlite3.h declares SQLite's API inside this namespace.
using namespace sqlite_api;

// The module's data: every table of the folder, owned by the connection.
struct Folder {
  CsvOptions options;
  std::map<std::string, CsvTable> tables;
};

struct Table : sqlite3_vtab {
  const CsvTable* table = nullptr;
  const CsvOptions* options = nullptr;
};

struct Cursor : sqlite3_vtab_cursor {
  std::unique_ptr<CsvReader> reader;
  bool at_end = true;
};

const Table& TableOf(sqlite3_vtab_cursor* cursor) { return *static_cast<const Table*>(cursor->pVtab); }

int Fail(sqlite3_vtab* vtab, const std::string& message) {
  sqlite3_free(vtab->zErrMsg);
  vtab->zErrMsg = sqlite3_mprintf("%s", message.c_str());
  return SQLITE_ERROR;
}

int Connect(sqlite3* db, void* aux, int, const char* const* argv, sqlite3_vtab** out, char** error) {
  Folder& folder = *static_cast<Folder*>(aux);
  const auto it = folder.tables.find(argv[2]);  // argv[2]: the new table's name
  if (it == folder.tables.end()) {
    *error = sqlite3_mprintf("no .csv file for table %s", argv[2]);
    return SQLITE_ERROR;
  }
  std::string sql = "CREATE TABLE x(";
  for (size_t c = 0; c < it->second.columns.size(); ++c)
    sql += (c ? ", " : "") + SqliteDialect().QuoteIdentifier(it->second.columns[c]) +
           (it->second.integer[c] ? " INTEGER" : " TEXT");
  if (sqlite3_declare_vtab(db, (sql + ")").c_str()) != SQLITE_OK) {
    *error = sqlite3_mprintf("%s", sqlite3_errmsg(db));
    return SQLITE_ERROR;
  }
  auto table = std::make_unique<Table>();
  table->table = &it->second;
  table->options = &folder.options;
  *out = table.release();
  return SQLITE_OK;
}

int Disconnect(sqlite3_vtab* vtab) {
  delete static_cast<Table*>(vtab);
  return SQLITE_OK;
}

// Every scan reads the whole file: there is nothing to index by.
int BestIndex(sqlite3_vtab* vtab, sqlite3_index_info* info) {
  const auto records = static_cast<Table*>(vtab)->table->records;
  info->estimatedCost = double(records) + 1;
  info->estimatedRows = records;
  return SQLITE_OK;
}

int OpenCursor(sqlite3_vtab*, sqlite3_vtab_cursor** out) {
  *out = new Cursor();
  return SQLITE_OK;
}

int CloseCursor(sqlite3_vtab_cursor* cursor) {
  delete static_cast<Cursor*>(cursor);
  return SQLITE_OK;
}

// Moves to the next record; the file was checked when the folder was
// opened, so a failure here means it changed since.
int Advance(sqlite3_vtab_cursor* base) {
  Cursor& cursor = *static_cast<Cursor*>(base);
  const CsvTable& table = *TableOf(base).table;
  const std::string file = table.path.filename().string();
  const char* changed = " (the file changed after handover checked it: do not change the folder during a run)";
  auto more = cursor.reader->Next();
  if (!more.ok()) return Fail(base->pVtab, file + " " + more.status().message() + changed);
  cursor.at_end = !*more;
  if (!cursor.at_end && cursor.reader->record().fields.size() != table.columns.size())
    return Fail(base->pVtab, file + " line " + std::to_string(cursor.reader->record().line) + " has " +
                                 std::to_string(cursor.reader->record().fields.size()) + " fields, the header has " +
                                 std::to_string(table.columns.size()) + changed);
  return SQLITE_OK;
}

int Filter(sqlite3_vtab_cursor* base, int, const char*, int, sqlite3_value**) {
  Cursor& cursor = *static_cast<Cursor*>(base);
  const CsvTable& table = *TableOf(base).table;
  auto reader = CsvReader::Open(table.path);
  if (!reader.ok()) return Fail(base->pVtab, table.path.filename().string() + " " + reader.status().message());
  cursor.reader = std::move(*reader);
  cursor.at_end = false;
  const int header = Advance(base);  // the header line names the columns
  if (header != SQLITE_OK || cursor.at_end) return header;
  return Advance(base);
}

int Next(sqlite3_vtab_cursor* cursor) { return Advance(cursor); }

int AtEnd(sqlite3_vtab_cursor* cursor) { return static_cast<Cursor*>(cursor)->at_end ? 1 : 0; }

int Column(sqlite3_vtab_cursor* base, sqlite3_context* context, int column) {
  const Table& table = TableOf(base);
  const CsvRecord& record = static_cast<Cursor*>(base)->reader->record();
  const auto c = size_t(column);
  std::string converted;
  const std::string* text = CsvText(*table.table, *table.options, record.fields[c], record.bare_empty[c], converted);
  if (text == nullptr) {
    sqlite3_result_null(context);
    return SQLITE_OK;
  }
  if (table.table->integer[c]) {
    int64_t value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error == std::errc() && end == text->data() + text->size()) {
      sqlite3_result_int64(context, value);
      return SQLITE_OK;
    }
  }
  sqlite3_result_text(context, text->data(), int(text->size()), SQLITE_TRANSIENT);
  return SQLITE_OK;
}

int Rowid(sqlite3_vtab_cursor* base, sqlite_int64* rowid) {
  *rowid = static_cast<Cursor*>(base)->reader->record().line;
  return SQLITE_OK;
}

sqlite3_module MakeModule() {
  sqlite3_module module{};
  module.xCreate = Connect;  // nothing to create: the file is the table
  module.xConnect = Connect;
  module.xBestIndex = BestIndex;
  module.xDisconnect = Disconnect;
  module.xDestroy = Disconnect;
  module.xOpen = OpenCursor;
  module.xClose = CloseCursor;
  module.xFilter = Filter;
  module.xNext = Next;
  module.xEof = AtEnd;
  module.xColumn = Column;
  module.xRowid = Rowid;
  return module;  // no xUpdate: read-only
}

}  // namespace

core::Status AttachCsvTables(soci::session& session, std::vector<CsvTable> tables, const CsvOptions& options) {
  static const sqlite3_module kModule = MakeModule();
  auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
  auto folder = std::make_unique<Folder>();
  folder->options = options;
  std::vector<std::pair<std::string, std::string>> names;  // table, file
  for (CsvTable& table : tables) {
    names.emplace_back(table.name, table.path.filename().string());
    folder->tables.emplace(table.name, std::move(table));
  }
  // The connection owns the folder from here, and frees it (even on failure).
  const int rc = sqlite3_create_module_v2(backend->conn_, "handover_csv", &kModule, folder.release(),
                                          [](void* data) { delete static_cast<Folder*>(data); });
  if (rc != SQLITE_OK)
    return core::Status::Error(core::ErrorCode::kDatabase,
                               std::string("cannot register the CSV reader: ") + sqlite3_errstr(rc));
  for (const auto& [name, file] : names) {
    try {
      session << "CREATE VIRTUAL TABLE " + SqliteDialect().QuoteIdentifier(name) + " USING handover_csv";
    } catch (const soci::soci_error& e) {
      return core::Status::Error(core::ErrorCode::kDatabase,
                                 file + " cannot be table " + name + ": " + e.get_error_message());
    }
  }
  return core::Status::Ok();
}

}  // namespace handover::db
