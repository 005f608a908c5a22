// Regular expressions (std::regex, ECMAScript syntax), compiled once when the
// mapping is checked: regex_match(text, "re"), regex_extract(text, "re" [, group])
// and regex_replace(text, "re", "replacement").
#include <regex>

#include "transform/functions/function.h"

namespace handover::transform {
namespace {

struct CompiledRegex : FunctionState {
  std::regex re;
  std::string replacement;  // regex_replace only: "$1", "$&" refer to the match
};

std::unique_ptr<FunctionState> PrepareRegex(const std::vector<std::string>& literals,
                                            std::string& error) {
  auto state = std::make_unique<CompiledRegex>();
  try {
    state->re = std::regex(literals.at(0), std::regex::ECMAScript);
    if (literals.size() > 1) state->replacement = literals[1];
  } catch (const std::regex_error& e) {
    error = "invalid regular expression \"" + literals.at(0) + "\": " + e.what();
    return nullptr;
  }
  return state;
}

// True when the regex matches the whole text.
core::Value Match(std::span<core::Value> a, const FunctionState* s) {
  return std::regex_match(std::get<std::string>(a[0]), static_cast<const CompiledRegex*>(s)->re);
}

// The first match's group (default 1, or 0 when the regex has no groups); NULL if no match.
core::Value Extract(std::span<core::Value> a, const FunctionState* s) {
  const auto& re = static_cast<const CompiledRegex*>(s)->re;
  const std::string& text = std::get<std::string>(a[0]);
  std::smatch m;
  if (!std::regex_search(text, m, re)) return core::Null{};
  int64_t group = re.mark_count() > 0 ? 1 : 0;
  if (a.size() > 2) group = std::get<int64_t>(a[2]);
  if (group < 0 || size_t(group) >= m.size() || !m[size_t(group)].matched) return core::Null{};
  return m[size_t(group)].str();
}

// Every match replaced ("$1" is the first group, "$&" the whole match).
core::Value ReplaceAll(std::span<core::Value> a, const FunctionState* s) {
  const auto* state = static_cast<const CompiledRegex*>(s);
  return std::regex_replace(std::get<std::string>(a[0]), state->re, state->replacement);
}

}  // namespace

void AddRegexFunctions(std::vector<FunctionInfo>& t) {
  t.push_back({"regex_match", 2, 2, {kText, kText}, core::ValueType::kBool, Match, 1, PrepareRegex,
               Special::kNone, "regex_match(text, \"regex\") -> bool"});
  t.push_back({"regex_extract", 2, 3, {kText, kText, kInt}, core::ValueType::kText, Extract, 1,
               PrepareRegex, Special::kNone, "regex_extract(text, \"regex\" [, group]) -> text"});
  t.push_back({"regex_replace", 3, 3, {kText, kText, kText}, core::ValueType::kText, ReplaceAll, 1, PrepareRegex,
               Special::kNone, "regex_replace(text, \"regex\", \"replacement\") -> text"});
}

}  // namespace handover::transform
