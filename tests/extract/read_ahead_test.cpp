#include "extract/read_ahead.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

namespace handover::extract {
namespace {

// Numbered one-column rows in batches of `batch`, failing after `fail_after`
// rows when that is set; notes the threads that call Next.
class CountingSource final : public RowSource {
 public:
  CountingSource(int64_t rows, size_t batch, int64_t fail_after = -1, std::set<std::thread::id>* callers = nullptr)
      : rows_(rows), batch_(batch), fail_after_(fail_after), columns_{{"n", core::ColumnType::kInteger}},
        callers_(callers ? callers : &own_callers_) {}
  const std::vector<core::Column>& columns() const override { return columns_; }
  core::Result<bool> Next(core::RowBatch& out) override {
    callers_->insert(std::this_thread::get_id());
    out.Reset(1);
    if (fail_after_ >= 0 && next_ > fail_after_)
      return core::Status::Error(core::ErrorCode::kDatabase, "reading row " + std::to_string(next_) + " failed");
    while (out.size() < batch_ && next_ <= rows_) {
      out.AppendRow(next_)[0] = next_;
      ++next_;
    }
    return !out.empty();
  }

 private:
  int64_t rows_;
  size_t batch_;
  int64_t fail_after_;
  std::vector<core::Column> columns_;
  int64_t next_ = 1;
  std::set<std::thread::id> own_callers_;
  std::set<std::thread::id>* callers_;  // outlives the source when the test gives it
};

TEST(ReadAhead, EveryRowArrivesOnceInOrderAndTheEndStays) {
  std::set<std::thread::id> callers;
  auto rows = ReadAhead(std::make_unique<CountingSource>(12'345, 1000, -1, &callers));
  core::RowBatch batch;
  int64_t expected = 1, batches = 0;
  while (true) {
    auto more = rows->Next(batch);
    ASSERT_TRUE(more.ok()) << more.status().message();
    if (!*more) break;
    ++batches;
    for (size_t r = 0; r < batch.size(); ++r, ++expected) {
      ASSERT_EQ(batch.Ordinal(r), expected);
      ASSERT_EQ(std::get<int64_t>(batch.Row(r)[0]), expected);
    }
  }
  EXPECT_EQ(expected, 12'346);
  EXPECT_EQ(batches, 13);
  EXPECT_TRUE(batch.empty());
  auto again = rows->Next(batch);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);
  rows.reset();  // joins the thread (and destroys the inner source)
  ASSERT_EQ(callers.size(), 1u);
  EXPECT_NE(*callers.begin(), std::this_thread::get_id()) << "the source was read on the caller's thread";
}

TEST(ReadAhead, AnErrorArrivesAfterTheRowsBeforeIt) {
  auto rows = ReadAhead(std::make_unique<CountingSource>(10'000, 1000, 2500));
  core::RowBatch batch;
  int64_t seen = 0;
  core::Result<bool> more = true;
  while ((more = rows->Next(batch)).ok() && *more) seen += static_cast<int64_t>(batch.size());
  EXPECT_EQ(seen, 3000);  // three whole batches were read before row 3001 failed
  ASSERT_FALSE(more.ok());
  EXPECT_EQ(more.status().message(), "reading row 3001 failed");
  EXPECT_FALSE(rows->Next(batch).ok()) << "the error stays the answer";
}

TEST(ReadAhead, DestroyingItMidStreamStopsTheThread) {
  for (int i = 0; i < 50; ++i) {
    auto rows = ReadAhead(std::make_unique<CountingSource>(1'000'000, 100));
    core::RowBatch batch;
    ASSERT_TRUE(*rows->Next(batch));
    EXPECT_EQ(batch.Ordinal(0), 1);
  }  // each destructor must return: a hang here fails the test by timeout
}

}  // namespace
}  // namespace handover::extract
