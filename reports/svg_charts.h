// Inline SVG charts for report.html: drawn in C++ from the figures, with no
// script, font or image from anywhere else, each with a <title> a screen
// reader speaks and its numbers written out, not only drawn.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace handover::reports {

// One part of a stacked bar: what it counts ("loaded"), how many, and its
// fill colour (a CSS colour such as "#2e7d32").
struct BarSegment {
  std::string label;
  int64_t count = 0;
  std::string colour;
};

// The whole-pixel widths that share `width` among `counts` (each 0 or more)
// in proportion, by largest remainder: they sum to `width` exactly, ties
// going to the earlier count; all zero when every count is.
std::vector<int64_t> SegmentWidths(const std::vector<int64_t>& counts, int64_t width);

// An <svg> element: one bar `width` pixels wide of `segments` side by side
// (each a <rect class="segment">, in order, widths from SegmentWidths), and a
// legend below it naming each segment with its count and its percentage of
// the total. `title` (escaped here) is the chart's <title>. A bar whose
// counts are all zero is drawn as an empty outline saying "no records".
std::string StackedBarSvg(std::string_view title, const std::vector<BarSegment>& segments, int width);

// One month of a money chart: the money the source's records carry that
// the run loaded, and what the council's tables hold, in pence.
struct MonthPoint {
  std::string month;  // "2018-09"
  int64_t source = 0, target = 0;
};

// An <svg> element: two lines across `width` pixels, the source's money per
// month (dashed, grey) and the council's (solid, blue), on one scale from 0 to
// the largest month, with the first and last month and the largest amount
// written on the axes. Every month is also a <title> with both amounts, so the
// numbers are in the page, not only drawn. Fewer than one month: "no money".
std::string MonthlyMoneySvg(std::string_view title, const std::vector<MonthPoint>& months, int width);

}  // namespace handover::reports
