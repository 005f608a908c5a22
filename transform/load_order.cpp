#include "transform/load_order.h"

#include <algorithm>
#include <map>

namespace handover::transform {

LoadOrder DeriveLoadOrder(const std::vector<std::string>& names,
                          const std::vector<std::vector<std::string>>& references) {
  const size_t n = names.size();
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < n; ++i) index.emplace(names[i], i);
  std::vector<std::vector<size_t>> deps(n);
  for (size_t i = 0; i < n; ++i)
    for (const std::string& r : references[i])
      if (auto it = index.find(r); it != index.end()) deps[i].push_back(it->second);

  LoadOrder result;
  // Depth-first: emit a mapping after its dependencies; a grey node met again is a cycle.
  enum class Mark { kWhite, kGrey, kBlack };
  std::vector<Mark> mark(n, Mark::kWhite);
  std::vector<size_t> path;
  auto visit = [&](auto&& self, size_t i) -> bool {
    if (mark[i] == Mark::kBlack) return true;
    if (mark[i] == Mark::kGrey) {
      auto start = std::find(path.begin(), path.end(), i);
      for (auto it = start; it != path.end(); ++it) result.cycle.push_back(names[*it]);
      result.cycle.push_back(names[i]);
      return false;
    }
    mark[i] = Mark::kGrey;
    path.push_back(i);
    for (size_t d : deps[i])
      if (!self(self, d)) return false;
    path.pop_back();
    mark[i] = Mark::kBlack;
    result.order.push_back(i);
    return true;
  };
  for (size_t i = 0; i < n; ++i) {
    if (!visit(visit, i)) {
      result.order.clear();
      return result;
    }
  }
  return result;
}

}  // namespace handover::transform
