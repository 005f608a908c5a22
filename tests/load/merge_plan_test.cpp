// MergePlan: survivorship ordering (CompareForSurvivorship) and Build on a real compiled mapping over SQLite.
#include "load/merge_plan.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>

#include "db/introspect.h"
#include "extract/row_source.h"
#include "load/migration_tables.h"
#include "load/run_record.h"
#include "tests/support/test_support.h"
#include "transform/check_mappings.h"

namespace handover::load {
namespace {

int Sign(int cmp) { return cmp < 0 ? -1 : (cmp > 0 ? 1 : 0); }

// The sign of a <=> b, checked to be the opposite of b <=> a.
int Order(const core::Value& a, const core::Value& b) {
  const int forward = Sign(CompareForSurvivorship(a, b));
  EXPECT_EQ(Sign(CompareForSurvivorship(b, a)), -forward) << "not antisymmetric";
  return forward;
}

core::Value DateOf(int year, unsigned month, unsigned day) {
  auto date = core::Date::FromYmd(year, month, day);
  EXPECT_TRUE(date.has_value());
  return date.value_or(core::Date{});
}

TEST(CompareForSurvivorship, NullsSortLast) {
  const core::Value null = core::Null{};
  EXPECT_EQ(Order(null, null), 0);
  EXPECT_EQ(Order(core::Value(int64_t{5}), null), -1);
  EXPECT_EQ(Order(core::Value(int64_t{-9000000000}), null), -1);
  EXPECT_EQ(Order(core::Value(std::string("")), null), -1);
  EXPECT_EQ(Order(DateOf(1900, 1, 1), null), -1);
  EXPECT_EQ(Order(core::Value(core::Pence{0}), null), -1);
}

TEST(CompareForSurvivorship, OrdersIntegersAndPenceByValue) {
  EXPECT_EQ(Order(core::Value(int64_t{1}), core::Value(int64_t{2})), -1);
  EXPECT_EQ(Order(core::Value(int64_t{7}), core::Value(int64_t{7})), 0);
  EXPECT_EQ(Order(core::Value(int64_t{-3}), core::Value(int64_t{2})), -1);
  EXPECT_EQ(Order(core::Value(int64_t{10}), core::Value(int64_t{9})), 1);
  EXPECT_EQ(Order(core::Value(INT64_MIN), core::Value(INT64_MAX)), -1);
  EXPECT_EQ(Order(core::Value(core::Pence{-100}), core::Value(core::Pence{50})), -1);
  EXPECT_EQ(Order(core::Value(core::Pence{657649925}), core::Value(core::Pence{657649924})), 1);
  EXPECT_EQ(Order(core::Value(core::Pence{50}), core::Value(core::Pence{50})), 0);
  EXPECT_EQ(Order(core::Value(false), core::Value(true)), -1);
}

TEST(CompareForSurvivorship, OrdersDecimalsExactlyAcrossScales) {
  EXPECT_EQ(Order(core::Decimal{150, 2}, core::Decimal{15, 1}), 0);      // 1.50 = 1.5
  EXPECT_EQ(Order(core::Decimal{1999, 3}, core::Decimal{2, 0}), -1);     // 1.999 < 2
  EXPECT_EQ(Order(core::Decimal{-5, 1}, core::Decimal{-49, 2}), -1);     // -0.5 < -0.49
  EXPECT_EQ(Order(core::Decimal{1, 0}, core::Decimal{-1, 0}), 1);
  // 92233720368547758.0 < 92233720368547758.07: a long double would call these equal.
  EXPECT_EQ(Order(core::Decimal{922337203685477580, 1}, core::Decimal{INT64_MAX, 2}), -1);
}

TEST(CompareForSurvivorship, OrdersDatesChronologically) {
  EXPECT_EQ(Order(DateOf(2001, 2, 3), DateOf(2001, 2, 4)), -1);
  EXPECT_EQ(Order(DateOf(2001, 12, 31), DateOf(2002, 1, 1)), -1);
  EXPECT_EQ(Order(DateOf(1969, 12, 31), DateOf(1970, 1, 1)), -1);  // before the epoch
  EXPECT_EQ(Order(DateOf(2018, 10, 1), DateOf(2018, 10, 1)), 0);
  EXPECT_EQ(Order(DateOf(2020, 3, 1), DateOf(2019, 12, 31)), 1);
}

TEST(CompareForSurvivorship, OrdersTextBytewise) {
  EXPECT_EQ(Order(std::string("abbott"), std::string("abbott")), 0);
  EXPECT_EQ(Order(std::string("ab"), std::string("b")), -1);
  EXPECT_EQ(Order(std::string("ab"), std::string("abc")), -1);  // a prefix first
  EXPECT_EQ(Order(std::string("Abbott"), std::string("abbott")), -1);  // 'A' < 'a'
  EXPECT_EQ(Order(std::string("10"), std::string("9")), -1);  // text, not numbers
  EXPECT_EQ(Order(std::string(""), std::string("a")), -1);
}

// Clients: ordinal (insertion order), client_id (the survivor order), ref
// (the legacy key), surname (the merge key, case-folded), deleted.
//   1: 10 C010 Smith      3: 4  C004 SMITH   6: 12 C012 smith   -> one person
//   2: 20 C020 Jones      5: 25 C025 jones   9: -  C099 Jones   -> one person
//   4: 30 C030 Brown      7: 1  C001 Brown (deleted: excluded, never competes)
//   8: 40 C040 NULL surname (no merge key: never merged)
constexpr const char* kClients =
    "CREATE TABLE client (client_id INTEGER, client_ref TEXT, surname TEXT, deleted INTEGER);\n"
    "INSERT INTO client VALUES (10, 'C010', 'Smith', 0);\n"
    "INSERT INTO client VALUES (20, 'C020', 'Jones', 0);\n"
    "INSERT INTO client VALUES (4, 'C004', 'SMITH', 0);\n"
    "INSERT INTO client VALUES (30, 'C030', 'Brown', 0);\n"
    "INSERT INTO client VALUES (25, 'C025', 'jones', 0);\n"
    "INSERT INTO client VALUES (12, 'C012', 'smith', 0);\n"
    "INSERT INTO client VALUES (1, 'C001', 'Brown', 1);\n"
    "INSERT INTO client VALUES (40, 'C040', NULL, 0);\n"
    "INSERT INTO client VALUES (NULL, 'C099', 'Jones', 0);\n";

std::string PersonMapping(const std::string& keep) {
  return R"(
mapping person from client c
  into person
  key c.client_ref
  person_id  = council_id
  legacy_ref = c.client_ref
  surname    = c.surname
  exclude when c.deleted = 1 because "soft-deleted by the provider" as soft_deleted
  merge duplicates on (lower(c.surname)) keep )" +
         keep + R"( c.client_id
)";
}

class MergePlanBuild : public ::testing::Test {
 protected:
  void SetUp() override {
    source_ = testing::OpenOrFail("sqlite:" + (dir_ / "source.db").string());
    target_ = testing::OpenOrFail("sqlite:" + (dir_ / "target.db").string());
    ASSERT_NE(source_, nullptr);
    ASSERT_NE(target_, nullptr);
    ASSERT_TRUE(source_->ExecuteScript(kClients, "source").ok());
    ASSERT_TRUE(target_
                    ->Execute("CREATE TABLE person (person_id INTEGER PRIMARY KEY, legacy_ref TEXT NOT NULL, "
                              "surname TEXT)",
                              "target")
                    .ok());
    auto source_catalog = db::ReadCatalog(*source_);
    auto target_catalog = db::ReadCatalog(*target_);
    ASSERT_TRUE(source_catalog.ok()) << source_catalog.status().message();
    ASSERT_TRUE(target_catalog.ok()) << target_catalog.status().message();
    source_catalog_ = *source_catalog;
    target_catalog_ = *target_catalog;
    ASSERT_TRUE(EnsureMigrationTables(*target_).ok());
    auto run = OpenRun(*target_, RunInfo{});
    ASSERT_TRUE(run.ok()) << run.status().message();
    auto crosswalk = CrosswalkStore::Open(*target_, "provider", *run, {"person", "payment"});
    ASSERT_TRUE(crosswalk.ok()) << crosswalk.status().message();
    crosswalk_ = std::move(*crosswalk);
  }

  // Compiles the person mapping with `keep` ("earliest" or "latest") and
  // builds its plan over the client table, two rows a batch.
  MergePlan Build(const std::string& keep) {
    auto checked = transform::CheckMappingSources({{"person.map", PersonMapping(keep)}}, source_catalog_,
                                                  target_catalog_, {});
    EXPECT_TRUE(checked.ok()) << transform::FormatDiagnostics(checked.diagnostics);
    if (!checked.ok()) return MergePlan{};
    const transform::CompiledMapping& mapping = *checked.program->mappings.at(0);
    EXPECT_TRUE(mapping.merge().has_value());
    EXPECT_EQ(mapping.merge()->keep_earliest, keep == "earliest");
    const core::TableSchema* table = source_catalog_.Find("client");
    EXPECT_NE(table, nullptr);
    if (table == nullptr) return MergePlan{};
    auto rows = extract::OpenTableSource(*source_, *table, mapping.source_columns(), 2);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    if (!rows.ok()) return MergePlan{};
    auto plan = MergePlan::Build(mapping, **rows, *crosswalk_, nullptr);
    EXPECT_TRUE(plan.ok()) << plan.status().message();
    return plan.ok() ? std::move(*plan) : MergePlan{};
  }

  testing::TempDir dir_;
  std::unique_ptr<db::Database> source_, target_;
  core::Catalog source_catalog_, target_catalog_;
  std::unique_ptr<CrosswalkStore> crosswalk_;
};

TEST_F(MergePlanBuild, KeepEarliestPicksTheLowestOrderValue) {
  const MergePlan plan = Build("earliest");
  EXPECT_EQ(plan.duplicates(), 4u);
  // Smith: client 4 (C004, row 3) survives although row 1 came first.
  EXPECT_EQ(plan.SurvivorOf(1), std::optional<std::string>("C004"));
  EXPECT_EQ(plan.SurvivorOf(6), std::optional<std::string>("C004"));
  EXPECT_EQ(plan.SurvivorOf(3), std::nullopt);
  // Jones: client 20 survives; the row without a client_id never does.
  EXPECT_EQ(plan.SurvivorOf(5), std::optional<std::string>("C020"));
  EXPECT_EQ(plan.SurvivorOf(9), std::optional<std::string>("C020"));
  EXPECT_EQ(plan.SurvivorOf(2), std::nullopt);
  // Brown: the excluded row 7 (client 1) does not absorb row 4.
  EXPECT_EQ(plan.SurvivorOf(4), std::nullopt);
  EXPECT_EQ(plan.SurvivorOf(7), std::nullopt);
  // No merge key.
  EXPECT_EQ(plan.SurvivorOf(8), std::nullopt);
  EXPECT_EQ(plan.SurvivorOf(10), std::nullopt);  // past the end
}

TEST_F(MergePlanBuild, KeepLatestPicksTheHighestNonNullOrderValue) {
  const MergePlan plan = Build("latest");
  EXPECT_EQ(plan.duplicates(), 4u);
  // Smith: client 12 (C012, row 6) survives.
  EXPECT_EQ(plan.SurvivorOf(1), std::optional<std::string>("C012"));
  EXPECT_EQ(plan.SurvivorOf(3), std::optional<std::string>("C012"));
  EXPECT_EQ(plan.SurvivorOf(6), std::nullopt);
  // Jones: client 25 survives; the NULL client_id (sorted last) does not win "latest".
  EXPECT_EQ(plan.SurvivorOf(2), std::optional<std::string>("C025"));
  EXPECT_EQ(plan.SurvivorOf(9), std::optional<std::string>("C025"));
  EXPECT_EQ(plan.SurvivorOf(5), std::nullopt);
  EXPECT_EQ(plan.SurvivorOf(4), std::nullopt);
  EXPECT_EQ(plan.SurvivorOf(7), std::nullopt);
  EXPECT_EQ(plan.SurvivorOf(8), std::nullopt);
}

}  // namespace
}  // namespace handover::load
