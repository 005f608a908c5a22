#include "core/schema.h"

#include <algorithm>
#include <cctype>
#include "core/ascii.h"

namespace handover::core {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

const char* ColumnTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kText: return "text";
    case ColumnType::kInteger: return "integer";
    case ColumnType::kPence: return "pence";
    case ColumnType::kDecimal: return "decimal";
    case ColumnType::kDate: return "date";
    case ColumnType::kBool: return "bool";
  }
  return "unknown";
}

ColumnType ColumnTypeFromDeclared(const std::string& declared_type, const std::string& column_name) {
  const std::string t = AsciiLower(declared_type);
  const bool integer = t.find("int") != std::string::npos || t == "serial" || t == "bigserial";
  if (integer) return EndsWith(AsciiLower(column_name), "_pence") ? ColumnType::kPence : ColumnType::kInteger;
  if (t == "date") return ColumnType::kDate;
  if (t.rfind("bool", 0) == 0) return ColumnType::kBool;
  if (t.find("real") != std::string::npos || t.find("floa") != std::string::npos ||
      t.find("doub") != std::string::npos || t.rfind("numeric", 0) == 0 ||
      t.rfind("decimal", 0) == 0)
    return ColumnType::kDecimal;
  return ColumnType::kText;
}

std::optional<size_t> TableSchema::IndexOf(const std::string& column) const {
  const std::string wanted = AsciiLower(column);
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == wanted) return i;
  return std::nullopt;
}

const Column* TableSchema::Find(const std::string& column) const {
  const auto index = IndexOf(column);
  return index ? &columns[*index] : nullptr;
}

const TableSchema* Catalog::Find(const std::string& table) const {
  const auto it = tables.find(AsciiLower(table));
  return it == tables.end() ? nullptr : &it->second;
}

}  // namespace handover::core
