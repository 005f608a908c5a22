// MappingLoader's transactions: what a batch writes, how it commits, and
// the batch left in flight (its crosswalk entries' answer and its commit) that
// Settle completes before the loader's next statement.
#include <spdlog/spdlog.h>

#include "load/mapping_loader.h"
#include "load/run_progress.h"

namespace handover::load {
namespace {

void Accumulate(MappingCounts& into, const MappingCounts& from) {
  into.extracted += from.extracted;
  into.loaded += from.loaded;
  into.rejected += from.rejected;
  into.excluded += from.excluded;
  into.merged += from.merged;
}

}  // namespace

MappingLoader::~MappingLoader() {
  if (core::Status settled = Settle(); !settled.ok()) spdlog::warn("{}", settled.message());
}

core::Status MappingLoader::Settle() {
  if (!in_flight_) return core::Status::Ok();
  const std::string what = std::move(*in_flight_);
  in_flight_.reset();
  core::Status answered = crosswalk_.Sync();
  if (answered.ok()) return target_.Commit(what);
  target_.Rollback();
  return answered.WithContext("committing " + what);
}

core::Status MappingLoader::BeginWork(const std::string& what) {
  HANDOVER_RETURN_IF_ERROR(Settle());
  return target_.Begin(what);
}

core::Status MappingLoader::FlushCouncilRows() {
  for (auto& writer : writers_) HANDOVER_RETURN_IF_ERROR(writer->Flush());
  for (auto& writer : update_writers_)
    if (writer) HANDOVER_RETURN_IF_ERROR(writer->Flush());
  return core::Status::Ok();
}

core::Status MappingLoader::FlushWrites() {
  HANDOVER_RETURN_IF_ERROR(FlushCouncilRows());
  return crosswalk_.Flush();
}

core::Status MappingLoader::FlushAll() {
  HANDOVER_RETURN_IF_ERROR(FlushWrites());
  return ledger_.Flush();
}

void MappingLoader::DiscardAll() {
  for (auto& writer : writers_) writer->Discard();
  for (auto& writer : update_writers_)
    if (writer) writer->Discard();
  if (delta_) delta_->Discard();
  crosswalk_.Discard();
  ledger_.Discard();
  if (references_) references_->Discard();
  batch_merges_.clear();
}

core::Status MappingLoader::RecordProgress(const std::string& what, const MappingCounts& tally, bool finished) {
  // The tally joins the counts only once it is committed; the progress row
  // that says so commits with it.
  MappingCounts after = counts_;
  Accumulate(after, tally);
  for (size_t t = 0; t < writers_.size(); ++t) after.targets[t].rows = written_before_[t] + writers_[t]->written();
  core::Status recorded = WriteProgress(target_, ledger_.run_id(), after, finished);
  if (recorded.ok()) return recorded;
  target_.Rollback();
  return recorded.WithContext("recording the progress of " + what);
}

core::Status MappingLoader::Commit(const std::string& what, const MappingCounts& tally, bool finished) {
  HANDOVER_RETURN_IF_ERROR(RecordProgress(what, tally, finished));
  HANDOVER_RETURN_IF_ERROR(target_.Commit(what));
  Committed(tally);
  return core::Status::Ok();
}

core::Status MappingLoader::CommitInFlight(const std::string& what, const MappingCounts& tally) {
  HANDOVER_RETURN_IF_ERROR(RecordProgress(what, tally, /*finished=*/false));
  // The ledger's lines, then the crosswalk's entries, the largest of the
  // rows handover writes itself, last and left in flight: nothing the target
  // may refuse is left, and a failure to write them stops the run (Settle
  // reports it), as it would have here.
  core::Status sent = ledger_.Flush();
  if (sent.ok()) sent = crosswalk_.Send();
  if (!sent.ok()) {
    target_.Rollback();
    return sent.WithContext("committing " + what);
  }
  in_flight_ = what;
  Committed(tally);
  return core::Status::Ok();
}

void MappingLoader::Committed(const MappingCounts& tally) {
  crosswalk_.Committed();
  if (references_) references_->Committed();
  if (delta_) delta_->Committed();
  AddTally(tally);
}

void MappingLoader::AddTally(const MappingCounts& tally) {
  Accumulate(counts_, tally);
  for (size_t t = 0; t < writers_.size(); ++t) counts_.targets[t].rows = written_before_[t] + writers_[t]->written();
  pending_merges_.insert(pending_merges_.end(), batch_merges_.begin(), batch_merges_.end());
  batch_merges_.clear();
}

}  // namespace handover::load
