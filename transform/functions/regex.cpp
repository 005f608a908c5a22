// Regular expressions on RE2 (its syntax: no backreferences or lookaround),
// compiled once when the mapping is checked: regex_match(text, "re"),
// regex_extract(text, "re" [, group]) and regex_replace(text, "re",
// "replacement"). RE2 runs in time linear in the text and without recursion,
// so no value, however long, can exhaust the stack or stall a run.
#include <re2/re2.h>

#include "transform/functions/function.h"

namespace handover::transform {
namespace {

struct CompiledRegex : FunctionState {
  explicit CompiledRegex(const std::string& pattern) : re(pattern, Options()) {}
  static RE2::Options Options() {
    RE2::Options options;
    options.set_log_errors(false);
    // Bytes, as every text function works: legacy Windows-1252 bytes that are
    // not valid UTF-8 still match [^A-Za-z] one by one.
    options.set_encoding(RE2::Options::EncodingLatin1);
    options.set_max_mem(64 << 20);  // the compiled program's budget, per regex
    return options;
  }
  RE2 re;
  std::string rewrite;  // regex_replace only, in RE2's form (\1, \0)
};

// The language writes "$1" for a group and "$&" for the whole match; RE2
// writes \1 and \0. A literal backslash becomes "\\".
std::string ToRe2Rewrite(const std::string& replacement) {
  std::string out;
  for (size_t i = 0; i < replacement.size(); ++i) {
    const char c = replacement[i];
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '$' && i + 1 < replacement.size() && replacement[i + 1] == '&') {
      out += "\\0";
      ++i;
    } else if (c == '$' && i + 1 < replacement.size() && replacement[i + 1] >= '0' && replacement[i + 1] <= '9') {
      out += '\\';
      out += replacement[++i];
    } else {
      out += c;
    }
  }
  return out;
}

std::unique_ptr<FunctionState> PrepareRegex(const std::vector<std::string>& literals, std::string& error) {
  auto state = std::make_unique<CompiledRegex>(literals.at(0));
  if (!state->re.ok()) {
    error = "invalid regular expression \"" + literals.at(0) + "\": " + state->re.error() +
            " (RE2 syntax: no backreferences or lookaround)";
    return nullptr;
  }
  if (literals.size() > 1) {
    state->rewrite = ToRe2Rewrite(literals[1]);
    std::string why;
    if (!state->re.CheckRewriteString(state->rewrite, &why)) {
      error = "replacement \"" + literals[1] + "\" does not fit the regular expression: " + why;
      return nullptr;
    }
  }
  return state;
}

// True when the regex matches the whole text.
core::Value Match(std::span<core::Value> a, const FunctionState* s) {
  return RE2::FullMatch(std::get<std::string>(a[0]), static_cast<const CompiledRegex*>(s)->re);
}

// The first match's group (default 1, or 0 when the regex has no groups); NULL if no match.
core::Value Extract(std::span<core::Value> a, const FunctionState* s) {
  const RE2& re = static_cast<const CompiledRegex*>(s)->re;
  const std::string& text = std::get<std::string>(a[0]);
  const int groups = re.NumberOfCapturingGroups();
  int64_t group = groups > 0 ? 1 : 0;
  if (a.size() > 2) group = std::get<int64_t>(a[2]);
  if (group < 0 || group > groups) return core::Null{};
  std::vector<re2::StringPiece> m(size_t(groups) + 1);
  if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, m.data(), groups + 1)) return core::Null{};
  const re2::StringPiece& piece = m[size_t(group)];
  if (piece.data() == nullptr) return core::Null{};
  return std::string(piece.data(), piece.size());
}

// Every match replaced ("$1" is the first group, "$&" the whole match).
core::Value ReplaceAll(std::span<core::Value> a, const FunctionState* s) {
  const auto* state = static_cast<const CompiledRegex*>(s);
  std::string text = std::get<std::string>(a[0]);
  RE2::GlobalReplace(&text, state->re, state->rewrite);
  return text;
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
