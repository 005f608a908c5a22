#include "extract/read_ahead.h"

#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>

namespace handover::extract {
namespace {

class ReadAheadSource final : public RowSource {
 public:
  explicit ReadAheadSource(std::unique_ptr<RowSource> inner)
      : inner_(std::move(inner)), thread_([this] { Read(); }) {}

  ~ReadAheadSource() override {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  const std::vector<core::Column>& columns() const override { return inner_->columns(); }

  core::Result<bool> Next(core::RowBatch& batch) override {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return full_; });
    if (!result_.ok() || !*result_) {
      batch.Clear();
      return result_;  // the end, or the error, stays the answer from now on
    }
    std::swap(batch, ready_);  // the caller's spent batch goes back to be refilled
    full_ = false;
    lock.unlock();
    changed_.notify_all();
    return true;
  }

 private:
  // The thread: fills a batch while the caller works on the one before.
  void Read() {
    core::RowBatch reading;
    while (true) {
      core::Result<bool> more = inner_->Next(reading);
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return !full_ || stopping_; });
      if (stopping_) return;
      result_ = std::move(more);
      const bool last = !result_.ok() || !*result_;
      if (!last) std::swap(reading, ready_);
      full_ = true;
      lock.unlock();
      changed_.notify_all();
      if (last) return;
    }
  }

  std::unique_ptr<RowSource> inner_;
  std::mutex mutex_;
  std::condition_variable changed_;
  core::RowBatch ready_;           // a batch read and not yet taken, when full_
  core::Result<bool> result_ = false;
  bool full_ = false;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once everything above is constructed
};

}  // namespace

std::unique_ptr<RowSource> ReadAhead(std::unique_ptr<RowSource> inner) {
  return std::make_unique<ReadAheadSource>(std::move(inner));
}

}  // namespace handover::extract
