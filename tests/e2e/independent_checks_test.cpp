// Reconciliation's independent reading of the source (money.measure,
// oc3.measure): with the shipped mapping set every penny agrees per young
// person, month and type and the OC3 figures on the source equal the
// migrated ones and the answer key's; a money rule that loses pence, and a
// filter that drops contacts, each give NO-GO naming the records and people.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <nlohmann/json.hpp>

#include "tests/support/rehearsal_suite.h"
#include "tests/support/report_json.h"
#include "tests/support/test_support.h"

namespace handover {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

class IndependentChecks : public testing::RehearsalSuite<400, 7> {
 protected:
  // A copy of the shipped set with `from` replaced by `to` in `file`.
  fs::path Broken(const std::string& file, const std::string& from, const std::string& to) {
    const fs::path copy = scratch_ / ("maps-" + std::to_string(++copies_));
    fs::copy(Mappings(), copy, fs::copy_options::recursive);
    std::string text = testing::ReadFile(copy / file);
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    std::ofstream(copy / file) << text;
    return copy;
  }
  static const json& Money(const json& report, const std::string& mapping) {
    for (const json& m : report["money_by_person"])
      if (m["mapping"] == mapping) return m;
    ADD_FAILURE() << "no money_by_person entry for " << mapping;
    static const json kEmpty = json::object();
    return kEmpty;
  }
  static void ExpectOc3Equals(const json& figures, const json& key) {
    for (const char* f : {"cohort", "in_touch_yes", "in_education_employment_training", "in_suitable_accommodation",
                          "pct_in_touch", "pct_eet", "pct_suitable_accommodation"})
      EXPECT_EQ(figures[f], key[f]) << f;
  }
  int copies_ = 0;
};

TEST_F(IndependentChecks, TheShippedSetBalancesPerPersonAndTheSourceFiguresEqualTheKey) {
  const auto r = Rehearse(Mappings(), "good");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const json report = Report("good");
  EXPECT_EQ(testing::SchemaProblems(scratch_ / "good" / "reconciliation.json"), "");
  const json& key = (*key_)["money"]["historic_payments"];
  const json& payment = Money(report, "payment");
  EXPECT_EQ(payment["source_pence"], key["source_pence"]) << "the measure reads what the provider recorded";
  EXPECT_EQ(payment["loaded_pence"], key["loaded_pence"]);
  EXPECT_EQ(payment["target_pence"], key["loaded_pence"]);
  EXPECT_EQ(payment["records"], (*key_)["tables"]["payment"]["extracted"]);
  EXPECT_GT(payment["groups"].get<int64_t>(), 1000);
  for (const char* mapping : {"payment", "payment_arrangement", "opening_balance"}) {
    const json& m = Money(report, mapping);
    EXPECT_EQ(m["differing_groups"], 0) << mapping;
    EXPECT_EQ(m["unmatched_records"], 0) << mapping;
    EXPECT_EQ(m["source_pence"], m["ledger_pence"]) << mapping;
  }
  // Loaded money by month, as the key has it.
  const json& months = key["loaded_by_month"];
  int64_t checked = 0;
  for (const json& month : payment["by_month"]) {
    const std::string name = month["month"];
    if (!months.contains(name)) continue;
    int64_t pence = 0;
    for (const auto& [type, amount] : months[name].items()) pence += amount.get<int64_t>();
    EXPECT_EQ(month["target_pence"], pence) << name;
    ++checked;
  }
  EXPECT_GT(checked, 12);
  const json& source = report["oc3_in_source"];
  EXPECT_TRUE(source["equal"].get<bool>()) << source.dump(1);
  ExpectOc3Equals(source, (*key_)["oc3"]);
  ExpectOc3Equals(report["oc3"], (*key_)["oc3"]);
}

TEST_F(IndependentChecks, AMoneyRuleThatLosesPenceNamesThePeopleAndRecords) {
  const fs::path maps = Broken("payment.map", "amount_pence      = money(p.amount)",
                               "amount_pence      = money(regex_replace(trim(p.amount), \"[.][0-9]+$\", \"\"))");
  const auto r = Rehearse(maps, "pence");
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("NO-GO"), std::string::npos) << r.out;
  const json report = Report("pence");
  const json& payment = Money(report, "payment");
  // The measure still reads every penny; the load path lost some.
  EXPECT_EQ(payment["source_pence"], (*key_)["money"]["historic_payments"]["source_pence"]);
  EXPECT_LT(payment["ledger_pence"].get<int64_t>(), payment["source_pence"].get<int64_t>());
  EXPECT_GT(payment["differing_groups"].get<int64_t>(), 10);
  ASSERT_FALSE(payment["differences"].empty());
  // Each group names a record that lost pence, and every record that did
  // has an amount whose fractional part is not all zeros.
  auto source = testing::OpenOrFail(Provider(), db::OpenMode::kMustExist);
  ASSERT_NE(source, nullptr);
  int64_t records = 0;
  for (const json& d : payment["differences"]) {
    EXPECT_NE(d["source_pence"], d["ledger_pence"]);
    ASSERT_FALSE(d["records"].empty());
    int64_t lost_here = 0;
    for (const json& rec : d["records"]) {
      if (rec["ledger_pence"] == std::to_string(rec["source_pence"].get<int64_t>())) continue;
      ++lost_here;
      auto amount = source->QueryText("SELECT amount FROM payment WHERE payment_id = " +
                                          rec["legacy_key"].get<std::string>(), "reading an amount");
      ASSERT_TRUE(amount.ok());
      const size_t point = amount->find('.');
      ASSERT_NE(point, std::string::npos) << *amount;
      EXPECT_NE(amount->find_first_not_of("0", point + 1), std::string::npos) << *amount;
      ++records;
    }
    EXPECT_GT(lost_here, 0) << d.dump();
  }
  EXPECT_GT(records, 0);
  bool named = false;
  for (const json& reason : report["signoff"]["reasons"])
    named |= reason.get<std::string>().find("payment: money per person, month and type") != std::string::npos;
  EXPECT_TRUE(named) << report["signoff"].dump(1);
}

TEST_F(IndependentChecks, AFilterThatDropsContactsMovesTheStatutoryFigures) {
  const fs::path maps = Broken("contact.map", "mapping contact from contact_log l\n",
                               "mapping contact from contact_log l\n  where trim(l.contact_type) != \"Phone\"\n");
  const auto r = Rehearse(maps, "filter");
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  const json report = Report("filter");
  // The ledger accounts for every dropped contact as excluded by the filter.
  auto source = testing::OpenOrFail(Provider(), db::OpenMode::kMustExist);
  ASSERT_NE(source, nullptr);
  const int64_t phone = testing::QueryIntOrFail(*source, "SELECT count(*) FROM contact_log WHERE trim(contact_type) = 'Phone'");
  ASSERT_GT(phone, 0);
  const json& contact = testing::MappingFigures(report, "contact");
  EXPECT_EQ(contact["by_reason"]["excluded:filter"], phone);
  EXPECT_TRUE(contact["balanced"].get<bool>());
  // The source still holds the key's figures; the migrated ones moved.
  const json& in_source = report["oc3_in_source"];
  ExpectOc3Equals(in_source, (*key_)["oc3"]);
  EXPECT_FALSE(in_source["equal"].get<bool>());
  EXPECT_NE(report["oc3"]["in_touch"], (*key_)["oc3"]["in_touch"]);
  ASSERT_FALSE(in_source["people"].empty());
  EXPECT_GT(in_source["person_differences"].get<int64_t>(), 0);
  for (const json& p : in_source["people"]) {
    EXPECT_EQ(p["figure"], "IN_TOUCH") << p.dump() << ": only contacts were dropped";
    EXPECT_NE(p["source"], p["migrated"]);
    EXPECT_NE(p["person"].get<std::string>().find("(legacy "), std::string::npos) << p.dump();
  }
  bool named = false;
  for (const json& reason : report["signoff"]["reasons"])
    named |= reason.get<std::string>().find("statutory figures moved") != std::string::npos;
  EXPECT_TRUE(named) << report["signoff"].dump(1);
}

}  // namespace
}  // namespace handover
