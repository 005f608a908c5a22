// What every handover HTML page shares (report.html, compare.html): the
// escaping every string goes through, and the page shell with the common
// print-friendly style. Pages are self-contained: inline CSS only, system
// fonts, nothing fetched from anywhere.
#pragma once

#include <string>
#include <string_view>

namespace handover::reports {

// `text` safe as HTML element content and as a quoted attribute value: & < >
// " ' become character references, and control bytes other than tab and
// newline are written as visible \xHH text.
std::string HtmlEscape(std::string_view text);

// A whole page: <!DOCTYPE html>, a <head> with UTF-8, the viewport, `title`
// (escaped here) and one <style> holding the shared style followed by
// `style` (the page's own CSS, written as given), then `body` (markup,
// written as given) as the <body>.
std::string HtmlPage(std::string_view title, std::string_view style, std::string_view body);

}  // namespace handover::reports
