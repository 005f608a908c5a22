#include "load/merge_plan.h"

#include <vector>

namespace handover::load {
namespace {

// A merge key as one string; type tags keep 1 (int) and "1" (text) apart.
std::string SerializeKey(const std::vector<core::Value>& key) {
  std::string out;
  for (const core::Value& v : key) {
    out += static_cast<char>('0' + v.index());
    out += core::ToText(v);
    out += '\x1f';
  }
  return out;
}

struct Candidate {
  core::Value order;
  int64_t ordinal = 0;
  std::string legacy_key;
};

}  // namespace

int CompareForSurvivorship(const core::Value& a, const core::Value& b) {
  if (core::IsNull(a) || core::IsNull(b)) return core::IsNull(a) == core::IsNull(b) ? 0 : (core::IsNull(a) ? 1 : -1);
  if (a.index() != b.index()) return a.index() < b.index() ? -1 : 1;
  return std::visit(
      [&](const auto& x) -> int {
        using T = std::decay_t<decltype(x)>;
        const auto& y = std::get<T>(b);
        if constexpr (std::is_same_v<T, core::Null>) {
          return 0;
        } else if constexpr (std::is_same_v<T, core::Decimal>) {
          // Compare exactly on a common scale (long double would round).
          __int128 l = x.mantissa, r = y.mantissa;
          for (int s = x.scale; s < y.scale; ++s) l *= 10;
          for (int s = y.scale; s < x.scale; ++s) r *= 10;
          return l < r ? -1 : (l > r ? 1 : 0);
        } else {
          return x < y ? -1 : (y < x ? 1 : 0);
        }
      },
      a);
}

core::Result<MergePlan> MergePlan::Build(const transform::CompiledMapping& mapping, extract::RowSource& source,
                                   const CrosswalkStore& ids, const transform::LookupTables* lookups) {
  MergePlan plan;
  const bool keep_earliest = !mapping.merge() || mapping.merge()->keep_earliest;
  std::unordered_map<std::string, Candidate> best;
  std::vector<std::pair<int64_t, std::string>> members;  // ordinal, serialized merge key
  transform::EvalContext context;
  context.crosswalk = &ids;
  context.lookups = lookups;
  transform::RowOutcome outcome;
  core::RowBatch batch;
  while (true) {
    auto more = source.Next(batch);
    if (!more.ok()) return more.status();
    if (!*more) break;
    for (size_t r = 0; r < batch.size(); ++r) {
      const auto row = batch.Row(r);
      const auto legacy = mapping.EvaluateKey(row);
      if (!legacy) continue;
      context.council_id = ids.IdFor(mapping.name(), *legacy);
      outcome.Clear();
      mapping.Evaluate(row, context, outcome);
      if (outcome.kind != transform::OutcomeKind::kLoaded) continue;
      const auto key = mapping.EvaluateMergeKey(row);
      if (!key) continue;
      const std::string slot = SerializeKey(*key);
      Candidate candidate{mapping.EvaluateSurvivorOrder(row), batch.Ordinal(r), *legacy};
      members.emplace_back(candidate.ordinal, slot);
      auto [it, inserted] = best.try_emplace(slot, candidate);
      if (inserted) continue;
      const int cmp = CompareForSurvivorship(candidate.order, it->second.order);
      // NULL orders always lose; ties go to the row seen first.
      const bool better = keep_earliest ? cmp < 0 : (cmp > 0 && !core::IsNull(candidate.order)) ||
                                                        (core::IsNull(it->second.order) && !core::IsNull(candidate.order));
      if (better) it->second = std::move(candidate);
    }
  }
  for (const auto& [ordinal, slot] : members) {
    const Candidate& survivor = best.at(slot);
    if (survivor.ordinal != ordinal) plan.survivor_of_[ordinal] = survivor.legacy_key;
  }
  return plan;
}

std::optional<std::string> MergePlan::SurvivorOf(int64_t ordinal) const {
  const auto it = survivor_of_.find(ordinal);
  if (it == survivor_of_.end()) return std::nullopt;
  return it->second;
}

}  // namespace handover::load
