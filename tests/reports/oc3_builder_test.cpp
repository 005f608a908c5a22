// The OC3 computation both sides share (Oc3Builder) and the before/after
// comparison: who is in the cohort, which record's code counts, and how a
// moved figure is named, figure by figure and person by person.
#include <gtest/gtest.h>

#include "reports/oc3_source.h"

namespace handover::reports {
namespace {

core::Date D(const char* iso) { return *core::Date::ParseIso(iso); }

TEST(Oc3Builder, TheCohortIsOpenCasesAged17To25InFullYears) {
  Oc3Builder b(D("2018-10-01"));
  b.AddPerson(1, D("2001-10-01"), true);   // 17 that day
  b.AddPerson(2, D("2001-10-02"), true);   // 16 for one more day
  b.AddPerson(3, D("1992-10-02"), true);   // 25
  b.AddPerson(4, D("1992-10-01"), true);   // 26 that day
  b.AddPerson(5, D("2000-01-01"), false);  // closed
  b.AddPerson(6, std::nullopt, true);      // no date of birth
  EXPECT_TRUE(b.InCohort(1));
  EXPECT_FALSE(b.InCohort(2));
  EXPECT_TRUE(b.InCohort(3));
  EXPECT_FALSE(b.InCohort(4));
  EXPECT_FALSE(b.InCohort(5));
  EXPECT_FALSE(b.InCohort(6));
  const Oc3Figures f = b.Finish({});
  EXPECT_EQ(f.cohort, 2);
  EXPECT_EQ(f.in_touch.at("none"), 2) << "no contact is counted as no information";
}

TEST(Oc3Builder, TheLatestContactAndTheCoveringEpisodeCount) {
  Oc3Builder b(D("2018-10-01"));
  b.AddPerson(1, D("2000-01-01"), true);
  b.AddRecord(Oc3Builder::kInTouch, 1, D("2018-09-01"), std::nullopt, false, 1, "YES");
  b.AddRecord(Oc3Builder::kInTouch, 1, D("2018-09-20"), std::nullopt, false, 2, "NO");
  b.AddRecord(Oc3Builder::kInTouch, 1, D("2018-09-20"), std::nullopt, false, 3, "REFU");  // same day, later
  b.AddRecord(Oc3Builder::kInTouch, 1, D("2018-10-02"), std::nullopt, false, 4, "YES");   // after the date
  b.AddRecord(Oc3Builder::kActivity, 1, D("2018-01-01"), D("2018-09-30"), true, 1, "F1");  // ended the day before
  b.AddRecord(Oc3Builder::kActivity, 1, D("2017-01-01"), std::nullopt, true, 2, "G4");
  b.AddRecord(Oc3Builder::kAccommodation, 1, D("2018-05-01"), D("2018-10-01"), true, 1, "B1");  // ends that day
  b.AddRecord(Oc3Builder::kInTouch, 9, D("2018-09-01"), std::nullopt, false, 5, "YES");  // not in the cohort
  const Oc3Figures f = b.Finish({"F1"});
  EXPECT_EQ(f.cohort, 1);
  EXPECT_EQ(f.in_touch.at("REFU"), 1);
  EXPECT_EQ(f.in_touch_yes, 0);
  EXPECT_EQ(f.activity.at("G4"), 1);
  EXPECT_EQ(f.in_eet, 0) << "G4 is not an EET code here";
  EXPECT_EQ(f.accommodation.at("B1"), 1);
  EXPECT_EQ(f.in_suitable, 1);
  EXPECT_EQ(f.codes_by_person.at(1), (std::array<std::string, 3>{"REFU", "G4", "B1"}));
}

Oc3Figures Figures(std::vector<std::tuple<int64_t, std::string>> contacts) {
  Oc3Builder b(D("2018-10-01"));
  for (const auto& [id, code] : contacts) {
    b.AddPerson(id, D("2000-01-01"), true);
    if (!code.empty()) b.AddRecord(Oc3Builder::kInTouch, id, D("2018-09-01"), std::nullopt, false, id, code);
  }
  return b.Finish({});
}

TEST(CompareOc3, EqualFiguresAreEqualPersonByPerson) {
  const StatutoryComparison c = CompareOc3(Figures({{1, "YES"}, {2, "NO"}}), Figures({{1, "YES"}, {2, "NO"}}), {});
  EXPECT_TRUE(c.equal());
  EXPECT_TRUE(c.differences.empty());
  EXPECT_EQ(c.people_differing, 0);
}

TEST(CompareOc3, NamesTheFiguresAndThePeopleThatMoved) {
  const std::unordered_map<int64_t, std::string> labels = {{1, "LC1"}, {2, "LC2"}, {-1, "LC9"}};
  const StatutoryComparison c =
      CompareOc3(Figures({{1, "YES"}, {2, "YES"}, {-1, ""}}), Figures({{1, "YES"}, {2, ""}}), labels);
  EXPECT_FALSE(c.equal());
  EXPECT_EQ(c.differences, (std::vector<std::string>{"cohort: 3 in the source, 2 migrated",
                                                     "in touch (IN_TOUCH YES): 2 in the source, 1 migrated",
                                                     "IN_TOUCH YES: 2 in the source, 1 migrated",
                                                     "ACTIV none: 3 in the source, 2 migrated",
                                                     "ACCOM none: 3 in the source, 2 migrated"}));
  ASSERT_EQ(c.people_differing, 2);
  ASSERT_EQ(c.people.size(), 2u);
  // In id order: the person the council does not hold first.
  EXPECT_EQ(c.people[0].person, "legacy LC9");
  EXPECT_EQ(c.people[0].figure, "cohort");
  EXPECT_EQ(c.people[0].source, "member");
  EXPECT_EQ(c.people[0].target, "not in cohort");
  EXPECT_EQ(c.people[1].person, "council id 2 (legacy LC2)");
  EXPECT_EQ(c.people[1].figure, "IN_TOUCH");
  EXPECT_EQ(c.people[1].source, "YES");
  EXPECT_EQ(c.people[1].target, "none");
}

}  // namespace
}  // namespace handover::reports
