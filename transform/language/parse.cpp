#include "transform/language/parse.h"

#include "transform/language/config.h"
#include "transform/language/grammar.h"

namespace handover::transform {

size_t ParsedFile::Begin(const ast::x3::position_tagged& node) const {
  if (node.id_first < 0 || size_t(node.id_first) >= offsets.size()) return 0;
  return offsets[size_t(node.id_first)];
}

size_t ParsedFile::End(const ast::x3::position_tagged& node) const {
  if (node.id_last < 0 || size_t(node.id_last) >= offsets.size()) return Begin(node);
  return offsets[size_t(node.id_last)];
}

std::string ParsedFile::TextOf(const ast::x3::position_tagged& node) const {
  const size_t begin = Begin(node), end = End(node);
  return end > begin ? text.substr(begin, end - begin) : std::string();
}

Diagnostic ParsedFile::At(const ast::x3::position_tagged& node, std::string message) const {
  return DiagnosticAt(path, text, Begin(node), std::move(message));
}

namespace {

// The token at `offset`, for "unexpected 'x'" messages.
std::string TokenAt(const std::string& text, size_t offset) {
  if (offset >= text.size()) return "end of file";
  size_t end = offset;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  if (word(text[end])) {
    while (end < text.size() && word(text[end])) ++end;
  } else {
    ++end;
  }
  return "'" + text.substr(offset, end - offset) + "'";
}

size_t SkipBlank(const std::string& text, size_t offset) {
  while (offset < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[offset]))) {
      ++offset;
    } else if (text[offset] == '#') {
      while (offset < text.size() && text[offset] != '\n') ++offset;
    } else {
      break;
    }
  }
  return offset;
}

// The grammar is recursive descent: bound the nesting so that hostile or
// broken input ("((((..." thousands deep) cannot exhaust the stack. Returns
// the offset where the limit is passed, or npos. Counts brackets, if/case
// ... end, and runs of prefix operators, outside strings and comments.
constexpr int kMaxNesting = 64;

size_t TooDeep(const std::string& text) {
  int depth = 0, prefix_run = 0;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
      ++i;
    } else if (word(c)) {
      const size_t start = i;
      while (i < text.size() && word(text[i])) ++i;
      const std::string_view w(text.data() + start, i - start);
      if (w == "if" || w == "case") ++depth;
      else if (w == "end") --depth;
      prefix_run = w == "not" ? prefix_run + 1 : 0;
      if (depth > kMaxNesting || prefix_run > kMaxNesting) return start;
    } else {
      if (c == '(') ++depth;
      else if (c == ')') --depth;
      if (c == '-') ++prefix_run;
      else if (!std::isspace(static_cast<unsigned char>(c))) prefix_run = 0;
      if (depth > kMaxNesting || prefix_run > kMaxNesting) return i;
      ++i;
    }
  }
  return std::string::npos;
}

}  // namespace

bool ParseMappingText(std::string path, std::string text, ParsedFile& out,
                      std::vector<Diagnostic>& diagnostics) {
  namespace x3 = boost::spirit::x3;
  out.path = std::move(path);
  out.text = std::move(text);
  out.items.clear();
  out.offsets.clear();
  const std::string& source = out.text;
  parser::Iterator first = source.begin();
  const parser::Iterator last = source.end();
  if (const size_t deep = TooDeep(source); deep != std::string::npos) {
    diagnostics.push_back(DiagnosticAt(out.path, source, deep,
                                       "expression nested too deeply (more than " +
                                           std::to_string(kMaxNesting) + " levels)"));
    return false;
  }
  parser::PositionCache positions(first, last);
  bool ok = false;
  try {
    ok = x3::phrase_parse(
        first, last, x3::with<parser::PositionTag>(std::ref(positions))[parser::FileGrammar()],
        parser::kSkipper, out.items);
  } catch (const x3::expectation_failure<parser::Iterator>& e) {
    const size_t offset = SkipBlank(source, size_t(e.where() - source.begin()));
    diagnostics.push_back(DiagnosticAt(out.path, source, offset,
                                       "expected " + e.which() + " before " +
                                           TokenAt(source, offset)));
    return false;
  }
  const size_t stop = SkipBlank(source, size_t(first - source.begin()));
  if (!ok || stop != source.size()) {
    diagnostics.push_back(DiagnosticAt(
        out.path, source, stop,
        "unexpected " + TokenAt(source, stop) +
            "; expected a statement (into, key, column = ..., reject, exclude, merge), "
            "'mapping', 'codeset' or 'ignore table'"));
    return false;
  }
  out.offsets.reserve(positions.get_positions().size());
  for (const auto& it : positions.get_positions()) out.offsets.push_back(size_t(it - source.begin()));
  return true;
}

}  // namespace handover::transform
