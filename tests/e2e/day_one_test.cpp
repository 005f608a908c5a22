// The day-one pack against the generator's answer key: several generated
// services, each migrated by a committed `handover run` (which writes the
// pack) and read again by `handover dayone`; dayone.json must equal the
// key's `day_one` section key by key, and the key must hold real figures
// (open cases, staff, first-run lines, flags, balances), so the comparison
// cannot pass on nothing.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "tests/support/answer_key.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

using nlohmann::json;

// The first few differences between two JSON values, as JSON Patch paths.
std::string Differences(const json& expected, const json& actual) {
  const json patch = json::diff(expected, actual);
  std::string out;
  for (size_t i = 0; i < patch.size() && i < 8; ++i) {
    const json& op = patch[i];
    out += "  " + op["op"].get<std::string>() + " " + op["path"].get<std::string>();
    if (op.contains("value")) out += " -> " + op["value"].dump().substr(0, 200);
    if (op["op"] == "replace" || op["op"] == "remove") {
      const json::json_pointer at(op["path"].get<std::string>());
      if (expected.contains(at)) out += " (the key: " + expected[at].dump().substr(0, 200) + ")";
    }
    out += "\n";
  }
  return out + std::to_string(patch.size()) + " differences in all";
}

// Each of the key's day_one figures, compared by name; the pack has no other
// figure but its format.
void ExpectPackEqualsKey(const json& pack, const json& key) {
  for (const auto& [name, figures] : key.items())
    EXPECT_EQ(pack.value(name, json()), figures) << name << ":\n" << Differences(figures, pack.value(name, json()));
  for (const auto& [name, figures] : pack.items()) {
    if (name == "format") continue;
    EXPECT_TRUE(key.contains(name)) << "dayone.json has " << name << ", the key does not";
  }
}

int64_t Count(const json& key, const char* section, const char* list) {
  return static_cast<int64_t>(key[section][list].size());
}

struct Service {
  int seed, people;
};
void PrintTo(const Service& s, std::ostream* os) { *os << "seed " << s.seed << ", " << s.people << " people"; }

class DayOneOnGeneratedServices : public ::testing::TestWithParam<Service> {};

TEST_P(DayOneOnGeneratedServices, PackEqualsTheAnswerKey) {
  const Service service = GetParam();
  testing::TempDir dir;
  testing::GeneratedProvider provider(dir, service.seed, "", service.people);
  const json& key = provider.key()["day_one"];
  ASSERT_TRUE(key.is_object()) << "the answer key has no day_one section";
  // Real figures, or the comparison proves nothing.
  EXPECT_GT(key["caseloads"]["open_cases"].get<int64_t>(), service.people / 4);
  EXPECT_GE(Count(key, "caseloads", "by_staff"), 8);
  EXPECT_GT(key["caseloads"]["unallocated"]["open_cases"].get<int64_t>(), 0);
  EXPECT_GT(key["caseloads"]["open_cases_with_inactive_staff"].get<int64_t>(), 0);
  EXPECT_GT(key["reviews"]["overdue"].get<int64_t>(), 0);
  EXPECT_GT(key["reviews"]["due_within_8_weeks"].get<int64_t>(), 0);
  EXPECT_GT(Count(key, "first_payment_run", "lines"), 20);
  EXPECT_GT(Count(key, "first_payment_run", "not_in_first_run"), 0);
  EXPECT_GT(Count(key, "first_payment_run", "recurring_payments_no_arrangement"), 0);
  EXPECT_GT(key["first_payment_run"]["flag_counts"].value("arrears", 0), 0);
  EXPECT_GT(Count(key, "balances", "by_person"), 10);
  EXPECT_EQ(key["cutover"], provider.cutover());

  const std::string target = "sqlite:" + (dir / "council.db").string();
  const auto run = testing::RunHandover({"run", "--source", provider.url(), "--target", target, "--mappings",
                                         (testing::SourceDir() / "mappings" / "leaving-care").string(), "--param",
                                         "cutover=" + provider.cutover(), "--out", (dir / "run").string()},
                                        dir.path());
  ASSERT_LE(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("day-one pack: " + (dir / "run" / "dayone.html").string()), std::string::npos) << run.out;
  const json from_run = json::parse(testing::ReadFile(dir / "run" / "dayone.json"));
  ExpectPackEqualsKey(from_run, key);
  // The key counts the allocations the load could not resolve; so does the ledger.
  EXPECT_EQ(key["caseloads"]["unresolved_pa_allocations"],
            provider.key()["tables"]["allocation"]["rejected"].value("unresolved_worker", json(0)));
  for (const char* file : {"dayone.json", "dayone.html", "dayone.xlsx"}) {
    struct stat st {};
    ASSERT_EQ(::stat((dir / "run" / file).c_str(), &st), 0) << file;
    EXPECT_EQ(st.st_mode & 0777, 0600u) << file;
  }

  // The command alone, on the committed target, says the same.
  const auto again = testing::RunHandover({"dayone", "--target", target, "--param", "cutover=" + provider.cutover(),
                                           "--out", (dir / "dayone").string()},
                                          dir.path());
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("Day one at " + provider.cutover()), std::string::npos) << again.out;
  EXPECT_EQ(json::parse(testing::ReadFile(dir / "dayone" / "dayone.json")), from_run);
}

INSTANTIATE_TEST_SUITE_P(Seeds, DayOneOnGeneratedServices,
                         ::testing::Values(Service{2018, 2000}, Service{7, 600}, Service{23, 600}),
                         [](const auto& info) { return "seed" + std::to_string(info.param.seed); });

}  // namespace
}  // namespace handover
