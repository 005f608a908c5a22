// The stacked bar of report.html: widths that fill the bar exactly, matching
// tags, a legend with every number.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

#include "reports/svg_charts.h"
#include "tests/reports/markup_check.h"

namespace handover::reports {
namespace {

int64_t Sum(const std::vector<int64_t>& v) { return std::accumulate(v.begin(), v.end(), int64_t{0}); }

TEST(SegmentWidths, ShareTheWidthInProportionAndSumToItExactly) {
  EXPECT_EQ(SegmentWidths({1, 1, 1}, 100), (std::vector<int64_t>{34, 33, 33}));
  EXPECT_EQ(SegmentWidths({1945, 12, 43, 68}, 600), (std::vector<int64_t>{564, 4, 12, 20}));
  EXPECT_EQ(SegmentWidths({0, 5, 0}, 600), (std::vector<int64_t>{0, 600, 0}));
  EXPECT_EQ(SegmentWidths({0, 0}, 600), (std::vector<int64_t>{0, 0}));
  EXPECT_EQ(SegmentWidths({}, 600), std::vector<int64_t>{});
  for (const std::vector<int64_t>& counts :
       std::vector<std::vector<int64_t>>{{1, 999999, 1, 1}, {7, 7, 7, 7}, {2784, 31, 19, 0}, {1, 2, 3, 4, 5, 6, 7}})
    EXPECT_EQ(Sum(SegmentWidths(counts, 600)), 600) << ::testing::PrintToString(counts);
  const int64_t huge = std::numeric_limits<int64_t>::max() / 2;
  EXPECT_EQ(SegmentWidths({huge, huge}, 600), (std::vector<int64_t>{300, 300}));
}

TEST(StackedBarSvg, DrawsOneRectPerSegmentAndALegendWithTheNumbers) {
  const std::string svg = StackedBarSvg("person: 2,068 source rows",
                                        {{"loaded", 1945, "#2e7d32"},
                                         {"rejected", 12, "#c62828"},
                                         {"excluded", 43, "#757575"},
                                         {"merged", 68, "#1565c0"}},
                                        600);
  EXPECT_EQ(testing::UnmatchedTag(svg), "") << svg;
  EXPECT_EQ(svg.rfind("<svg class=\"bar\" role=\"img\" width=\"600\" height=\"118\" viewBox=\"0 0 600 118\">"
                      "<title>person: 2,068 source rows</title>",
                      0),
            0u)
      << svg;
  EXPECT_EQ(testing::SumOfSegmentWidths(svg), 600);
  // Side by side, in order.
  EXPECT_NE(svg.find("<rect class=\"segment\" x=\"0\" y=\"0\" width=\"564\" height=\"28\" fill=\"#2e7d32\">"
                     "<title>loaded: 1,945</title></rect>"
                     "<rect class=\"segment\" x=\"564\" y=\"0\" width=\"4\""),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("<rect class=\"segment\" x=\"580\" y=\"0\" width=\"20\""), std::string::npos) << svg;
  EXPECT_NE(svg.find(">loaded: 1,945 (94.1%)</text>"), std::string::npos);
  EXPECT_NE(svg.find(">rejected: 12 (0.6%)</text>"), std::string::npos);
  EXPECT_NE(svg.find(">excluded: 43 (2.1%)</text>"), std::string::npos);
  EXPECT_NE(svg.find(">merged: 68 (3.3%)</text>"), std::string::npos);
}

TEST(StackedBarSvg, DrawsAnEmptyBarForNoRecordsAndEscapesText) {
  const std::string svg = StackedBarSvg("<t>", {{"a&b", 0, "\"red\""}}, 300);
  EXPECT_EQ(testing::UnmatchedTag(svg), "") << svg;
  EXPECT_EQ(svg.find("class=\"segment\""), std::string::npos);
  EXPECT_NE(svg.find("no records"), std::string::npos);
  EXPECT_NE(svg.find("<title>&lt;t&gt;</title>"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">a&amp;b: 0 (0.0%)</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find("fill=\"&quot;red&quot;\""), std::string::npos) << svg;
}

TEST(MonthlyMoneySvg, DrawsBothLinesOnOneScaleWithEveryMonthsAmounts) {
  const std::string svg =
      MonthlyMoneySvg("pay <by> month", {{"2018-07", 10000, 10000}, {"2018-08", 20000, 15000}, {"2018-09", 0, 0}}, 300);
  EXPECT_EQ(testing::UnmatchedTag(svg), "");
  EXPECT_NE(svg.find("<title>pay &lt;by&gt; month</title>"), std::string::npos);
  EXPECT_NE(svg.find("<title>2018-08: source \u00a3200.00, council \u00a3150.00</title>"), std::string::npos) << svg;
  // 160 pixels for the largest month (20,000p): the council's 15,000p is 120 up from the axis at y=178.
  EXPECT_NE(svg.find("class=\"source\" fill=\"none\" stroke=\"#757575\" stroke-width=\"3\" stroke-dasharray=\"6 4\" "
                     "points=\"0,98 149,18 299,178\""),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("class=\"target\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\"0,98 149,58 299,178\""),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find(">\u00a3200.00</text>"), std::string::npos) << "the scale's top is written";
  EXPECT_NE(MonthlyMoneySvg("none", {}, 300).find("no money"), std::string::npos);
}

}  // namespace
}  // namespace handover::reports
