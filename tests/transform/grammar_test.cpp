// Grammar: what parses, what it parses to, and what syntax errors say.
#include <gtest/gtest.h>

#include "transform/language/parse.h"

namespace handover::transform {
namespace {

struct Parsed {
  bool ok;
  ParsedFile file;
  std::vector<Diagnostic> diagnostics;
};

Parsed ParseText(const std::string& text) {
  Parsed p;
  p.ok = ParseMappingText("t.map", text, p.file, p.diagnostics);
  return p;
}

TEST(LangGrammar, ParsesTheIssueExample) {
  const Parsed p = ParseText(R"(
mapping person from clients c where c.deleted = 0
  into person
  key c.client_ref                       # legacy key -> crosswalk
  first_name    = title(trim(c.forename))
  date_of_birth = date(c.dob, "%Y-%m-%d", "%d/%m/%Y", "%d-%b-%y")
  in_touch      = code(in_touch, c.contact_status)
  reject when date_of_birth is null because "unreadable date of birth"
  exclude when c.surname = "TEST" because "test record"
  merge duplicates on (lower(c.surname), date_of_birth) keep earliest c.created_on
)");
  ASSERT_TRUE(p.ok) << (p.diagnostics.empty() ? "" : p.diagnostics[0].message);
  ASSERT_EQ(p.file.items.size(), 1u);
  const auto& m = boost::get<ast::Mapping>(p.file.items[0]);
  EXPECT_EQ(m.name.name, "person");
  EXPECT_EQ(m.table.table.name, "clients");
  EXPECT_EQ(m.alias.name, "c");
  ASSERT_TRUE(m.where.has_value());
  EXPECT_EQ(p.file.TextOf(*m.where), "c.deleted = 0");
  ASSERT_EQ(m.body.size(), 8u);
  EXPECT_NE(boost::get<ast::Into>(&m.body[0]), nullptr);
  EXPECT_NE(boost::get<ast::KeyClause>(&m.body[1]), nullptr);
  const auto* assign = boost::get<ast::Assign>(&m.body[2]);
  ASSERT_NE(assign, nullptr);
  EXPECT_EQ(assign->column.name, "first_name");
  const auto& rule = boost::get<ast::Rule>(m.body[5]);
  EXPECT_EQ(rule.kind, ast::RuleKind::kReject);
  EXPECT_EQ(rule.because, "unreadable date of birth");
  EXPECT_FALSE(rule.code.has_value());
  const auto& merge = boost::get<ast::Merge>(m.body[7]);
  EXPECT_EQ(merge.keys.size(), 2u);
  EXPECT_TRUE(merge.keep_earliest);
}

TEST(LangGrammar, PositionsPointAtTokens) {
  const Parsed p = ParseText("mapping m from t x\n  into y\n  a = x.col\n");
  ASSERT_TRUE(p.ok);
  const auto& m = boost::get<ast::Mapping>(p.file.items[0]);
  const auto& assign = boost::get<ast::Assign>(m.body[1]);
  const Diagnostic d = p.file.At(assign.column, "here");
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 3);
  EXPECT_EQ(d.source_line, "  a = x.col");
}

TEST(LangGrammar, ParsesCodeSetsWithOptions) {
  const Parsed p = ParseText(R"(codeset accom ignore case ignore spaces unmapped default "0"
  "Staying put" -> "Z1"
  "SP" -> "Z1"
codeset activity unmapped keep from "activity.csv"
)");
  ASSERT_TRUE(p.ok) << p.diagnostics[0].message;
  ASSERT_EQ(p.file.items.size(), 2u);
  const auto& a = boost::get<ast::CodeSet>(p.file.items[0]);
  EXPECT_EQ(a.name.name, "accom");
  ASSERT_EQ(a.options.size(), 3u);
  EXPECT_EQ(a.options[2].kind, ast::CodeSetOptionKind::kUnmappedDefault);
  EXPECT_EQ(a.options[2].value, "0");
  ASSERT_EQ(a.entries.size(), 2u);
  EXPECT_EQ(a.entries[0].from, "Staying put");
  EXPECT_EQ(a.entries[0].to, "Z1");
  const auto& b = boost::get<ast::CodeSet>(p.file.items[1]);
  ASSERT_TRUE(b.file.has_value());
  EXPECT_EQ(*b.file, "activity.csv");
}

TEST(LangGrammar, ParsesIgnoreColumn) {
  ParsedFile file;
  std::vector<Diagnostic> diagnostics;
  ASSERT_TRUE(ParseMappingText("s.map", "ignore column client.notes, payment.method\n  because \"not kept\"\n", file,
                               diagnostics))
      << FormatDiagnostics(diagnostics);
  ASSERT_EQ(file.items.size(), 1u);
  const auto* ignore = boost::get<ast::IgnoreColumn>(&file.items[0]);
  ASSERT_NE(ignore, nullptr);
  ASSERT_EQ(ignore->columns.size(), 2u);
  EXPECT_EQ(ignore->columns[0].table.name, "client");
  EXPECT_EQ(ignore->columns[0].column.name, "notes");
  EXPECT_EQ(ignore->columns[1].table.name, "payment");
  EXPECT_EQ(ignore->columns[1].column.name, "method");
  EXPECT_EQ(ignore->because, "not kept");
  EXPECT_EQ(file.At(ignore->columns[1].table, "").line, 1);
}

TEST(LangGrammar, ParsesIgnoreTable) {
  const Parsed p = ParseText(R"(codeset yes ignore case
ignore table code_lookup because "the council keeps its own code sets" as provider_code_table
ignore table worker because "later"
)");
  ASSERT_TRUE(p.ok) << p.diagnostics[0].message;
  ASSERT_EQ(p.file.items.size(), 3u);
  EXPECT_EQ(boost::get<ast::CodeSet>(p.file.items[0]).options.size(), 1u) << "'ignore table' is not a code set option";
  const auto& first = boost::get<ast::IgnoreTable>(p.file.items[1]);
  EXPECT_EQ(first.table.name, "code_lookup");
  EXPECT_EQ(first.because, "the council keeps its own code sets");
  ASSERT_TRUE(first.code.has_value());
  EXPECT_EQ(first.code->name, "provider_code_table");
  EXPECT_FALSE(boost::get<ast::IgnoreTable>(p.file.items[2]).code.has_value());
  const Parsed no_reason = ParseText("ignore table worker\n");
  ASSERT_FALSE(no_reason.ok);
  EXPECT_EQ(no_reason.diagnostics[0].message, "expected 'because' before end of file");
  const Parsed not_table = ParseText("ignore worker because \"x\"\n");
  ASSERT_FALSE(not_table.ok);
  EXPECT_EQ(not_table.diagnostics[0].message, "expected 'table' or 'column' before 'worker'");
}

TEST(LangGrammar, ParsesQuerySources) {
  const Parsed p = ParseText(R"(mapping m from query "SELECT a AS k,
  'x' AS \"q\" FROM t;" x
  lookup query "SELECT k FROM u" w on w.k = x.k
  lookup staff s on s.k = x.k
  into y
)");
  ASSERT_TRUE(p.ok) << (p.diagnostics.empty() ? "" : p.diagnostics[0].message);
  const auto& m = boost::get<ast::Mapping>(p.file.items[0]);
  ASSERT_TRUE(m.table.query.has_value());
  EXPECT_EQ(*m.table.query, "SELECT a AS k,\n  'x' AS \"q\" FROM t;");
  EXPECT_EQ(m.table.table.name, "");
  EXPECT_EQ(m.alias.name, "x");
  EXPECT_EQ(p.file.At(m.table, "").column, 16) << "at the 'query' keyword";
  const auto& query = boost::get<ast::Lookup>(m.body[0]);
  ASSERT_TRUE(query.table.query.has_value());
  EXPECT_EQ(*query.table.query, "SELECT k FROM u");
  EXPECT_EQ(query.alias.name, "w");
  const auto& table = boost::get<ast::Lookup>(m.body[1]);
  EXPECT_FALSE(table.table.query.has_value());
  EXPECT_EQ(table.table.table.name, "staff");
  const Parsed no_sql = ParseText("mapping m from query x\n  into y\n");
  ASSERT_FALSE(no_sql.ok);
  EXPECT_EQ(no_sql.diagnostics[0].message, "expected the SQL as a string before 'x'");
}

TEST(LangGrammar, ParsesEveryExpressionForm) {
  const Parsed p = ParseText(R"(mapping m from t x
  into y
  a = if x.a > 1 and not x.b is null then "big" else "small" end
  b = case when x.a = 1 then 10 when x.a = 2 then 20 else -x.c end
  c = (x.a + 2) * 3 - 4 / 5 % 6
  d = "a" || "b\"c"
  e = $cutover
  f = council_id
  g = x.a <= 1 or x.a >= 2 or x.a <> 3 or x.a != 4 or x.a < 5
  h = coalesce(null, true, false, 1.50)
  reject when x.z is not null because "z" as z_code
  merge duplicates on (x.a) keep latest x.b
)");
  ASSERT_TRUE(p.ok) << (p.diagnostics.empty() ? "" : p.diagnostics[0].message);
  const auto& m = boost::get<ast::Mapping>(p.file.items[0]);
  EXPECT_EQ(m.body.size(), 11u);
  const auto& d = boost::get<ast::Assign>(m.body[4]);
  EXPECT_EQ(p.file.TextOf(d.value), R"("a" || "b\"c")");
  const auto& merge = boost::get<ast::Merge>(m.body[10]);
  EXPECT_FALSE(merge.keep_earliest);
}

TEST(LangGrammar, CommentsAndBlankFilesAreFine) {
  EXPECT_TRUE(ParseText("").ok);
  EXPECT_TRUE(ParseText("# only a comment\n\n").ok);
}

TEST(LangGrammar, MissingExpressionIsAnError) {
  const Parsed p = ParseText("mapping m from t x\n  into y\n  a = \n");
  ASSERT_FALSE(p.ok);
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].message, "expected expression before end of file");
  EXPECT_EQ(p.diagnostics[0].line, 4);
}

TEST(LangGrammar, MissingAliasIsAnError) {
  const Parsed p = ParseText("mapping m from clients where c.x = 1\n");
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.diagnostics[0].message, "expected name before 'where'");
  EXPECT_EQ(p.diagnostics[0].column, 24);
}

TEST(LangGrammar, UnclosedCallIsAnError) {
  const Parsed p = ParseText("mapping m from t x\n  into y\n  a = trim(x.a\n  b = 1\n");
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.diagnostics[0].message, "expected ')' before 'b'");
  EXPECT_EQ(p.diagnostics[0].line, 4);
}

TEST(LangGrammar, StrayTokenIsAnError) {
  const Parsed p = ParseText("mapping m from t x\n  into y\n  a = 1\n  b c\n");
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.diagnostics[0].line, 4);
  EXPECT_EQ(p.diagnostics[0].column, 3);
  EXPECT_EQ(p.diagnostics[0].message,
            "unexpected 'b'; expected a statement (into, key, column = ..., reject, exclude, "
            "merge), 'mapping', 'codeset' or 'ignore table'");
}

TEST(LangGrammar, UnterminatedStringIsAnError) {
  const Parsed p = ParseText("mapping m from t x\n  into y\n  a = \"abc\n");
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.diagnostics[0].message, "expected '\"' before end of file");
}

TEST(LangGrammar, ReservedWordsAreNotNames) {
  const Parsed p = ParseText("mapping from from t x\n");
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.diagnostics[0].message, "expected name before 'from'");
}

TEST(LangGrammar, RuleNeedsBecause) {
  const Parsed p = ParseText("mapping m from t x\n  into y\n  reject when x.a is null\n");
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.diagnostics[0].message, "expected 'because' before end of file");
}

TEST(LangGrammar, IsNeedsNull) {
  const Parsed p = ParseText("mapping m from t x\n  into y\n  a = x.a is 3\n");
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.diagnostics[0].message, "expected 'null' or 'not null' before '3'");
}

}  // namespace
}  // namespace handover::transform

namespace handover::transform {
namespace {

TEST(LangGrammar, DeepNestingIsRefusedNotAStackOverflow) {
  Parsed p = ParseText("mapping m from t x\n  into y\n  a = " + std::string(5000, '(') + "1" +
                       std::string(5000, ')') + "\n");
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.diagnostics[0].message, "expression nested too deeply (more than 64 levels)");
  std::string nots;
  for (int i = 0; i < 3000; ++i) nots += "not ";
  p = ParseText("mapping m from t x\n  into y\n  a = " + nots + "true\n");
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.diagnostics[0].message, "expression nested too deeply (more than 64 levels)");
  // Sixty levels are fine; so are many expressions one after another.
  p = ParseText("mapping m from t x\n  into y\n  a = " + std::string(60, '(') + "1" +
                std::string(60, ')') + "\n  b = if x.a then 1 else 2 end\n" +
                std::string(200, ' ') + "c = -(-(1))\n");
  EXPECT_TRUE(p.ok) << (p.diagnostics.empty() ? "" : p.diagnostics[0].message);
  // Brackets in strings and comments do not count.
  p = ParseText("# " + std::string(100, '(') + "\nmapping m from t x\n  into y\n  a = \"" +
                std::string(100, '(') + "\"\n");
  EXPECT_TRUE(p.ok);
}

}  // namespace
}  // namespace handover::transform

namespace handover::transform {
namespace {

TEST(LangGrammar, NonAsciiBytesAreErrorsNotCrashes) {
  // Found by the fuzzer: X3's character classes assert on bytes >= 0x80.
  Parsed p = ParseText("mapping m\xA3 from t x\n");
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.diagnostics[0].line, 1);
  p = ParseText("mapping m from t x\n  into y\n  a = \"Zo\xC3\xAB \xA3\"  # caf\xE9\n");
  EXPECT_TRUE(p.ok);
  p = ParseText("\xC2\xA0mapping m from t x\n");
  EXPECT_FALSE(p.ok);
}

}  // namespace
}  // namespace handover::transform
