// Robustness of the worklist's pseudonyms. The key kept in the report folder
// (.pseudonym-key), damaged, replaced by a folder or a link, or too short in
// the environment: the run stops before anything moves, in one line naming
// the file and what to do, and the key is never replaced (a new key would
// silently change every pseudonym the reports gave before). And a personal
// value too long to quote whole: no part of it reaches the worklist.
#include "tests/robustness/robustness_fixture.h"

#include <cstdlib>
#include <fstream>
#include <string>

namespace handover::testing {
namespace {

class PseudonymKeyFile : public Robustness {
 protected:
  void SetUp() override { ::unsetenv("HANDOVER_PSEUDONYM_KEY"); }
  fs::path KeyFile() const { return Out() / ".pseudonym-key"; }
};

TEST_F(PseudonymKeyFile, ADamagedKeyIsRefusedAndKept) {
  fs::create_directories(Out());
  std::ofstream(KeyFile()) << "0123456789abcdef\n";  // cut short
  const auto r = Rehearse(SharedProvider(), Target(), ShippedMappings());
  ExpectOneLineError(r, {KeyFile().string(), "does not hold 64 hex digits", "remove it to start a new key"});
  EXPECT_EQ(ReadFile(KeyFile()), "0123456789abcdef\n");
  EXPECT_FALSE(fs::exists(Out() / "exceptions.csv"));
  ExpectNoTarget();
}

TEST_F(PseudonymKeyFile, AFolderInPlaceOfTheKeyIsRefused) {
  fs::create_directories(KeyFile());
  const auto r = Rehearse(SharedProvider(), Target(), ShippedMappings());
  ExpectOneLineError(r, {KeyFile().string(), "is not a file"});
  EXPECT_TRUE(fs::is_directory(KeyFile()));
  ExpectNoTarget();
}

TEST_F(PseudonymKeyFile, AKeyThatIsALinkIsNotFollowed) {
  fs::create_directories(Out());
  std::ofstream(scratch_ / "elsewhere") << std::string(64, 'a') << "\n";
  fs::create_symlink(scratch_ / "elsewhere", KeyFile());
  const auto r = Rehearse(SharedProvider(), Target(), ShippedMappings());
  ExpectOneLineError(r, {"cannot read the pseudonym key " + KeyFile().string(), "not a link"});
  ExpectNoTarget();
}

TEST_F(PseudonymKeyFile, AShortKeyInTheEnvironmentIsRefused) {
  ::setenv("HANDOVER_PSEUDONYM_KEY", "secret", 1);
  const auto r = Rehearse(SharedProvider(), Target(), ShippedMappings());
  ::unsetenv("HANDOVER_PSEUDONYM_KEY");
  ExpectOneLineError(r, {"HANDOVER_PSEUDONYM_KEY is shorter than 16 characters"});
  EXPECT_FALSE(fs::exists(KeyFile()));
  ExpectNoTarget();
}

// The worklist clips a value at 200 bytes and a reason at 800; the reason
// then quotes more of the value than the clipped value shows. All of it goes.
TEST_F(PseudonymKeyFile, AValueTooLongToQuoteWholeLeavesNoPartOfItInTheWorklist) {
  const std::string source = CopyOfProvider();
  std::string surname;
  while (surname.size() < 300 * 1024) surname += "Quennell";
  Execute(source, "UPDATE client SET surname = '" + surname +
                      "' WHERE rowid = (SELECT min(rowid) FROM client WHERE deleted = 0)");
  const fs::path maps = CopyOfMappings();
  std::string person = ReadFile(maps / "person.map");
  const std::string line = "surname       = title(trim(utf8(c.surname)))";
  ASSERT_NE(person.find(line), std::string::npos);
  person.replace(person.find(line), line.size(), "surname = code(known_surname, trim(utf8(c.surname)))");
  person += "\ncodeset known_surname unmapped reject\n  \"Nobody\" -> \"Nobody\"\n";
  std::ofstream(maps / "person.map") << person;
  const auto r = Rehearse(source, Target(), maps);
  EXPECT_EQ(r.exit_code, 1) << r.err;  // everyone rejected: NO-GO
  const std::string worklist = ReadFile(Out() / "exceptions.csv");
  EXPECT_GT(worklist.size(), 1000u);
  EXPECT_EQ(worklist.find("Quennell"), std::string::npos) << worklist.substr(0, 3000);
  EXPECT_NE(worklist.find("Here: value 'pseud:"), std::string::npos);
  EXPECT_EQ(ReadFile(Out() / "handover.log").find("Quennell"), std::string::npos);
}

}  // namespace
}  // namespace handover::testing
