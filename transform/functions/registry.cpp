#include <algorithm>

#include "transform/functions/function.h"

namespace handover::transform {
namespace {

const std::vector<FunctionInfo>& Table() {
  static const std::vector<FunctionInfo> table = [] {
    std::vector<FunctionInfo> t;
    AddTextFunctions(t);
    AddDateFunctions(t);
    AddMoneyFunctions(t);
    AddEncodingFunctions(t);
    AddRegexFunctions(t);
    AddHashFunctions(t);
    AddConversionFunctions(t);
    t.push_back({"code", 2, 2, {0, kAnyType}, core::ValueType::kText, nullptr, -1, nullptr,
                 Special::kCode, "code(code_set, value) -> text"});
    t.push_back({"xref", 2, 2, {0, kAnyType}, core::ValueType::kInteger, nullptr, -1, nullptr,
                 Special::kXref, "xref(mapping, legacy_key) -> integer"});
    t.push_back({"coalesce", 1, -1, {kAnyType}, core::ValueType::kNull, nullptr, -1, nullptr,
                 Special::kCoalesce, "coalesce(a, b, ...) -> type of a"});
    return t;
  }();
  return table;
}

}  // namespace

const FunctionInfo* FindFunction(std::string_view name) {
  for (const FunctionInfo& f : Table())
    if (f.name == name) return &f;
  return nullptr;
}

std::vector<std::string> FunctionNames() {
  std::vector<std::string> names;
  for (const FunctionInfo& f : Table()) names.emplace_back(f.name);
  return names;
}

}  // namespace handover::transform
