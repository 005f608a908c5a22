// report.html on hand-built reconciliations: the verdict first, a mapping's
// figures, the money equation in pounds, exceptions by reason, OC3, scope;
// hostile values escaped; a page that is self-contained and whose tags match.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "reports/html_renderer.h"
#include "tests/reports/markup_check.h"

namespace handover::reports {
namespace {

// A balanced rehearsal: payments with money, people without, and OC3.
Reconciliation Figures() {
  Reconciliation r;
  r.run_id = 7;
  r.source = "sqlite:/data/provider.db";
  r.target = "postgresql://handover:***@db.council.example/care";
  r.mappings_hash = "3f2a9c";
  MappingFigures payment;
  payment.mapping = "payment";
  payment.source_table = "payments";
  payment.source_rows = 19332;
  payment.ledger.loaded = 18473;
  payment.ledger.rejected = 360;
  payment.ledger.excluded = 499;
  payment.ledger.by_reason = {{"rejected:orphan", 300}, {"rejected:unreadable_amount", 60},
                              {"excluded:soft_deleted", 499}};
  payment.has_money = true;
  payment.ledger_loaded_pence = 657649925;
  payment.ledger.pence_by_outcome = {{"loaded", 657649925}, {"rejected", -1250}, {"excluded", 100000},
                                     {"merged", 5}};
  payment.ledger.pence_by_reason = {{"rejected:orphan", -1250}, {"rejected:unreadable_amount", 0},
                                    {"excluded:soft_deleted", 100000}};
  payment.ledger.records_without_amount = 41;
  payment.targets = {{"payment", 18473, 18473, 0, 0, "amount_pence", 657649925}};
  r.mappings.push_back(payment);
  MappingFigures person;
  person.mapping = "person";
  person.source_table = "client";
  person.source_rows = 2068;
  person.ledger.loaded = 1945;
  person.ledger.rejected = 12;
  person.ledger.excluded = 43;
  person.ledger.merged = 68;
  person.ledger.by_reason = {{"rejected:unreadable_dob", 12}, {"excluded:test_record", 43}, {"merged:duplicate", 68}};
  r.mappings.push_back(person);
  r.exception_count = 1234;
  r.source_tables_read = {"client", "payments"};
  r.source_tables_ignored = {"code_lookup"};
  r.source_tables_not_read = {"case_notes"};
  Oc3Figures oc3;
  oc3.at = *core::Date::ParseIso("2018-10-01");
  oc3.cohort = 678;
  oc3.in_touch_yes = 492;
  oc3.in_eet = 353;
  oc3.in_suitable = 541;
  oc3.in_touch = {{"YES", 492}, {"NO", 100}, {"none", 86}};
  oc3.activity = {{"F1", 353}, {"G4", 325}};
  oc3.accommodation = {{"B1", 541}, {"B2", 137}};
  r.oc3 = oc3;
  r.verdict.go = true;
  return r;
}

// The text between the first `from` and the next `to` after it ("" if absent).
std::string Between(const std::string& text, const std::string& from, const std::string& to) {
  const size_t start = text.find(from);
  if (start == std::string::npos) return "";
  const size_t end = text.find(to, start + from.size());
  return end == std::string::npos ? "" : text.substr(start, end - start + to.size());
}

TEST(RenderHtml, PutsTheGoVerdictAndTheRunFirst) {
  const std::string html = RenderHtml(Figures(), "2026-12-01T15:51:40Z");
  const size_t verdict = html.find("<p class=\"verdict\" id=\"verdict\">GO</p>");
  ASSERT_NE(verdict, std::string::npos) << html;
  EXPECT_LT(verdict, html.find("id=\"ledger\""));
  EXPECT_EQ(html.find("NO-GO"), std::string::npos);
  EXPECT_NE(html.find("<title>Rehearsal 7: GO</title>"), std::string::npos);
  EXPECT_NE(html.find("<dt>Run id</dt><dd>7</dd><dt>Kind</dt><dd>rehearsal, rolled back (the target is as it was)"
                      "</dd><dt>Source</dt><dd>sqlite:/data/provider.db</dd><dt>Target</dt>"
                      "<dd>postgresql://handover:***@db.council.example/care</dd><dt>Mappings hash</dt><dd>3f2a9c</dd>"
                      "<dt>Written</dt><dd>2026-12-01T15:51:40Z</dd>"),
            std::string::npos)
      << html;
}

TEST(RenderHtml, ANoGoVerdictListsEveryReason) {
  Reconciliation r = Figures();
  r.run_kind = "run";
  r.verdict.go = false;
  r.verdict.reasons = {"payment: 401 records rejected, more than the 400 allowed",
                       "person: source table client has 2068 rows but the ledger accounts for 2067"};
  const std::string html = RenderHtml(r, "t");
  EXPECT_NE(html.find("<p class=\"verdict\" id=\"verdict\">NO-GO</p>"), std::string::npos) << html;
  EXPECT_NE(html.find("<ul class=\"reasons\"><li>payment: 401 records rejected, more than the 400 allowed</li>"
                      "<li>person: source table client has 2068 rows but the ledger accounts for 2067</li></ul>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<dd>run, committed</dd>"), std::string::npos);
  EXPECT_EQ(html.find(">GO<"), std::string::npos);
}

TEST(RenderHtml, ShowsEachMappingsLedgerRowAndTotals) {
  Reconciliation r = Figures();
  r.mappings[1].differences = {"target table person holds 1944 rows but 1945 were written"};
  const std::string html = RenderHtml(r, "t");
  EXPECT_NE(html.find("<tr><td>person</td><td>client</td><td class=\"n\">2,068</td><td class=\"n\">1,945</td>"
                      "<td class=\"n\">12</td><td class=\"n\">43</td><td class=\"n\">68</td>"
                      "<td><span class=\"no\">no</span></td></tr>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<tr><td>payment</td><td>payments</td><td class=\"n\">19,332</td><td class=\"n\">18,473</td>"
                      "<td class=\"n\">360</td><td class=\"n\">499</td><td class=\"n\">0</td>"
                      "<td><span class=\"yes\">yes</span></td></tr>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<tr class=\"total\"><td>all mappings</td><td></td><td class=\"n\">21,400</td>"
                      "<td class=\"n\">20,418</td><td class=\"n\">372</td><td class=\"n\">542</td>"
                      "<td class=\"n\">68</td>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<li>target table person holds 1944 rows but 1945 were written</li>"), std::string::npos);
  // One chart per mapping, its numbers written out.
  EXPECT_NE(html.find("<title>person (client): 2,068 source rows; 1,945 loaded, 12 rejected, 43 excluded, "
                      "68 merged</title>"),
            std::string::npos);
  EXPECT_NE(html.find(">loaded: 1,945 (94.1%)</text>"), std::string::npos) << html;
  EXPECT_NE(html.find(">merged: 68 (3.3%)</text>"), std::string::npos) << html;
}

TEST(RenderHtml, WritesTheMoneyEquationInPoundsAndThePenceByReason) {
  const std::string html = RenderHtml(Figures(), "t");
  EXPECT_NE(html.find("<p class=\"equation\"><strong>£6,577,486.80</strong> in the source = £6,576,499.25 loaded + "
                      "-£12.50 rejected + £1,000.00 excluded + £0.05 merged</p>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<tr><td>rejected</td><td><code>orphan</code></td><td class=\"n\">300</td>"
                      "<td class=\"n\">-£12.50</td><td class=\"n\">-1,250</td></tr>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("41 records have no readable amount"), std::string::npos);
  EXPECT_NE(html.find("holds £6,576,499.25 in <code>amount_pence</code> (summed on the target); the ledger says "
                      "£6,576,499.25 was loaded: <span class=\"yes\">they agree</span>"),
            std::string::npos)
      << html;
  // People carry no money: no equation for them.
  EXPECT_EQ(Between(html, "id=\"money\"", "</section>").find("person"), std::string::npos);
}

TEST(RenderHtml, SaysWhenTheCouncilsMoneyDiffers) {
  Reconciliation r = Figures();
  r.mappings[0].targets[0].pence_in_target = 657649924;
  EXPECT_NE(RenderHtml(r, "t").find("holds £6,576,499.24 in <code>amount_pence</code> (summed on the target); the "
                                    "ledger says £6,576,499.25 was loaded: <span class=\"no\">they differ</span>"),
            std::string::npos);
}

TEST(RenderHtml, CountsExceptionsByReasonWithTheirMeaning) {
  const std::string html = RenderHtml(Figures(), "t");
  const std::string section = Between(html, "id=\"exceptions\"", "</section>");
  EXPECT_NE(section.find("<tr><td>payment</td><td>rejected</td><td><code>orphan</code></td><td class=\"n\">300</td>"
                         "</tr>"),
            std::string::npos)
      << section;
  EXPECT_NE(section.find("<tr><td>person</td><td>merged</td><td><code>duplicate</code></td><td class=\"n\">68</td>"),
            std::string::npos)
      << section;
  EXPECT_NE(section.find("<tr class=\"total\"><td>all</td><td></td><td></td><td class=\"n\">982</td></tr>"),
            std::string::npos)
      << section;
  // Each code's meaning once: the engine's in plain English, the mapping
  // set's own together, explained by their rules in the worklist.
  EXPECT_NE(section.find("<dt><code>orphan</code></dt><dd>It cites a record the source does not have"),
            std::string::npos)
      << section;
  EXPECT_NE(section.find("<dt><code>duplicate</code></dt><dd>It was merged into another record of the same person"),
            std::string::npos)
      << section;
  EXPECT_NE(section.find("<dt><code>soft_deleted</code>, <code>test_record</code>, <code>unreadable_amount</code>, "
                         "<code>unreadable_dob</code></dt><dd>Rules of the mapping set"),
            std::string::npos)
      << section;
  EXPECT_EQ(section.find("<dt><code>orphan</code>", section.find("<dt><code>orphan</code>") + 1), std::string::npos);
  EXPECT_NE(section.find("The worklist has <strong>1,234</strong> lines"), std::string::npos);
  EXPECT_NE(section.find("<code>exceptions.csv</code>"), std::string::npos);
}

TEST(RenderHtml, ShowsTheOc3FiguresAndTheCountsByCode) {
  const std::string html = RenderHtml(Figures(), "t");
  const std::string section = Between(html, "id=\"oc3\"", "</section>");
  EXPECT_NE(section.find("At 2018-10-01, from the migrated data"), std::string::npos) << section;
  EXPECT_NE(section.find("<tr><td>cohort</td><td class=\"n\">678</td>"), std::string::npos) << section;
  EXPECT_NE(section.find("<tr><td>in touch</td><td class=\"n\">492</td><td class=\"n\">72.6%</td></tr>"),
            std::string::npos)
      << section;
  EXPECT_NE(section.find("<td class=\"n\">353</td><td class=\"n\">52.1%</td>"), std::string::npos) << section;
  EXPECT_NE(section.find("<td class=\"n\">541</td><td class=\"n\">79.8%</td>"), std::string::npos) << section;
  EXPECT_NE(section.find("<tr><td><code>none</code></td><td class=\"n\">86</td></tr>"), std::string::npos);
  EXPECT_NE(section.find("<tr><td><code>G4</code></td><td class=\"n\">325</td></tr>"), std::string::npos);
  EXPECT_NE(section.find("<tr><td><code>B2</code></td><td class=\"n\">137</td></tr>"), std::string::npos);

  Reconciliation without = Figures();
  without.oc3.reset();
  const std::string none = Between(RenderHtml(without, "t"), "id=\"oc3\"", "</section>");
  EXPECT_NE(none.find("Not computed"), std::string::npos);
  EXPECT_EQ(none.find("cohort"), std::string::npos);
}

TEST(RenderHtml, ListsTheScopeAndKeepsTheSectionsInOrder) {
  const std::string html = RenderHtml(Figures(), "t");
  EXPECT_NE(html.find("<th>read and migrated (2 of 4)</th><td>client, payments</td>"), std::string::npos);
  EXPECT_NE(html.find("(1)</th><td>code_lookup</td>"), std::string::npos);
  EXPECT_NE(html.find("not read by any mapping, so not migrated (1)</th><td>case_notes</td>"), std::string::npos);
  size_t last = 0;
  for (const char* id : {"id=\"verdict\"", "id=\"ledger\"", "id=\"money\"", "id=\"exceptions\"", "id=\"oc3\"",
                         "id=\"scope\""}) {
    const size_t at = html.find(id);
    ASSERT_NE(at, std::string::npos) << id;
    EXPECT_GT(at, last) << id;
    last = at;
  }
}

TEST(HtmlEscape, EscapesTheFiveCharactersAndControlBytes) {
  EXPECT_EQ(HtmlEscape("plain text, £5"), "plain text, £5");
  EXPECT_EQ(HtmlEscape("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
  EXPECT_EQ(HtmlEscape("&amp;"), "&amp;amp;");  // never trusted as already escaped
  EXPECT_EQ(HtmlEscape(std::string("a\0b\x1b\tc\n", 7)), "a\\x00b\\x1b\tc\n");
}

TEST(RenderHtml, EscapesHostileValuesEverywhere) {
  Reconciliation r = Figures();
  const std::string hostile = "<script>alert('pwned')</script>";
  r.source = "sqlite:/tmp/\"><script>x()</script>";
  r.mappings_hash = hostile;
  r.mappings[0].mapping = hostile;
  r.mappings[0].source_table = "<img src=x onerror=alert(1)>";
  r.mappings[0].ledger.by_reason["rejected:<b onclick=\"x\">"] = 3;
  r.mappings[0].ledger.pence_by_reason["rejected:<b onclick=\"x\">"] = 5;
  r.mappings[0].differences = {hostile};
  r.verdict = {false, {hostile}};
  r.oc3->activity["<svg onload=alert(1)>"] = 1;
  r.source_tables_not_read = {hostile};
  const std::string html = RenderHtml(r, "<i>");
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b "), std::string::npos);
  EXPECT_EQ(html.find("<svg onload"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_NE(html.find("<li>&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;</li>"), std::string::npos);
  EXPECT_NE(html.find("<td>&lt;img src=x onerror=alert(1)&gt;</td>"), std::string::npos);
  EXPECT_NE(html.find("<code>&lt;b onclick=&quot;x&quot;&gt;</code>"), std::string::npos);
  EXPECT_NE(html.find("sqlite:/tmp/&quot;&gt;&lt;script&gt;x()&lt;/script&gt;"), std::string::npos);
  // Still one well-formed page.
  EXPECT_EQ(testing::UnmatchedTag(html), "") << html;
}

TEST(RenderHtml, IsSelfContainedAndWellFormed) {
  const std::string html = RenderHtml(Figures(), "t");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_EQ(testing::UnmatchedTag(html), "");
  for (const char* outside : {"http:", "https:", "src=", "href=", "url(", "@import", "<script", "<link", "<img",
                              "<iframe", "<object"})
    EXPECT_EQ(html.find(outside), std::string::npos) << outside;
  EXPECT_EQ(std::regex_search(html, std::regex(R"((src|href)\s*=)", std::regex::icase)), false);
  // Every chart's segments fill its width exactly.
  size_t charts = 0;
  for (size_t at = 0; (at = html.find("<svg", at)) != std::string::npos; ++at) {
    const std::string svg = html.substr(at, html.find("</svg>", at) + 6 - at);
    EXPECT_EQ(testing::SumOfSegmentWidths(svg), 520) << svg;
    ++charts;
  }
  EXPECT_EQ(charts, 2u);
}

// With --show-personal-data the page says so before anything else in its
// body; without, it does not say it at all.
TEST(RenderHtml, SaysAtItsTopWhenTheReportsIncludePersonalData) {
  PrivacyOptions shown;
  shown.show_personal_data = true;
  const std::string html = RenderHtml(Figures(), "t", shown);
  const size_t body = html.find("<body>");
  ASSERT_NE(body, std::string::npos);
  const std::string notice = "This report includes personal data (--show-personal-data)";
  const size_t at = html.find(notice);
  ASSERT_NE(at, std::string::npos) << html;
  EXPECT_LT(at, html.find("id=\"verdict\""));
  EXPECT_EQ(html.find('<', html.find('>', body + 6) + 1), at + notice.size()) << "the notice is the body's first text";
  EXPECT_EQ(testing::UnmatchedTag(html), "");
  EXPECT_EQ(RenderHtml(Figures(), "t").find("personal data ("), std::string::npos);
}

}  // namespace
}  // namespace handover::reports
