// What `handover run` does with the runs a target already records: start a
// new run, resume one that did not finish, load only what changed since the
// last run (a delta), or see that the source is unchanged since the last run
// and leave the target alone (a run is idempotent).
#pragma once

#include <string>

#include "db/database.h"
#include "load/run_record.h"

namespace handover::load {

struct RunDecision {
  enum class Kind { kNewRun, kResume, kDelta, kUpToDate };
  Kind kind = Kind::kNewRun;
  RunRow previous;  // the run resumed, built on, or up to date
};

// Decides from the latest recorded run and this run's identity (`info`:
// mappings hash, masked source, parameters, source fingerprint; an empty
// fingerprint matches none). `delta` asks for the changes since the latest
// committed run. Fails, naming the run and what to do, when the latest run
// cannot be continued: it did not finish but the source has changed since;
// it finished and the source has changed but no delta was asked for; or a
// delta was asked for and there is no finished run of these mappings,
// parameters and source to build on.
core::Result<RunDecision> DecideRun(db::Database& target, const RunInfo& info, bool delta);

// What a rehearsal does (never kResume or kUpToDate): the delta the next
// `run --delta` would load when the latest run finished with these mappings,
// parameters and source, whatever `delta` says; otherwise a new run, into
// empty council tables. Fails as DecideRun does when `delta` has nothing to
// build on.
core::Result<RunDecision> DecideRehearsal(db::Database& target, const RunInfo& info, bool delta);

}  // namespace handover::load
