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

}  // namespace handover::reports
