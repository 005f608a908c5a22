// Bad input through the real CLI: one clear line naming what is wrong and
// what to try, exit code 2, and no target file left behind.
#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/test_support.h"

namespace handover {
namespace {

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    auto generated = testing::RunHandover(
        {"generate", "--people", "20", "--seed", "3", "--out", (dir_ / "provider.db").string()}, dir_.path());
    ASSERT_EQ(generated.exit_code, 0) << generated.err;
  }

  testing::CommandResult Rehearse(const std::string& source, const std::string& target,
                                  const std::string& mappings = "", const std::string& verb = "rehearse") {
    return testing::RunHandover({verb, "--source", source, "--target", target, "--mappings",
                                 mappings.empty() ? Mappings() : mappings, "--out", (dir_ / "out").string()},
                                dir_.path());
  }
  static std::string Mappings() { return (testing::SourceDir() / "mappings" / "leaving-care").string(); }
  std::string Provider() const { return "sqlite:" + (dir_ / "provider.db").string(); }
  std::string Target() const { return "sqlite:" + (dir_ / "council.db").string(); }

  // One line on stderr that contains every expected fragment.
  void ExpectOneLineError(const testing::CommandResult& r, std::initializer_list<const char*> fragments) {
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_EQ(r.err.rfind("handover: error: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    for (const char* fragment : fragments) EXPECT_NE(r.err.find(fragment), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir_ / "council.db")) << "a partial target was left behind";
  }

  testing::TempDir dir_;
};

TEST_F(BadInput, UnknownBackend) {
  ExpectOneLineError(Rehearse("oracle://u@h/db", Target()), {"--source", "unknown backend 'oracle'", "sqlite:path"});
}

TEST_F(BadInput, MissingSourceFile) {
  ExpectOneLineError(Rehearse("sqlite:" + (dir_ / "nope.db").string(), Target()),
                     {"nope.db", "no such file", "handover generate"});
  EXPECT_FALSE(std::filesystem::exists(dir_ / "nope.db"));
}

TEST_F(BadInput, UnreachableServer) {
  ExpectOneLineError(Rehearse(Provider(), "postgresql://u:secret@127.0.0.1:1/council"),
                     {"cannot connect", "postgresql://u:***@127.0.0.1:1/council", "is the server running"});
}

TEST_F(BadInput, BadPasswordIsNamedButNeverShown) {
  const auto admin = testing::PostgresAdminUrl();
  ASSERT_TRUE(admin) << "the ctest 'postgres' fixture should have started a server";
  std::string bad = *admin;
  bad.replace(bad.find(":handover-test-pw@"), 18, ":not-the-password@");
  const auto r = Rehearse(Provider(), bad);
  ExpectOneLineError(r, {"password authentication failed", "check the user and password"});
  EXPECT_EQ(r.err.find("not-the-password"), std::string::npos);
  EXPECT_EQ(r.out.find("not-the-password"), std::string::npos);
}

TEST_F(BadInput, MappingErrorsAreListedCompilerStyleAndNothingIsWritten) {
  const auto maps = dir_ / "maps";
  std::filesystem::create_directories(maps);
  std::filesystem::copy(testing::SourceDir() / "mappings/leaving-care/council", maps / "council");
  std::ofstream(maps / "person.map") << "mapping person from client c\n"
                                        "  into person\n"
                                        "  key c.client_ref\n"
                                        "  person_id = council_id\n"
                                        "  surname = c.surnmae\n";
  const auto r = Rehearse(Provider(), Target(), maps.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("person.map:5:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("surnmae"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("^"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was loaded"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "council.db"));
}

TEST_F(BadInput, NonEmptyTargetIsRefused) {
  const auto first = Rehearse(Provider(), Target(), "", "run");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  // Other parameters make another migration, which cannot build on run 1.
  const auto again = testing::RunHandover({"rehearse", "--source", Provider(), "--target", Target(), "--mappings",
                                           Mappings(), "--param", "cutover=2019-04-01", "--out",
                                           (dir_ / "out").string()},
                                          dir_.path());
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("already holds"), std::string::npos) << again.err;
  EXPECT_TRUE(std::filesystem::exists(dir_ / "council.db")) << "an existing target must never be removed";
}

TEST_F(BadInput, MissingMappingsFolderAndBadParam) {
  auto r = Rehearse(Provider(), Target(), (dir_ / "no-such-folder").string());
  ExpectOneLineError(r, {"no-such-folder", "does not exist"});
  r = testing::RunHandover({"rehearse", "--source", Provider(), "--target", Target(), "--mappings", Mappings(),
                            "--param", "cutover", "--out", (dir_ / "out").string()},
                           dir_.path());
  ExpectOneLineError(r, {"--param 'cutover' is not name=value"});
}

}  // namespace
}  // namespace handover
