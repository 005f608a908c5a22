// compare.html, the terminal summary and compare.csv on a comparison built
// by hand: the verdict change first, the changed figures with signed
// differences (money in pounds), exceptions by reason, the capped list of new
// exceptions, unchanged figures collapsed; hostile values escaped; tags match.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "reports/comparison_html.h"
#include "reports/rehearsal_comparison.h"
#include "tests/reports/markup_check.h"

namespace handover::reports {
namespace {

// Rehearsal 2 lost a code-set line: GO -> NO-GO, more payments rejected,
// less money loaded, a worse OC3 figure, new unmapped-code exceptions.
RehearsalComparison Worse() {
  RehearsalComparison c;
  c.before_label = "rehearsal 1 (demo/r1)";
  c.after_label = "rehearsal 2 (demo/r2)";
  c.verdict = {"GO", "NO-GO", {"payment: 1587 records rejected, more than the <limit> of 500 & more"}};
  c.figures = {{"payment", "rejected", "380", "1587"},
               {"payment", "ledger_loaded_pence", "657649925", "657648675"},
               {"person", "loaded", "1945", "1945"},
               {"", "oc3.pct_eet", "51.7", "49.0"},
               {"", "oc3.activity.F1", "", "3"},
               {"", "totals.pence_loaded", "107271660", "107271660"},
               {"", "totals.exceptions", "948", "2337"}};
  c.exceptions = {{true, "payment", "<C&1>", "unmapped_code", "value 'Weekly Allowance' is not in <payment_type>"},
                  {true, "payment", "P-2", "unmapped_code", "value 'Weekly Allowance' is not in <payment_type>"},
                  {false, "person", "C-9", "unreadable_dob", "unreadable date of birth [withheld]"}};
  c.new_by_reason = {{"payment:unmapped_code", 2}};
  c.resolved_by_reason = {{"person:unreadable_dob", 1}};
  c.still_open = 948;
  return c;
}

// The text between the first `from` and the next `to` after it ("" if absent).
std::string Between(const std::string& text, const std::string& from, const std::string& to) {
  const size_t start = text.find(from);
  if (start == std::string::npos) return "";
  const size_t end = text.find(to, start + from.size());
  return end == std::string::npos ? "" : text.substr(start, end - start + to.size());
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(RenderComparisonHtml, IsOneWellFormedSelfContainedPage) {
  const std::string html = RenderComparisonHtml(Worse(), "2026-12-01T17:00:00Z");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_EQ(testing::UnmatchedTag(html), "");
  EXPECT_NE(html.find("<title>Rehearsal comparison: GO \u2192 NO-GO</title>"), std::string::npos);
  EXPECT_FALSE(std::regex_search(html, std::regex("https?://", std::regex::icase)));
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(\b(src|href|xlink:href)\s*=)", std::regex::icase)));
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(<(script|link|img|iframe|object)\b|url\(|@import)",
                                                  std::regex::icase)));
}

TEST(RenderComparisonHtml, PutsTheVerdictChangeAndTheLaterReasonsFirst) {
  const std::string html = RenderComparisonHtml(Worse(), "2026-12-01T17:00:00Z");
  const size_t verdict =
      html.find("<p class=\"verdict\" id=\"verdict\">GO <span class=\"arrow\">\u2192</span> NO-GO</p>");
  ASSERT_NE(verdict, std::string::npos) << html;
  EXPECT_LT(verdict, html.find("<section"));
  EXPECT_NE(html.find("<header class=\"verdict-box no-go\">"), std::string::npos);
  EXPECT_NE(html.find("The verdict changed from GO to NO-GO."), std::string::npos);
  EXPECT_NE(html.find("<ul class=\"reasons\"><li>payment: 1587 records rejected, more than the &lt;limit&gt; of "
                      "500 &amp; more</li></ul>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<dt>Before</dt><dd>rehearsal 1 (demo/r1)</dd><dt>After</dt><dd>rehearsal 2 (demo/r2)</dd>"
                      "<dt>Written</dt><dd>2026-12-01T17:00:00Z</dd>"),
            std::string::npos);
}

TEST(RenderComparisonHtml, SaysWhenTheVerdictDidNotChange) {
  RehearsalComparison c = Worse();
  c.verdict = {"GO", "GO", {}};
  const std::string html = RenderComparisonHtml(c, "now");
  EXPECT_NE(html.find("<header class=\"verdict-box go\">"), std::string::npos);
  EXPECT_NE(html.find("The verdict is unchanged: GO."), std::string::npos);
  EXPECT_EQ(html.find("class=\"reasons\""), std::string::npos);
  c.verdict = {"NO-GO", "NO-GO", {}};
  EXPECT_NE(RenderComparisonHtml(c, "now").find("<li>Its report gives no reasons.</li>"), std::string::npos);
}

TEST(RenderComparisonHtml, ListsTheChangedFiguresWithSignedDifferencesAndPounds) {
  const std::string html = RenderComparisonHtml(Worse(), "now");
  const std::string changed = Between(html, "<section id=\"figures\">", "</section>");
  ASSERT_FALSE(changed.empty()) << html;
  EXPECT_NE(changed.find("<p>5 figures moved"), std::string::npos) << changed;
  EXPECT_NE(changed.find("<tr><td>payment</td><td>rejected</td><td class=\"n\">380</td><td class=\"n\">1,587</td>"
                         "<td class=\"n\">+1,207</td></tr>"),
            std::string::npos)
      << changed;
  EXPECT_NE(changed.find("<tr><td>payment</td><td>money loaded <code class=\"key\">ledger_loaded_pence</code></td>"
                         "<td class=\"n\">\u00a36,576,499.25</td><td class=\"n\">\u00a36,576,486.75</td>"
                         "<td class=\"n\">-\u00a312.50</td></tr>"),
            std::string::npos)
      << changed;
  EXPECT_NE(changed.find("<td>statutory (OC3)</td><td>in education, employment or training <code class=\"key\">"
                         "oc3.pct_eet</code></td><td class=\"n\">51.7%</td><td class=\"n\">49.0%</td>"
                         "<td class=\"n\">-2.7 points</td>"),
            std::string::npos)
      << changed;
  EXPECT_NE(changed.find("<td>ACTIV F1 <code class=\"key\">oc3.activity.F1</code></td><td class=\"n\">\u2014</td>"
                         "<td class=\"n\">3</td><td class=\"n\">new</td>"),
            std::string::npos)
      << changed;
  EXPECT_NE(changed.find("<td>all mappings</td><td>worklist lines <code class=\"key\">totals.exceptions</code></td>"
                         "<td class=\"n\">948</td><td class=\"n\">2,337</td><td class=\"n\">+1,389</td>"),
            std::string::npos)
      << changed;
  EXPECT_EQ(changed.find("<td>person</td>"), std::string::npos) << "unchanged figures are not listed as changed";

  // The unchanged ones, collapsed at the end, with their value.
  const std::string same = Between(html, "<section id=\"unchanged\">", "</section>");
  EXPECT_NE(same.find("<details><summary>2 figures are the same in both rehearsals</summary>"), std::string::npos)
      << same;
  EXPECT_NE(same.find("<tr><td>person</td><td>loaded</td><td class=\"n\">1,945</td></tr>"), std::string::npos)
      << same;
  EXPECT_NE(same.find("<td class=\"n\">\u00a31,072,716.60</td>"), std::string::npos) << same;
  EXPECT_GT(html.find("<section id=\"unchanged\">"), html.find("<section id=\"new-exceptions\">"));
}

TEST(RenderComparisonHtml, CountsExceptionsByReasonAndListsTheNewOnesEscaped) {
  const std::string html = RenderComparisonHtml(Worse(), "now");
  const std::string section = Between(html, "<section id=\"exceptions\">", "</section>");
  EXPECT_NE(section.find("<strong>2</strong> new, <strong>1</strong> resolved, <strong>948</strong> still open"),
            std::string::npos)
      << section;
  EXPECT_NE(section.find("<tr><td>payment</td><td><code>unmapped_code</code></td><td class=\"n\">2</td>"
                         "<td class=\"n\">0</td></tr>"),
            std::string::npos)
      << section;
  EXPECT_NE(section.find("<tr><td>person</td><td><code>unreadable_dob</code></td><td class=\"n\">0</td>"
                         "<td class=\"n\">1</td></tr>"),
            std::string::npos)
      << section;

  const std::string listed = Between(html, "<section id=\"new-exceptions\">", "</section>");
  EXPECT_NE(listed.find("<tr><td>payment</td><td><code>&lt;C&amp;1&gt;</code></td><td><code>unmapped_code</code>"
                        "</td><td>value &#39;Weekly Allowance&#39; is not in &lt;payment_type&gt;</td></tr>"),
            std::string::npos)
      << listed;
  EXPECT_EQ(html.find("<C&1>"), std::string::npos);
  EXPECT_EQ(Count(listed, "<tr><td>"), 2u) << "the resolved line is counted, not listed as new";
  EXPECT_EQ(listed.find("C-9"), std::string::npos);
  EXPECT_EQ(listed.find("id=\"more-exceptions\""), std::string::npos);
}

TEST(RenderComparisonHtml, CapsTheListAndSaysHowManyMoreAreInTheCsv) {
  RehearsalComparison c = Worse();
  for (int i = 0; i < 5; ++i)
    c.exceptions.push_back({true, "payment", "X-" + std::to_string(i), "orphan", "no client"});
  const std::string listed =
      Between(RenderComparisonHtml(c, "now", 3), "<section id=\"new-exceptions\">", "</section>");
  EXPECT_EQ(Count(listed, "<tr><td>"), 3u) << listed;
  EXPECT_NE(listed.find("<p id=\"more-exceptions\">The first 3 of 7 new exceptions are listed here; the other 4 are "
                        "in <code>compare-exceptions.csv</code>, beside this page.</p>"),
            std::string::npos)
      << listed;
  // The default lists up to kListedNewExceptions, so these seven all.
  EXPECT_EQ(Count(Between(RenderComparisonHtml(c, "now"), "<section id=\"new-exceptions\">", "</section>"),
                  "<tr><td>"),
            7u);
}

TEST(RenderComparisonHtml, SaysSoWhenNothingChanged) {
  RehearsalComparison c;
  c.verdict = {"GO", "GO", {}};
  c.figures = {{"person", "loaded", "1945", "1945"}};
  c.still_open = 12;
  const std::string html = RenderComparisonHtml(c, "now");
  EXPECT_EQ(testing::UnmatchedTag(html), "");
  EXPECT_NE(html.find("<p>Every figure is the same.</p>"), std::string::npos);
  EXPECT_NE(html.find("<strong>0</strong> new, <strong>0</strong> resolved, <strong>12</strong> still open"),
            std::string::npos);
  EXPECT_NE(html.find("<p>None: every line of the later worklist was in the earlier one.</p>"), std::string::npos);
}

TEST(RenderComparisonSummary, SaysTheVerdictChangeFirstWithTheReasons) {
  const std::string text = RenderComparisonSummary(Worse());
  const size_t verdict = text.find("\n  Verdict: GO -> NO-GO\n    payment: 1587 records rejected");
  ASSERT_NE(verdict, std::string::npos) << text;
  EXPECT_LT(verdict, text.find("figures that changed"));
  EXPECT_NE(text.find("    payment rejected: 380 -> 1587\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  exceptions: 2 new, 1 resolved, 948 still open\n"), std::string::npos) << text;
}

TEST(RenderComparisonCsv, HasTheVerdictRowFirst) {
  const std::string csv = RenderComparisonCsv(Worse());
  EXPECT_EQ(csv.rfind("mapping,figure,before,after,changed\n,verdict,GO,NO-GO,yes\npayment,rejected,380,1587,yes\n",
                      0),
            0u)
      << csv;
  RehearsalComparison same = Worse();
  same.verdict = {"NO-GO", "NO-GO", {}};
  EXPECT_NE(RenderComparisonCsv(same).find("\n,verdict,NO-GO,NO-GO,no\n"), std::string::npos);
}

}  // namespace
}  // namespace handover::reports
