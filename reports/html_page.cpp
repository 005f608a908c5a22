#include "reports/html_page.h"

#include <cstdio>

namespace handover::reports {
namespace {

// Print-friendly and readable on a screen; system fonts only, nothing fetched.
// The verdict box, tables and yes/no marks look the same on every page.
constexpr std::string_view kSharedStyle = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem auto;max-width:72rem;
  padding:0 1rem;color:#1a1a1a;line-height:1.4}
h1{font-size:1.3rem;margin:0 0 .5rem}h2{border-bottom:2px solid #ccc;padding-bottom:.2rem;margin-top:2.2rem}
.verdict-box{border:4px solid;padding:1rem 1.5rem;border-radius:6px}
.verdict-box.go{border-color:#2e7d32;background:#eef7ee}.verdict-box.no-go{border-color:#c62828;background:#fdeeee}
.verdict{font-size:4rem;font-weight:800;margin:0;letter-spacing:.05em}
.go .verdict{color:#2e7d32}.no-go .verdict{color:#c62828}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #bbb;padding:.25rem .6rem;text-align:left}
th{background:#f0f0f0}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:700;border-top:2px solid #555}
.yes{color:#2e7d32;font-weight:700}.no{color:#c62828;font-weight:700}
caption{text-align:left;font-weight:600;padding:.2rem 0}.note{color:#555}
@media print{body{margin:0;max-width:none}section{break-inside:avoid-page}}
)";

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') || c == '\x7f') {
          char hex[8];
          std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += hex;
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string HtmlPage(std::string_view title, std::string_view style, std::string_view body) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>";
  out += HtmlEscape(title);
  out += "</title><style>";
  out += kSharedStyle;
  out += style;
  out += "</style></head><body>\n";
  out += body;
  out += "</body></html>\n";
  return out;
}

}  // namespace handover::reports
