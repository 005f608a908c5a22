// The profile's bounded counters: the distinct-count sketch within its
// stated error, and the frequent values exact while few, bounded after.
#include <gtest/gtest.h>

#include <string>

#include "profile/sketches.h"

namespace handover::profile {
namespace {

TEST(DistinctSketch, SmallCountsAreExactOrNearly) {
  DistinctSketch sketch;
  for (int i = 0; i < 100; ++i) sketch.Add("LC" + std::to_string(i % 37));
  EXPECT_EQ(sketch.Estimate(), 37);
}

TEST(DistinctSketch, LargeCountsAreWithinThreePercent) {
  for (int n : {20000, 250000}) {
    DistinctSketch sketch;
    for (int i = 0; i < n; ++i) {
      sketch.Add("value " + std::to_string(i));
      sketch.Add("value " + std::to_string(i / 2));  // repeats change nothing
    }
    EXPECT_NEAR(double(sketch.Estimate()), double(n), 0.03 * n) << n;
  }
}

TEST(FrequentValues, ExactWhileTheValuesFit) {
  FrequentValues top(8);
  for (int i = 0; i < 70; ++i) top.Add(i % 7 == 0 ? "Rent" : i % 2 ? "WA" : "SP");
  EXPECT_TRUE(top.exact());
  EXPECT_EQ(top.held(), 3u);
  const auto values = top.Top(10);
  ASSERT_EQ(values.size(), 3u);
  EXPECT_EQ(values[0].value, "SP");  // a tie: by value
  EXPECT_EQ(values[0].count, 30);
  EXPECT_EQ(values[1].value, "WA");
  EXPECT_EQ(values[1].count, 30);
  EXPECT_EQ(values[2].value, "Rent");
  EXPECT_EQ(values[2].count, 10);
}

TEST(FrequentValues, KeepsTheHeavyValuesOfALongTailWithinTheErrorBound) {
  FrequentValues top(16);
  int64_t heavy = 0;
  for (int i = 0; i < 100000; ++i) {
    if (i % 4 == 0) {
      top.Add("heavy");
      ++heavy;
    } else {
      top.Add("tail " + std::to_string(i));
    }
  }
  EXPECT_FALSE(top.exact());
  EXPECT_LE(top.held(), 16u);
  const auto values = top.Top(1);
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0].value, "heavy");
  EXPECT_LE(values[0].count, heavy);
  EXPECT_GE(values[0].count, heavy - top.max_error());
}

TEST(FrequentValues, ClipsLongValues) {
  FrequentValues top(4, 5);
  top.Add("abcdefgh");
  top.Add("abcdexyz");
  ASSERT_EQ(top.Top(1).size(), 1u);
  EXPECT_EQ(top.Top(1)[0].value, "abcde");
  EXPECT_EQ(top.Top(1)[0].count, 2);
}

}  // namespace
}  // namespace handover::profile
