// Encoding functions: utf8(text) repairs legacy Windows-1252 bytes so text
// can be loaded into a UTF-8 council database (see core/text_encoding.h).
#include "core/text_encoding.h"
#include "transform/functions/function.h"

namespace handover::transform {
namespace {

core::Value Utf8(std::span<core::Value> a, const FunctionState*) {
  std::string& text = std::get<std::string>(a[0]);
  if (core::IsValidUtf8(text)) return std::move(text);
  return core::RepairToUtf8(text);
}

}  // namespace

void AddEncodingFunctions(std::vector<FunctionInfo>& t) {
  t.push_back({"utf8", 1, 1, {kText}, core::ValueType::kText, Utf8, -1, nullptr, Special::kNone,
               "utf8(text) -> text"});
}

}  // namespace handover::transform
