#include "transform/suggest.h"

#include <algorithm>

namespace handover::transform {
namespace {

char Fold(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (Fold(a[i - 1]) == Fold(b[j - 1]) ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string ClosestName(const std::string& name, const std::vector<std::string>& candidates) {
  const size_t limit = std::max<size_t>(1, name.size() / 3);
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
