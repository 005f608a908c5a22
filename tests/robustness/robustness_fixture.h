// The robustness catalogue's fixture (see README.md): a shared generated
// provider, private copies to damage, and the checks every case makes.
#pragma once

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/provider_suite.h"
#include "tests/support/test_support.h"

namespace handover::testing {

namespace fs = std::filesystem;

inline int Mode(const fs::path& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

inline size_t Lines(const std::string& text) { return size_t(std::count(text.begin(), text.end(), '\n')); }

inline std::string LastLine(const std::string& text) {
  if (text.size() < 2) return text;
  const size_t start = text.rfind('\n', text.size() - 2);
  return text.substr(start == std::string::npos ? 0 : start + 1, text.size() - (start == std::string::npos ? 0 : start + 1) - 1);
}

class Robustness : public ProviderSuite<300, 1> {
 protected:
  static std::string SharedProvider() { return Provider(); }
  static fs::path ShippedMappings() { return SourceDir() / "mappings" / "leaving-care"; }
  std::string Target() const { return "sqlite:" + (scratch_ / "council.db").string(); }
  fs::path Out() const { return scratch_ / "out"; }

  // A private copy of the provider, to damage.
  std::string CopyOfProvider() {
    fs::copy_file(*dir_ / "provider.db", scratch_ / "p.db");
    return "sqlite:" + (scratch_ / "p.db").string();
  }
  // A private copy of the shipped mapping set, to edit.
  fs::path CopyOfMappings() {
    fs::copy(ShippedMappings(), scratch_ / "maps", fs::copy_options::recursive);
    return scratch_ / "maps";
  }
  void Execute(const std::string& url, const std::string& sql) {
    auto db = OpenOrFail(url);
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(db->Execute(sql, "test").ok()) << sql;
  }

  CommandResult Run(const std::vector<std::string>& arguments) { return RunHandover(arguments, scratch_.path()); }
  CommandResult Rehearse(const std::string& source, const std::string& target, const fs::path& mappings,
                         std::vector<std::string> extra = {}, const std::string& verb = "rehearse") {
    std::vector<std::string> args = {verb,         "--source", source,           "--target", target,
                                     "--mappings", mappings.string(), "--out", Out().string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return Run(args);
  }
  // A committed run, for cases that inspect the target afterwards.
  CommandResult RunCommitted(const std::string& source, const std::string& target, const fs::path& mappings) {
    return Rehearse(source, target, mappings, {}, "run");
  }
  CommandResult Check(const std::string& source, const std::string& target, const fs::path& mappings) {
    return Run({"check", "--source", source, "--target", target, "--mappings", mappings.string()});
  }

  // Exit 2, and after the log lines of the work done so far, a last line
  // "handover: error: ..." holding every fragment.
  static void ExpectErrorLast(const CommandResult& r, std::initializer_list<std::string> fragments) {
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    const std::string last = LastLine(r.err);
    EXPECT_EQ(last.rfind("handover: error: ", 0), 0u) << r.err;
    for (const auto& fragment : fragments) EXPECT_NE(last.find(fragment), std::string::npos) << r.err;
  }
  // Exit 2, exactly one line "handover: error: ..." holding every fragment.
  static void ExpectOneLineError(const CommandResult& r, std::initializer_list<std::string> fragments) {
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_EQ(r.err.rfind("handover: error: ", 0), 0u) << r.err;
    EXPECT_EQ(Lines(r.err), 1u) << r.err;
    for (const auto& fragment : fragments) EXPECT_NE(r.err.find(fragment), std::string::npos) << r.err;
  }
  void ExpectNoTarget() const {
    EXPECT_FALSE(fs::exists(scratch_ / "council.db")) << "a partial target was left behind";
  }

  TempDir scratch_;  // this test's own scratch folder
};

// ---- Broken: crash, leak, data loss -------------------------------------

}  // namespace handover::testing
