// `handover scaffold` on a generated provider with the council schema as
// target: every file it writes parses, and `handover check` on the set
// reports only decisions (NOT NULL columns no source column fills, code
// sets whose council codes are still to write), no syntax error. Filling in
// the shipped leaving care code sets and one assignment makes the client
// and payment mappings check cleanly.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "core/ascii.h"
#include "tests/support/provider_suite.h"

namespace handover {
namespace {

namespace fs = std::filesystem;

class ScaffoldTest : public testing::ProviderSuite<1000, 7> {
 protected:
  static void SetUpTestSuite() {
    ProviderSuite::SetUpTestSuite();
    auto council = testing::OpenOrFail(Council());
    ASSERT_TRUE(council);
    ASSERT_TRUE(council
                    ->ExecuteScript(testing::ReadFile(fs::path(Mappings()) / "council" / "schema.sql"),
                                    "the council schema")
                    .ok());
    const auto r = testing::RunHandover(
        {"scaffold", "--source", Provider(), "--target", Council(), "--out", Scaffolded().string()}, dir_->path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static std::string Council() { return "sqlite:" + (*dir_ / "council.db").string(); }
  static fs::path Scaffolded() { return *dir_ / "scaffold"; }
  testing::CommandResult Check(const fs::path& mappings) {
    return testing::RunHandover({"check", "--source", Provider(), "--target", Council(), "--mappings", mappings.string()},
                                scratch_.path());
  }
  testing::TempDir scratch_;
};

// The diagnostics of a check's output ("file.map:line:col: error: ...").
std::vector<std::string> Errors(const std::string& err) {
  std::vector<std::string> errors;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);)
    if (line.find(".map:") != std::string::npos && line.find(": error: ") != std::string::npos) errors.push_back(line);
  return errors;
}

TEST_F(ScaffoldTest, ClientAndPaymentAreLinkedWithTheDatesMoneyCodesKeyAndReferenceTheProfileFound) {
  const std::string person = testing::ReadFile(Scaffolded() / "person.map");
  EXPECT_NE(person.find("mapping person from client c\n"), std::string::npos) << person;
  EXPECT_NE(person.find("  key upper(trim(c.client_ref))\n"), std::string::npos) << person;
  EXPECT_NE(person.find("  date_of_birth = date(trim(c.dob), \"%Y-%m-%d\", \"%d/%m/%Y\", \"%d-%b-%y\", \"%d.%m.%Y\")\n"),
            std::string::npos)
      << person;
  const std::string payment = testing::ReadFile(Scaffolded() / "payment.map");
  EXPECT_NE(payment.find("  person_id = xref(person, upper(trim(p.client_ref)))\n"), std::string::npos) << payment;
  EXPECT_NE(payment.find("  amount_pence = money(p.amount)\n"), std::string::npos) << payment;
  EXPECT_NE(payment.find("  payment_type = code(payment_type, p.pay_type)\n"), std::string::npos) << payment;
  // Every provider spelling of the shipped code set is listed, for a person to code.
  // (one line per spelling up to case and spaces, so compared in lower case)
  const std::string listed = core::AsciiLower(payment);
  std::istringstream codes(testing::ReadFile(fs::path(Mappings()) / "payment_type.csv"));
  std::string line;
  std::getline(codes, line);
  while (std::getline(codes, line)) {
    const std::string spelling = line.substr(0, line.rfind(','));
    EXPECT_NE(listed.find("#  \"" + core::AsciiLower(spelling) + "\" -> \"\""), std::string::npos) << spelling;
  }
  // The source tables nothing matched are declared, so the scope is whole.
  EXPECT_NE(testing::ReadFile(Scaffolded() / "scope.map").find("ignore table code_lookup because \"not matched yet\""),
            std::string::npos);
}

TEST_F(ScaffoldTest, CheckReportsOnlyDecisions) {
  const auto r = Check(Scaffolded());
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  const auto errors = Errors(r.err);
  ASSERT_FALSE(errors.empty()) << r.err;
  const std::regex decision(
      ".*\\.map:[0-9]+:[0-9]+: error: (column '[a-z_]+' of '[a-z_]+' is NOT NULL and has no default, but is not "
      "assigned|code set '[a-z_]+' has no entries)$");
  size_t code_sets = 0, columns = 0;
  for (const std::string& e : errors) {
    EXPECT_TRUE(std::regex_match(e, decision)) << e;
    (e.find("code set") != std::string::npos ? code_sets : columns) += 1;
  }
  EXPECT_GT(code_sets, 0u);
  EXPECT_GT(columns, 0u);
  EXPECT_NE(r.err.find(std::to_string(errors.size()) + " errors\n"), std::string::npos) << r.err;
}

// Replaces the code set block named `name` (its line and the commented
// entries after it) with `replacement`.
void ReplaceCodeSet(std::string& text, const std::string& name, const std::string& replacement) {
  const size_t at = text.find("codeset " + name + " ");
  ASSERT_NE(at, std::string::npos) << name;
  size_t end = text.find('\n', at) + 1;
  while (end < text.size() && text.compare(end, 3, "#  ") == 0) end = text.find('\n', end) + 1;
  text.replace(at, end - at, replacement);
}

TEST_F(ScaffoldTest, TheShippedCodeSetsAndOneAssignmentMakeClientAndPaymentCheckCleanly) {
  const fs::path maps = scratch_ / "maps";
  fs::create_directories(maps);
  std::string person = testing::ReadFile(Scaffolded() / "person.map");
  std::string payment = testing::ReadFile(Scaffolded() / "payment.map");
  // The decisions: the council codes, from the shipped leaving care set ...
  const std::string shipped = testing::ReadFile(fs::path(Mappings()) / "person.map");
  const std::string gender = shipped.substr(shipped.find("codeset gender "),
                                            shipped.find("codeset case_status") - shipped.find("codeset gender "));
  ReplaceCodeSet(person, "gender", gender);
  ReplaceCodeSet(person, "case_status", shipped.substr(shipped.find("codeset case_status ")));
  ReplaceCodeSet(payment, "payment_type",
                 "codeset payment_type ignore case ignore spaces unmapped reject from \"payment_type.csv\"\n");
  fs::copy_file(fs::path(Mappings()) / "payment_type.csv", maps / "payment_type.csv");
  // ... and the one column no source column is named like.
  const std::string stub = "  # legacy_ref = ...";
  ASSERT_NE(person.find(stub), std::string::npos) << person;
  person.insert(person.find(stub), "  legacy_ref = upper(trim(c.client_ref))\n");
  std::ofstream(maps / "person.map") << person;
  std::ofstream(maps / "payment.map") << payment;
  // The other tables are left for later, said so.
  std::string scope;
  auto db = testing::OpenOrFail(Provider(), db::OpenMode::kMustExist);
  auto tables = db->QueryRows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('client', 'payment')",
                              1, "tables");
  ASSERT_TRUE(tables.ok());
  for (const auto& row : *tables) scope += "ignore table " + row[0] + " because \"not mapped yet\"\n";
  std::ofstream(maps / "scope.map") << scope;
  const auto r = Check(maps);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(Errors(r.err).empty()) << r.err;
  EXPECT_NE(r.out.find("2 mappings"), std::string::npos) << r.out;
}

TEST_F(ScaffoldTest, ItNeverWritesOverAMappingSet) {
  const auto r = testing::RunHandover(
      {"scaffold", "--source", Provider(), "--target", Council(), "--out", Scaffolded().string()}, scratch_.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("already holds mapping files"), std::string::npos) << r.err;
}

TEST_F(ScaffoldTest, ATargetWithoutTablesIsOneLine) {
  const std::string empty = "sqlite:" + (scratch_ / "empty.db").string();
  { auto db = testing::OpenOrFail(empty); }
  const auto r = testing::RunHandover({"scaffold", "--source", Provider(), "--target", empty, "--out",
                                       (scratch_ / "out").string()},
                                      scratch_.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("has no tables to map into"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(scratch_ / "out"));
}

}  // namespace
}  // namespace handover
