// What `handover run` does with the runs a target already records: start a
// new run, resume one that did not finish, or see that the source is unchanged
// since the last run and leave the target alone (a run is idempotent).
#pragma once

#include <string>

#include "db/database.h"
#include "load/run_record.h"

namespace handover::load {

struct RunDecision {
  enum class Kind { kNewRun, kResume, kUpToDate };
  Kind kind = Kind::kNewRun;
  RunRow previous;  // the run resumed, or the one that is up to date
};

// Decides from the latest recorded run and this run's identity (`info`:
// mappings hash, masked source, parameters, source fingerprint). Fails, naming
// the run, when the latest run cannot be continued: it did not finish but the
// source has changed since, or it finished and the source has changed.
core::Result<RunDecision> DecideRun(db::Database& target, const RunInfo& info);

}  // namespace handover::load
