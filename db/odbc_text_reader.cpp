#include "db/odbc_text_reader.h"

#include <algorithm>
#include <cstring>

namespace handover::db {
namespace {

// Bytes asked for per SQLGetData call. A value longer than this arrives in
// several pieces (SQL_SUCCESS_WITH_INFO, SQLSTATE 01004 "data truncated").
constexpr SQLLEN kPieceBytes = 16384;

}  // namespace

core::Status OdbcTextReader::Start(const std::string& sql, size_t columns, const std::string& context) {
  return Begin(
      [&sql](SQLHSTMT statement) {
        return SQLExecDirect(statement, reinterpret_cast<SQLCHAR*>(const_cast<char*>(sql.c_str())),
                             static_cast<SQLINTEGER>(sql.size()));
      },
      columns, true, context);
}

core::Status OdbcTextReader::StartCatalogCall(const std::function<SQLRETURN(SQLHSTMT)>& call, size_t columns,
                                              const std::string& context) {
  return Begin(call, columns, false, context);
}

core::Status OdbcTextReader::Begin(const std::function<SQLRETURN(SQLHSTMT)>& call, size_t columns, bool exact,
                                   const std::string& context) {
  context_ = context;
  has_rows_ = false;
  HANDOVER_RETURN_IF_ERROR(statement_.Allocate(connection_, context));
  const SQLRETURN rc = call(statement_.get());
  // SQL_NO_DATA: a searched UPDATE or DELETE that touched no row.
  if (rc == SQL_NO_DATA) return core::Status::Ok();
  if (!OdbcOk(rc)) return statement_.Error(context);
  SQLSMALLINT found = 0;
  if (!OdbcOk(SQLNumResultCols(statement_.get(), &found))) return statement_.Error(context);
  if (found == 0) return core::Status::Ok();
  if (static_cast<size_t>(found) < columns || (exact && static_cast<size_t>(found) != columns))
    return core::Status::Error(core::ErrorCode::kDatabase, context + ": the query returns " + std::to_string(found) +
                                                               " columns, expected " + std::to_string(columns));
  has_rows_ = true;
  return core::Status::Ok();
}

core::Result<size_t> OdbcTextReader::Fill(std::vector<std::vector<std::string>>& cells,
                                          std::vector<std::vector<soci::indicator>>& nulls, size_t rows) {
  for (auto& column : cells) column.clear();
  for (auto& column : nulls) column.clear();
  size_t got = 0;
  while (has_rows_ && got < rows) {
    const SQLRETURN rc = SQLFetch(statement_.get());
    if (rc == SQL_NO_DATA) {
      has_rows_ = false;
      statement_.Reset();
      break;
    }
    if (!OdbcOk(rc)) return statement_.Error(context_);
    for (size_t c = 0; c < cells.size(); ++c) {
      std::string& cell = cells[c].emplace_back();
      auto present = ReadCell(static_cast<SQLUSMALLINT>(c + 1), cell);
      if (!present.ok()) return present.status();
      nulls[c].push_back(*present ? soci::i_ok : soci::i_null);
    }
    ++got;
  }
  return got;
}

core::Result<bool> OdbcTextReader::ReadCell(SQLUSMALLINT column, std::string& out) {
  out.clear();
  char piece[kPieceBytes];
  while (true) {
    SQLLEN indicator = 0;
    const SQLRETURN rc = SQLGetData(statement_.get(), column, SQL_C_CHAR, piece, kPieceBytes, &indicator);
    if (rc == SQL_NO_DATA) return true;  // the last piece was exactly full
    if (!OdbcOk(rc)) return statement_.Error(context_ + " (column " + std::to_string(column) + ")");
    if (indicator == SQL_NULL_DATA) return false;
    const bool truncated = rc == SQL_SUCCESS_WITH_INFO && OdbcSqlState(SQL_HANDLE_STMT, statement_.get()) == "01004";
    if (!truncated) {
      out.append(piece, std::min(static_cast<size_t>(indicator), static_cast<size_t>(kPieceBytes - 1)));
      return true;
    }
    // A truncated piece fills the buffer but for its terminating NUL; a
    // driver converting from UTF-16 may stop short of a split character.
    out.append(piece, ::strnlen(piece, kPieceBytes - 1));
    if (indicator != SQL_NO_TOTAL && out.capacity() < out.size() + static_cast<size_t>(indicator))
      out.reserve(out.size() + static_cast<size_t>(indicator));
  }
}

}  // namespace handover::db
