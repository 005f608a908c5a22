#include "reports/svg_charts.h"

#include <algorithm>
#include <numeric>

#include "reports/html_page.h"
#include "reports/money_text.h"

namespace handover::reports {

std::vector<int64_t> SegmentWidths(const std::vector<int64_t>& counts, int64_t width) {
  std::vector<int64_t> widths(counts.size(), 0);
  const __int128 total = std::accumulate(counts.begin(), counts.end(), __int128{0});
  if (total <= 0) return widths;
  // Integer shares first, then the pixels left over to the largest remainders,
  // so the bar is exactly `width` wide whatever the counts.
  std::vector<__int128> remainders(counts.size());
  int64_t used = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    const __int128 scaled = static_cast<__int128>(counts[i]) * width;
    widths[i] = static_cast<int64_t>(scaled / total);
    remainders[i] = scaled % total;
    used += widths[i];
  }
  std::vector<size_t> order(counts.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
  for (size_t k = 0; used < width && k < order.size(); ++k, ++used) ++widths[order[k]];
  return widths;
}

std::string StackedBarSvg(std::string_view title, const std::vector<BarSegment>& segments, int width) {
  constexpr int kBarHeight = 28, kLegendRow = 20, kGap = 10;
  std::vector<int64_t> counts;
  for (const BarSegment& s : segments) counts.push_back(s.count);
  const int64_t total = std::accumulate(counts.begin(), counts.end(), int64_t{0});
  const std::vector<int64_t> widths = SegmentWidths(counts, width);
  const int height = kBarHeight + kGap + kLegendRow * static_cast<int>(segments.size());
  const std::string w = std::to_string(width), h = std::to_string(height);

  std::string svg = "<svg class=\"bar\" role=\"img\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w +
                    " " + h + "\"><title>" + HtmlEscape(title) + "</title>";
  if (total <= 0) {
    svg += "<rect class=\"empty\" x=\"0.5\" y=\"0.5\" width=\"" + std::to_string(width - 1) + "\" height=\"" +
           std::to_string(kBarHeight - 1) + "\" fill=\"none\" stroke=\"#757575\"/>"
           "<text x=\"8\" y=\"19\">no records</text>";
  }
  int64_t x = 0;
  for (size_t i = 0; total > 0 && i < segments.size(); ++i) {
    svg += "<rect class=\"segment\" x=\"" + std::to_string(x) + "\" y=\"0\" width=\"" + std::to_string(widths[i]) +
           "\" height=\"" + std::to_string(kBarHeight) + "\" fill=\"" + HtmlEscape(segments[i].colour) + "\"><title>" +
           HtmlEscape(segments[i].label) + ": " + Grouped(segments[i].count) + "</title></rect>";
    x += widths[i];
  }
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string y = std::to_string(kBarHeight + kGap + kLegendRow * static_cast<int>(i));
    const std::string baseline = std::to_string(kBarHeight + kGap + kLegendRow * static_cast<int>(i) + 12);
    svg += "<rect class=\"key\" x=\"0\" y=\"" + y + "\" width=\"14\" height=\"14\" fill=\"" +
           HtmlEscape(segments[i].colour) + "\"/><text x=\"22\" y=\"" + baseline + "\">" +
           HtmlEscape(segments[i].label) + ": " + Grouped(segments[i].count) + " (" +
           PercentOf(segments[i].count, total) + "%)</text>";
  }
  return svg + "</svg>";
}

std::string MonthlyMoneySvg(std::string_view title, const std::vector<MonthPoint>& months, int width) {
  constexpr int kPlotHeight = 160, kTop = 18, kAxis = 22;
  const int height = kTop + kPlotHeight + kAxis;
  const std::string w = std::to_string(width), h = std::to_string(height);
  std::string svg = "<svg class=\"months\" role=\"img\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " +
                    w + " " + h + "\"><title>" + HtmlEscape(title) + "</title>";
  if (months.empty()) return svg + "<text x=\"8\" y=\"30\">no money</text></svg>";
  int64_t top = 1;
  for (const MonthPoint& m : months) top = std::max({top, m.source, m.target});
  const auto x = [&](size_t i) {
    return months.size() == 1 ? width / 2 : static_cast<int>(i * static_cast<size_t>(width - 1) / (months.size() - 1));
  };
  // Heights in whole pixels from integers: no floating point between pence and the drawing.
  const auto y = [&](int64_t pence) {
    const int64_t clamped = std::max<int64_t>(0, pence);
    return kTop + kPlotHeight - static_cast<int>(clamped * kPlotHeight / top);
  };
  const auto line = [&](bool source) {
    std::string points;
    for (size_t i = 0; i < months.size(); ++i)
      points += (i ? " " : "") + std::to_string(x(i)) + "," + std::to_string(y(source ? months[i].source : months[i].target));
    return points;
  };
  svg += "<line x1=\"0\" y1=\"" + std::to_string(kTop + kPlotHeight) + "\" x2=\"" + w + "\" y2=\"" +
         std::to_string(kTop + kPlotHeight) + "\" stroke=\"#757575\"/>";
  svg += "<polyline class=\"source\" fill=\"none\" stroke=\"#757575\" stroke-width=\"3\" stroke-dasharray=\"6 4\" "
         "points=\"" + line(true) + "\"/>";
  svg += "<polyline class=\"target\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\"" + line(false) +
         "\"/>";
  for (size_t i = 0; i < months.size(); ++i)
    svg += "<circle cx=\"" + std::to_string(x(i)) + "\" cy=\"" + std::to_string(y(months[i].target)) +
           "\" r=\"2\" fill=\"#1565c0\"><title>" + HtmlEscape(months[i].month) + ": source " +
           Pounds(months[i].source) + ", council " + Pounds(months[i].target) + "</title></circle>";
  svg += "<text x=\"2\" y=\"12\">" + Pounds(top) + "</text><text x=\"2\" y=\"" + std::to_string(height - 6) + "\">" +
         HtmlEscape(months.front().month) + "</text><text x=\"" + std::to_string(width - 2) + "\" y=\"" +
         std::to_string(height - 6) + "\" text-anchor=\"end\">" + HtmlEscape(months.back().month) + "</text>";
  return svg + "</svg>";
}

}  // namespace handover::reports
