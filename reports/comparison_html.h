// compare.html: the page the weekly migration board reads, what changed
// between two rehearsals. Self-contained like report.html (html_page.h:
// inline CSS, no script, font, image or link); every string escaped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "reports/rehearsal_comparison.h"

namespace handover::reports {

// How many new exceptions compare.html lists line by line; the rest are
// counted and left to compare-exceptions.csv.
inline constexpr size_t kListedNewExceptions = 500;

// The page for `comparison`, in this order: the verdict change (GO -> NO-GO)
// with the later rehearsal's reasons and both rehearsals' labels; the figures
// that changed (before, after and the signed difference, money in pounds);
// the exceptions new and resolved by reason with the still-open count; the
// first `listed` new exceptions, saying how many more compare-exceptions.csv
// holds; the unchanged figures, collapsed. `written_at` is shown as the time
// the page was written.
std::string RenderComparisonHtml(const RehearsalComparison& comparison, std::string_view written_at,
                                 size_t listed = kListedNewExceptions);

}  // namespace handover::reports
