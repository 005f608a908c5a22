// Text functions: trim, upper, lower, title, concat, substr, replace, length.
// Byte-oriented and ASCII-only for case: bytes >= 0x80 (UTF-8 or stray
// Windows-1252) pass through unchanged.
#include <cctype>

#include "core/ascii.h"
#include "transform/functions/function.h"

namespace handover::transform {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80; }

std::string& Str(core::Value& v) { return std::get<std::string>(v); }

// The text functions work in place on their (temporary) argument.
core::Value Trim(std::span<core::Value> a, const FunctionState*) {
  std::string& s = Str(a[0]);
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  s.erase(e);
  s.erase(0, b);
  return std::move(s);
}

core::Value ToUpper(std::span<core::Value> a, const FunctionState*) {
  std::string& s = Str(a[0]);
  for (char& c : s) c = core::AsciiUpper(c);
  return std::move(s);
}

core::Value ToLower(std::span<core::Value> a, const FunctionState*) {
  std::string& s = Str(a[0]);
  for (char& c : s) c = core::AsciiLower(c);
  return std::move(s);
}

// Upper-cases the first letter of every word and lower-cases the rest; a word
// starts after anything that is not a letter ("o'neill-smith" -> "O'Neill-Smith").
core::Value Title(std::span<core::Value> a, const FunctionState*) {
  std::string& s = Str(a[0]);
  bool start = true;
  for (char& c : s) {
    if (IsLetter(c)) {
      c = start ? core::AsciiUpper(c) : core::AsciiLower(c);
      start = false;
    } else {
      start = true;
    }
  }
  return std::move(s);
}

core::Value Concat(std::span<core::Value> a, const FunctionState*) {
  std::string out;
  for (const core::Value& v : a) out += core::ToText(v);
  return out;
}

// substr(text, start [, length]): 1-based, in bytes; out of range gives "".
core::Value Substr(std::span<core::Value> a, const FunctionState*) {
  const std::string& s = Str(a[0]);
  // In 128 bits so that extreme arguments cannot overflow.
  __int128 start = std::get<int64_t>(a[1]);
  __int128 length = a.size() > 2 ? std::get<int64_t>(a[2]) : __int128(s.size());
  if (start < 1) {
    length += start - 1;
    start = 1;
  }
  if (length <= 0 || start > __int128(s.size())) return std::string();
  if (length > __int128(s.size())) length = __int128(s.size());
  return s.substr(size_t(start - 1), size_t(length));
}

core::Value Replace(std::span<core::Value> a, const FunctionState*) {
  const std::string& s = Str(a[0]);
  const std::string& from = Str(a[1]);
  const std::string& to = Str(a[2]);
  if (from.empty()) return s;
  std::string out;
  size_t pos = 0;
  for (size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size())
    out.append(s, pos, hit - pos).append(to);
  out.append(s, pos, std::string::npos);
  return out;
}

// Each run of one repeated byte collapsed to one: "thommpssn" -> "thompsn".
core::Value Squeeze(std::span<core::Value> a, const FunctionState*) {
  const std::string& s = Str(a[0]);
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (out.empty() || out.back() != c) out += c;
  return out;
}

core::Value Length(std::span<core::Value> a, const FunctionState*) {
  return int64_t(Str(a[0]).size());
}

}  // namespace

void AddTextFunctions(std::vector<FunctionInfo>& t) {
  t.push_back({"trim", 1, 1, {kText}, core::ValueType::kText, Trim, -1, nullptr, Special::kNone,
               "trim(text) -> text"});
  t.push_back({"upper", 1, 1, {kText}, core::ValueType::kText, ToUpper, -1, nullptr, Special::kNone,
               "upper(text) -> text"});
  t.push_back({"lower", 1, 1, {kText}, core::ValueType::kText, ToLower, -1, nullptr, Special::kNone,
               "lower(text) -> text"});
  t.push_back({"title", 1, 1, {kText}, core::ValueType::kText, Title, -1, nullptr, Special::kNone,
               "title(text) -> text"});
  t.push_back({"concat", 1, -1, {kAnyType}, core::ValueType::kText, Concat, -1, nullptr,
               Special::kNone, "concat(a, b, ...) -> text"});
  t.push_back({"substr", 2, 3, {kText, kInt, kInt}, core::ValueType::kText, Substr, -1, nullptr,
               Special::kNone, "substr(text, start [, length]) -> text"});
  t.push_back({"replace", 3, 3, {kText, kText, kText}, core::ValueType::kText, Replace, -1, nullptr,
               Special::kNone, "replace(text, from, to) -> text"});
  t.push_back({"squeeze", 1, 1, {kText}, core::ValueType::kText, Squeeze, -1, nullptr, Special::kNone,
               "squeeze(text) -> text"});
  t.push_back({"length", 1, 1, {kText}, core::ValueType::kInteger, Length, -1, nullptr,
               Special::kNone, "length(text) -> integer"});
}

}  // namespace handover::transform
