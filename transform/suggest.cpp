#include "transform/suggest.h"

#include <algorithm>

namespace handover::transform {
namespace {

char Fold(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

// Optimal string alignment distance: insertions, deletions, substitutions
// and transpositions of neighbours ("titel" -> "title") cost 1.
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = Fold(a[i - 1]) == Fold(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && Fold(a[i - 1]) == Fold(b[j - 2]) && Fold(a[i - 2]) == Fold(b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::string ClosestName(const std::string& name, const std::vector<std::string>& candidates) {
  const size_t limit = name.size() <= 3 ? 1 : std::max<size_t>(2, name.size() / 3);
  std::string best;
  size_t best_distance = limit + 1;
  for (const std::string& c : candidates) {
    const size_t d = EditDistance(name, c);
    if (d < best_distance) best = c, best_distance = d;
  }
  return best;
}

std::string DidYouMean(const std::string& name, const std::vector<std::string>& candidates,
                       const std::string& prefix) {
  const std::string best = ClosestName(name, candidates);
  return best.empty() ? std::string() : "; did you mean '" + prefix + best + "'?";
}

}  // namespace handover::transform
