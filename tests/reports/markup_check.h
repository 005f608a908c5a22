// Checks on rendered markup for the report tests: that every element that is
// opened is closed, in order, and what a stacked bar's segments add up to.
#pragma once

#include <cstdint>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace handover::reports::testing {

// "" when every tag in `markup` is closed in the right order (HTML void
// elements and self-closing tags need no closing tag; <!DOCTYPE> is skipped),
// else what is wrong, e.g. "</td> closes <tr> at byte 120".
inline std::string UnmatchedTag(const std::string& markup) {
  static const std::set<std::string> kVoid = {"meta", "br", "hr", "img", "input", "link", "col", "wbr"};
  std::vector<std::string> open;
  for (size_t at = markup.find('<'); at != std::string::npos; at = markup.find('<', at + 1)) {
    const size_t end = markup.find('>', at);
    if (end == std::string::npos) return "a tag never ends at byte " + std::to_string(at);
    const std::string tag = markup.substr(at + 1, end - at - 1);
    if (tag.empty()) return "an empty tag at byte " + std::to_string(at);
    if (tag[0] == '!') continue;
    if (tag.find('<') != std::string::npos) return "'<' inside a tag at byte " + std::to_string(at);
    const bool closing = tag[0] == '/';
    const std::string body = closing ? tag.substr(1) : tag;
    const std::string name = body.substr(0, body.find_first_of(" \t\n/"));
    if (closing) {
      if (open.empty()) return "</" + name + "> closes nothing at byte " + std::to_string(at);
      if (open.back() != name)
        return "</" + name + "> closes <" + open.back() + "> at byte " + std::to_string(at);
      open.pop_back();
    } else if (tag.back() != '/' && !kVoid.count(name)) {
      open.push_back(name);
    }
  }
  return open.empty() ? "" : "<" + open.back() + "> is never closed";
}

// The sum of the widths of the <rect class="segment"> elements in `svg`.
inline int64_t SumOfSegmentWidths(const std::string& svg) {
  static const std::regex kSegment(R"re(<rect class="segment" x="(\d+)" y="0" width="(\d+)")re");
  int64_t sum = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), kSegment); it != std::sregex_iterator(); ++it)
    sum += std::stoll((*it)[2]);
  return sum;
}

}  // namespace handover::reports::testing
