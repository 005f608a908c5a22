// What a value looks like: the provider's four date formats (and the day /
// month ambiguity), date-shaped impossible dates, money text, numbers and
// identifiers with leading zeros, and the surname skeleton of the
// duplicate match key.
#include <gtest/gtest.h>

#include "profile/profile_source.h"
#include "profile/text_shape.h"

namespace handover::profile {
namespace {

std::string FormatOf(std::string_view text) {
  auto shape = ReadDate(text);
  return shape ? std::string(kDateFormats[shape->format]) : "";
}

TEST(ReadDate, TheProvidersFourFormats) {
  EXPECT_EQ(FormatOf("2001-03-14"), "%Y-%m-%d");
  EXPECT_EQ(FormatOf("14/03/2001"), "%d/%m/%Y");
  EXPECT_EQ(FormatOf("14-Mar-01"), "%d-%b-%y");
  EXPECT_EQ(FormatOf("14.3.2001"), "%d.%m.%Y");
  EXPECT_EQ(FormatOf(" 2001-03-14 "), "%Y-%m-%d");
  EXPECT_EQ(ReadDate("14/03/2001")->date.ToIso(), "2001-03-14");
}

TEST(ReadDate, MonthFirstOnlyWhenTheDayCannotBeAMonth) {
  EXPECT_EQ(FormatOf("03/14/2001"), "%m/%d/%Y");
  EXPECT_EQ(FormatOf("03/04/2001"), "%d/%m/%Y");
}

TEST(ReadDate, AmbiguousWhenDayAndMonthCouldSwap) {
  EXPECT_TRUE(ReadDate("03/04/2001")->ambiguous);
  EXPECT_TRUE(ReadDate("3.4.2001")->ambiguous);
  EXPECT_FALSE(ReadDate("04/04/2001")->ambiguous);
  EXPECT_FALSE(ReadDate("14/03/2001")->ambiguous);
  EXPECT_FALSE(ReadDate("2001-03-04")->ambiguous);
}

TEST(ReadDate, ImpossibleDatesAreDateShapedButUnreadable) {
  for (const char* text : {"31/02/2002", "00/00/0000", "31/04/2010", "30-Feb-02"}) {
    EXPECT_FALSE(ReadDate(text)) << text;
    EXPECT_TRUE(HasDateShape(text)) << text;
  }
  for (const char* text : {"", "n/a", "LC0000042", "12.50", "1/2", "See notes"}) EXPECT_FALSE(HasDateShape(text)) << text;
}

TEST(ReadMoney, ThePoundSignCommasFloatNoiseAndNegatives) {
  auto pound = ReadMoney("\xC2\xA3" "1,200.00");
  ASSERT_TRUE(pound);
  EXPECT_TRUE(pound->pound_sign);
  EXPECT_TRUE(pound->thousands_commas);
  EXPECT_FALSE(pound->float_noise);
  EXPECT_TRUE(pound->money_like());
  auto noise = ReadMoney("89.99999999");
  ASSERT_TRUE(noise);
  EXPECT_TRUE(noise->float_noise);
  auto refund = ReadMoney("-12.50");
  ASSERT_TRUE(refund);
  EXPECT_TRUE(refund->negative);
  auto whole = ReadMoney("2000");
  ASSERT_TRUE(whole);
  EXPECT_FALSE(whole->money_like());
  EXPECT_FALSE(ReadMoney("n/a"));
  EXPECT_FALSE(ReadMoney(""));
  EXPECT_FALSE(ReadMoney("14.3.2001"));
}

TEST(Numbers, IntegersDecimalsAndLeadingZeros) {
  EXPECT_TRUE(IsIntegerText("42"));
  EXPECT_TRUE(IsIntegerText("-7"));
  EXPECT_FALSE(IsIntegerText("4.2"));
  EXPECT_FALSE(IsIntegerText(""));
  EXPECT_TRUE(IsDecimalText("12.50"));
  EXPECT_FALSE(IsDecimalText("12"));
  EXPECT_TRUE(HasLeadingZero("007"));
  EXPECT_FALSE(HasLeadingZero("0"));
  EXPECT_FALSE(HasLeadingZero("700"));
}

TEST(SurnameSkeleton, AsTheProviderDatabaseDocumentDefinesIt) {
  EXPECT_EQ(SurnameSkeleton("Thompson "), "thmpsn");
  EXPECT_EQ(SurnameSkeleton("O'Brien"), "obrn");
  EXPECT_EQ(SurnameSkeleton("Thommps\xE9n"), "thmpsn");
  EXPECT_EQ(SurnameSkeleton("Adams"), "adms");
}

}  // namespace
}  // namespace handover::profile
