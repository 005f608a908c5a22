#include "profile/table_match.h"

#include <algorithm>
#include <set>

#include "core/ascii.h"

namespace handover::profile {
namespace {

std::vector<std::string> Words(const std::string& name) {
  std::vector<std::string> words;
  std::string word;
  for (char c : core::AsciiLower(name)) {
    if (c == '_' || c == ' ' || c == '-') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

bool Generic(const std::string& word) {
  static const std::set<std::string> kGeneric = {"id", "date", "type", "code", "name", "no", "num", "ref",
                                                 "key", "at", "of", "is", "the", "value", "flag"};
  return kGeneric.count(word) > 0;
}

// `a` at the start or end of `b`, word by word ("amount" in "amount_pence").
bool WordsAtEdge(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || a.size() >= b.size()) return false;
  return std::equal(a.begin(), a.end(), b.begin()) || std::equal(a.rbegin(), a.rend(), b.rbegin());
}

bool Synonyms(const std::string& a, const std::string& b) {
  static const std::vector<std::pair<std::string, std::string>> kSynonyms = {
      {"dob", "date_of_birth"}, {"birth_date", "date_of_birth"}, {"first_name", "forename"},
      {"last_name", "surname"}, {"family_name", "surname"},      {"given_name", "forename"}};
  for (const auto& [x, y] : kSynonyms)
    if ((a == x && b == y) || (a == y && b == x)) return true;
  return false;
}

int TableNameScore(const std::string& source, const std::string& target) {
  if (core::AsciiLower(source) == core::AsciiLower(target)) return 10;
  for (const std::string& s : Words(source))
    for (const std::string& t : Words(target)) {
      if (Generic(s) || Generic(t) || s.size() < 3 || t.size() < 3) continue;
      // A shared word, or one the start of the other ("accom", "accommodation").
      if (s == t || t.rfind(s, 0) == 0 || s.rfind(t, 0) == 0) return 5;
    }
  return 0;
}

}  // namespace

int ColumnNameScore(const std::string& source, const std::string& target) {
  const std::string s = core::AsciiLower(source), t = core::AsciiLower(target);
  if (s == t) return 3;
  if (Synonyms(s, t)) return 2;
  const auto sw = Words(s), tw = Words(t);
  if (WordsAtEdge(sw, tw) || WordsAtEdge(tw, sw)) return 2;
  // Word by word the same or abbreviated ("pay_type", "payment_type").
  if (sw.size() == tw.size() && sw.size() > 1 &&
      std::equal(sw.begin(), sw.end(), tw.begin(), [](const std::string& a, const std::string& b) {
        return a == b || (a.size() >= 3 && b.size() >= 3 && (a.rfind(b, 0) == 0 || b.rfind(a, 0) == 0));
      }))
    return 2;
  for (const std::string& a : sw)
    for (const std::string& b : tw)
      if (a == b && !Generic(a)) return 1;
  return 0;
}

std::vector<TableMatch> MatchTables(const SourceProfile& profile, const core::Catalog& target) {
  std::vector<TableMatch> candidates;
  for (const TableProfile& s : profile.tables)
    for (const auto& [name, t] : target.tables) {
      if (name.rfind("migration_", 0) == 0 || !t.query.empty()) continue;
      TableMatch m{s.name, name, TableNameScore(s.name, name), 0};
      for (const core::Column& tc : t.columns)
        for (const ColumnProfile& sc : s.columns)
          if (ColumnNameScore(sc.name, tc.name) >= 2) {
            ++m.shared_columns;
            break;
          }
      m.score += 2 * m.shared_columns;
      if (m.score >= 6) candidates.push_back(m);
    }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const TableMatch& a, const TableMatch& b) { return a.score > b.score; });
  std::vector<TableMatch> chosen;
  std::set<std::string> sources, targets;
  for (const TableMatch& m : candidates) {
    if (sources.count(m.source) || targets.count(m.target)) continue;
    sources.insert(m.source);
    targets.insert(m.target);
    chosen.push_back(m);
  }
  return chosen;
}

}  // namespace handover::profile
