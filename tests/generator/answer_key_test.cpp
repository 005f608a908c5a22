// The answer key agrees with the generated rows: the documented rules,
// applied a second time by an independent reference migration, reproduce
// every figure; totals balance; detail files add up; files are owner-only.
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "tests/generator/generator_fixture.h"
#include "tests/generator/reference_migration.h"

namespace handover::generator::testing {
namespace {

using AnswerKeyMatches = GeneratedProvider;

class ReferenceKey : public GeneratedProvider {
 protected:
  static void SetUpTestSuite() {
    GeneratedProvider::SetUpTestSuite();
    auto reference = ReferenceMigration(db(), cutover());
    ASSERT_TRUE(reference.ok()) << reference.status().message();
    reference_ = nlohmann::json::parse(reference->dump());
  }
  static nlohmann::json reference_;
};
nlohmann::json ReferenceKey::reference_;

TEST_F(ReferenceKey, PeopleAfterDeduplication) {
  const auto& people = key()["people"];
  EXPECT_EQ(people["identities"], FixturePeople());
  EXPECT_EQ(people["client_rows"], Count("SELECT count(*) FROM client"));
  EXPECT_GT(people["after_deduplication"].get<int64_t>(), FixturePeople() * 9 / 10);
  EXPECT_GT(people["duplicate_rows_merged"].get<int64_t>(), 20);
  for (const char* field : {"client_rows", "after_deduplication", "duplicate_rows_merged"})
    EXPECT_EQ(people[field], reference_["people"][field]) << field;
}

TEST_F(ReferenceKey, EveryTableIsAccountedForRowByRow) {
  const auto& tables = key()["tables"];
  ASSERT_EQ(tables.size(), 12u);
  for (const auto& [name, tally] : tables.items()) {
    SCOPED_TRACE(name);
    EXPECT_EQ(tally["extracted"], Count("SELECT count(*) FROM " + name));
    int64_t accounted = tally["loaded"].get<int64_t>() + tally["merged"].get<int64_t>();
    for (const auto& [reason, n] : tally["rejected"].items()) accounted += n.get<int64_t>();
    for (const auto& [rule, n] : tally["excluded"].items()) accounted += n.get<int64_t>();
    EXPECT_EQ(accounted, tally["extracted"].get<int64_t>())
        << "extracted = loaded + merged + rejected + excluded";
    EXPECT_EQ(tally, reference_["tables"][name]);
  }
  EXPECT_GT(tables["payment"]["rejected"]["unreadable_amount"].get<int64_t>(), 0);
  EXPECT_GT(tables["contact_log"]["rejected"]["unmapped_code"].get<int64_t>(), 0);
  EXPECT_GT(tables["pay_schedule"]["excluded"]["no_open_period"].get<int64_t>(), 0);
}

TEST_F(ReferenceKey, HistoricMoneyBalancesToThePenny) {
  const auto& historic = key()["money"]["historic_payments"];
  EXPECT_EQ(historic, reference_["money"]["historic_payments"]);
  int64_t sum = historic["loaded_pence"].get<int64_t>();
  for (const auto& [reason, pence] : historic["rejected_pence"].items())
    sum += pence.get<int64_t>();
  for (const auto& [rule, pence] : historic["excluded_pence"].items()) sum += pence.get<int64_t>();
  EXPECT_EQ(sum, historic["source_pence"].get<int64_t>())
      << "source = loaded + rejected + excluded";
  int64_t by_month = 0;
  for (const auto& [month, types] : historic["loaded_by_month"].items())
    for (const auto& [type, pence] : types.items()) by_month += pence.get<int64_t>();
  EXPECT_EQ(by_month, historic["loaded_pence"].get<int64_t>());
  EXPECT_GT(historic["loaded_pence"].get<int64_t>(), 100000000) << "over a million pounds paid";
  EXPECT_GT(historic["loaded_by_month"].size(), 120u) << "more than ten years of months";
}

TEST_F(ReferenceKey, OpenArrangementsAndOpeningBalances) {
  const auto& money = key()["money"];
  EXPECT_EQ(money["open_arrangements"], reference_["money"]["open_arrangements"]);
  EXPECT_EQ(money["opening_balances"], reference_["money"]["opening_balances"]);
  EXPECT_GT(money["open_arrangements"]["count"].get<int64_t>(), 100);
  EXPECT_GT(money["open_arrangements"]["starting_before_cutover"].get<int64_t>(), 10)
      << "arrears: the provider's last run missed a period";
  EXPECT_GT(money["opening_balances"]["by_type"]["SETTING_UP_HOME"]["count"].get<int64_t>(), 10);
  EXPECT_GT(money["opening_balances"]["by_type"]["SAVINGS_HELD"]["pence"].get<int64_t>(), 0);
}

TEST_F(ReferenceKey, Oc3FiguresForTheCohort) {
  const auto& oc3 = key()["oc3"];
  for (const char* field : {"cohort", "in_touch", "activity", "accommodation", "in_touch_yes",
                            "in_education_employment_training", "in_suitable_accommodation"})
    EXPECT_EQ(oc3[field], reference_["oc3"][field]) << field;
  EXPECT_GT(oc3["cohort"].get<int64_t>(), 300);
  EXPECT_FALSE(oc3["accommodation"].contains("S1"));
  EXPECT_FALSE(oc3["accommodation"].contains("X1"));
  const int64_t yes = oc3["in_touch_yes"], cohort = oc3["cohort"];
  const int64_t tenths = (yes * 2000 + cohort) / (2 * cohort);
  EXPECT_EQ(oc3["pct_in_touch"], std::to_string(tenths / 10) + "." + std::to_string(tenths % 10));
}

TEST_F(AnswerKeyMatches, DetailFilesAddUpToTheTotals) {
  std::ifstream money(dir() / "answer-key-money.csv");
  ASSERT_TRUE(money.good());
  std::string line;
  std::getline(money, line);
  EXPECT_EQ(line, "person_ref,kind,payment_type,month,amount_pence,frequency,start,end,detail");
  int64_t historic = 0, not_loaded = 0, arrangements = 0, balances = 0;
  while (std::getline(money, line)) {
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) f.push_back(cell);
    ASSERT_GE(f.size(), 5u) << line;
    const int64_t pence = f[4].empty() ? 0 : std::stoll(f[4]);
    if (f[1] == "historic")
      historic += pence;
    else if (f[1] == "not_loaded")
      not_loaded += pence;
    else if (f[1] == "arrangement")
      ++arrangements;
    else if (f[1] == "opening_balance")
      balances += pence;
    else
      ADD_FAILURE() << line;
  }
  const auto& m = key()["money"];
  EXPECT_EQ(historic, m["historic_payments"]["loaded_pence"].get<int64_t>());
  EXPECT_EQ(not_loaded, m["historic_payments"]["source_pence"].get<int64_t>() - historic);
  EXPECT_EQ(arrangements, m["open_arrangements"]["count"].get<int64_t>());
  EXPECT_EQ(balances, m["opening_balances"]["pence"].get<int64_t>());
  std::ifstream cohort(dir() / "answer-key-cohort.csv");
  int64_t rows = -1;  // header
  while (std::getline(cohort, line)) ++rows;
  EXPECT_EQ(rows, key()["oc3"]["cohort"].get<int64_t>());
}

TEST_F(AnswerKeyMatches, KeyFilesAreOwnerOnly) {
  for (const char* name : {"answer-key.json", "answer-key-money.csv", "answer-key-cohort.csv"}) {
    struct stat st {};
    ASSERT_EQ(::stat((dir() / name).c_str(), &st), 0) << name;
    EXPECT_EQ(st.st_mode & 0777, 0600u) << name;
  }
}

}  // namespace
}  // namespace handover::generator::testing
