// Robustness: the pseudonym key kept in the report folder (.pseudonym-key),
// damaged or replaced by a folder. The run stops before anything moves, in
// one line naming the file and what to do, and the key is never replaced
// (a new key would silently change every pseudonym the reports gave before).
#include "tests/robustness/robustness_fixture.h"

#include <cstdlib>
#include <fstream>

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

}  // namespace
}  // namespace handover::testing
