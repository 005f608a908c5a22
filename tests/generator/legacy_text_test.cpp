// The provider's writers and the documented readers agree: every date and
// amount the generator writes reads back exactly under the rules in
// docs/provider-database.md (implemented independently in the tests), and
// every planted spelling variant keeps the duplicate match key.
#include "generator/legacy_text.h"

#include <gtest/gtest.h>

#include <set>

#include "generator/names.h"
#include "generator/random.h"
#include "tests/generator/reference_migration.h"

namespace handover::generator::testing {
namespace {

TEST(Rng, GivesTheSameStreamOnEveryPlatform) {
  // Golden values: if these change, every generated database changes.
  Rng rng(42, 7);
  EXPECT_EQ(rng.Next(), 229326669945272471ULL);
  EXPECT_EQ(rng.Next(), 13066385693515883079ULL);
  EXPECT_EQ(rng.Next(), 11807876302850818422ULL);
  Rng again(42, 7);
  EXPECT_EQ(again.Between(-5, 5), -5);
  EXPECT_EQ(again.Below(1000), 708u);
  EXPECT_NE(Rng(42, 8).Next(), Rng(42, 7).Next());
  EXPECT_NE(Rng(43, 7).Next(), Rng(42, 7).Next());
}

TEST(LegacyDates, EveryWrittenDateReadsBack) {
  Rng rng(1, 1);
  std::set<char> separators;
  // The generator's dates lie in 1969-2068, where two-digit years read back.
  const core::Date first = *core::Date::FromYmd(1969, 1, 1);
  for (int i = 0; i < 20000; ++i) {
    const core::Date date{first.days + static_cast<int32_t>(rng.Below(36524))};
    const std::string text = FormatLegacyDate(date, rng);
    const auto back = ParseLegacyDate(text);
    ASSERT_TRUE(back.has_value()) << text;
    ASSERT_EQ(back->days, date.days) << text << " read as " << back->ToIso();
    separators.insert(text[2] == '/' || text[2] == '-' ? text[2] : (text[4] == '-' ? 'i' : '.'));
  }
  EXPECT_EQ(separators.size(), 4u) << "ISO, slash, dd-Mon-yy and dotted all occur";
}

TEST(LegacyDates, UnreadableDatesNeverRead) {
  Rng rng(2, 2);
  std::set<std::string> kinds;
  for (int i = 0; i < 3000; ++i) {
    const std::string text = UnreadableDate(*core::Date::FromYmd(2002, 5, 1), rng);
    EXPECT_FALSE(ParseLegacyDate(text).has_value()) << text;
    kinds.insert(text.empty() ? "blank" : text.substr(0, 3));
  }
  EXPECT_TRUE(kinds.count("blank") && kinds.count("00/") && kinds.count("31/"));
  EXPECT_FALSE(ParseLegacyDate("31/02/2002").has_value());
  EXPECT_EQ(ParseLegacyDate("14-Mar-01")->ToIso(), "2001-03-14");
  EXPECT_EQ(ParseLegacyDate("14.3.2001")->ToIso(), "2001-03-14");
  EXPECT_EQ(ParseLegacyDate("14/03/2001")->ToIso(), "2001-03-14");
}

TEST(LegacyMoney, EveryWrittenAmountReadsBackToThePenny) {
  Rng rng(3, 3);
  std::set<std::string> shapes;
  for (int i = 0; i < 50000; ++i) {
    const int64_t pence = static_cast<int64_t>(rng.Below(400000)) - 20000;
    if (pence == 0) continue;
    const std::string text = FormatLegacyMoney(pence, rng);
    const auto back = ParseLegacyMoney(text);
    ASSERT_TRUE(back.has_value()) << text;
    ASSERT_EQ(*back, pence) << text;
    if (text.find("\xC2\xA3") != std::string::npos) shapes.insert("pound");
    if (text.find(',') != std::string::npos) shapes.insert("comma");
    if (text.size() > 8 && text.find('.') == text.size() - 9) shapes.insert("noise");
    if (text.find('.') == std::string::npos) shapes.insert("whole");
    if (text[0] == '-') shapes.insert("negative");
  }
  EXPECT_EQ(shapes.size(), 5u);
  EXPECT_EQ(*ParseLegacyMoney("89.99999999"), 9000);
  EXPECT_EQ(*ParseLegacyMoney("\xC2\xA3"
                              "1,200.00"),
            120000);
  EXPECT_FALSE(ParseLegacyMoney("").has_value());
  EXPECT_FALSE(ParseLegacyMoney("n/a").has_value());
  Rng bad(4, 4);
  for (int i = 0; i < 100; ++i) EXPECT_FALSE(ParseLegacyMoney(UnreadableMoney(bad)).has_value());
}

TEST(Names, SurnamesHaveDistinctMatchKeys) {
  std::set<std::string> skeletons;
  for (const auto& surname : Surnames()) {
    EXPECT_EQ(NameSkeleton(surname), MatchSkeleton(surname)) << surname;
    EXPECT_TRUE(skeletons.insert(NameSkeleton(surname)).second) << surname << " collides";
  }
  std::set<char> initials;
  for (const auto& group : ForenamesByInitial()) {
    ASSERT_FALSE(group.empty());
    EXPECT_TRUE(initials.insert(group[0][0]).second);
    for (const auto& name : group) EXPECT_EQ(name[0], group[0][0]) << name;
  }
}

TEST(Names, PlantedVariantsKeepTheMatchKey) {
  Rng rng(5, 5);
  int changed = 0;
  for (int i = 0; i < 5000; ++i) {
    const std::string& surname = Surnames()[rng.Below(Surnames().size())];
    for (const std::string& variant :
         {SurnameVariant(surname, rng), WithWin1252Accent(surname, rng), MessyName(surname, rng)}) {
      ASSERT_EQ(MatchSkeleton(variant), MatchSkeleton(surname)) << surname << " -> " << variant;
      changed += variant != surname;
    }
  }
  EXPECT_GT(changed, 9000);
  EXPECT_EQ(ForenameVariant("Christopher", 0), "Chris");
  for (const auto& group : ForenamesByInitial())
    for (const auto& name : group)
      for (size_t pick : {0, 1}) {
        const std::string variant = ForenameVariant(name, pick);
        EXPECT_EQ(MatchSkeleton(variant)[0], MatchSkeleton(name)[0]) << name << " -> " << variant;
      }
}

}  // namespace
}  // namespace handover::generator::testing
