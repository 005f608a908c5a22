#include "load/run_decision.h"

namespace handover::load {
namespace {

// What differs between the run recorded and the one asked for, or "".
std::string Difference(const RunRow& last, const RunInfo& info) {
  const std::string name = "run " + std::to_string(last.run_id);
  if (last.kind != "run") return name + " was a " + last.kind;
  if (last.mappings_hash != info.mappings_hash) return "the mappings have changed since " + name;
  if (last.parameters != info.parameters) return name + " had other parameters (" + last.parameters + ")";
  if (last.source != info.source) return name + " read another source (" + last.source + ")";
  return "";
}

// The latest run, when this one can build on it (same mappings, parameters
// and source); nullptr for a new run. Fails when `delta` is asked for and
// there is nothing to build on.
core::Result<const RunRow*> RunToBuildOn(db::Database& target, const std::vector<RunRow>& runs, const RunInfo& info,
                                         bool delta) {
  if (runs.empty()) {
    if (!delta) return static_cast<const RunRow*>(nullptr);
    return core::Status::Error(core::ErrorCode::kConfig,
                               "--delta loads what changed since a committed run, and " + target.url().Masked() +
                                   " records none; run without --delta first");
  }
  const RunRow& last = runs.back();
  const std::string differs = Difference(last, info);
  if (differs.empty()) return &last;
  if (!delta) return static_cast<const RunRow*>(nullptr);  // a new run: the council tables must be empty
  const std::string name = "run " + std::to_string(last.run_id);
  return core::Status::Error(core::ErrorCode::kConfig,
                             "--delta loads what changed in the source since " + name + ", but " + differs +
                                 "; give it " + name + "'s mappings, parameters and source, or run into an empty "
                                 "target");
}

}  // namespace

core::Result<RunDecision> DecideRehearsal(db::Database& target, const RunInfo& info, bool delta) {
  RunDecision decision;
  auto runs = ListRuns(target);
  if (!runs.ok()) return runs.status();
  auto base = RunToBuildOn(target, *runs, info, delta);
  if (!base.ok()) return base.status();
  // An unfinished run is not built on: the emptiness check names it.
  if (*base == nullptr || (*base)->unfinished()) return decision;
  decision.previous = **base;
  decision.kind = RunDecision::Kind::kDelta;
  return decision;
}

core::Result<RunDecision> DecideRun(db::Database& target, const RunInfo& info, bool delta) {
  RunDecision decision;
  auto runs = ListRuns(target);
  if (!runs.ok()) return runs.status();
  auto base = RunToBuildOn(target, *runs, info, delta);
  if (!base.ok()) return base.status();
  if (*base == nullptr) return decision;
  const RunRow& last = **base;
  const std::string name = "run " + std::to_string(last.run_id);
  decision.previous = last;
  const bool same_data = !last.source_fingerprint.empty() && last.source_fingerprint == info.source_fingerprint;
  if (last.unfinished()) {
    if (same_data) {
      decision.kind = RunDecision::Kind::kResume;
      return decision;
    }
    return core::Status::Error(core::ErrorCode::kConfig,
                               name + " " + last.State() + " and the source has changed since it started (fingerprint " +
                                   last.source_fingerprint + ", now " + info.source_fingerprint +
                                   "): it cannot be resumed; restore the source it read and run again to finish it");
  }
  if (same_data) {
    decision.kind = RunDecision::Kind::kUpToDate;
    return decision;
  }
  if (!delta)
    return core::Status::Error(core::ErrorCode::kConfig,
                               "the source has changed since " + name + " migrated it (fingerprint " +
                                   last.source_fingerprint + ", now " + info.source_fingerprint +
                                   "); add --delta to load only what changed, or run into an empty target");
  decision.kind = RunDecision::Kind::kDelta;
  return decision;
}

}  // namespace handover::load
