#include "load/run_decision.h"

namespace handover::load {

core::Result<RunDecision> DecideRun(db::Database& target, const RunInfo& info) {
  RunDecision decision;
  auto runs = ListRuns(target);
  if (!runs.ok()) return runs.status();
  if (runs->empty()) return decision;
  const RunRow& last = runs->back();
  const bool same_run = last.kind == "run" && last.mappings_hash == info.mappings_hash &&
                        last.source == info.source && last.parameters == info.parameters;
  if (!same_run) return decision;  // a new run: the council tables must be empty
  decision.previous = last;
  const bool same_data = !last.source_fingerprint.empty() && last.source_fingerprint == info.source_fingerprint;
  const std::string name = "run " + std::to_string(last.run_id);
  if (!same_data) {
    const std::string what = last.unfinished() ? name + " " + last.State() + " and the source has changed since it started"
                                               : "the source has changed since " + name + " migrated it";
    return core::Status::Error(core::ErrorCode::kConfig,
                               what + " (fingerprint " + last.source_fingerprint + ", now " + info.source_fingerprint +
                                   "); loading only what changed is not available yet: run into an empty target");
  }
  decision.kind = last.unfinished() ? RunDecision::Kind::kResume : RunDecision::Kind::kUpToDate;
  return decision;
}

}  // namespace handover::load
