// One column's figures: NULL and blank shares, distinct values, frequent
// values, case variants, padding, non-UTF-8 bytes, and what the column
// looks like.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "profile/column_profiler.h"

namespace handover::profile {
namespace {

ColumnProfile Profile(const std::string& name, const std::vector<const char*>& values) {
  ColumnProfiler profiler(name, "TEXT", name.find("name") != std::string::npos);
  for (const char* v : values) {
    const std::string text = v ? v : "";
    profiler.Add(v ? &text : nullptr);
  }
  return profiler.Finish();
}

TEST(ColumnProfiler, CountsNullsBlanksPaddingAndNonUtf8) {
  const auto p = Profile("notes", {nullptr, "", "  ", "Zo\xEB", "ok ", "fine"});
  EXPECT_EQ(p.rows, 6);
  EXPECT_EQ(p.nulls, 1);
  EXPECT_EQ(p.blanks, 2);
  EXPECT_EQ(p.padded, 1);
  EXPECT_EQ(p.non_utf8, 1);
  EXPECT_EQ(p.max_length, 4);
  EXPECT_TRUE(p.distinct_exact);
  EXPECT_EQ(p.distinct, 5);
}

TEST(ColumnProfiler, DateFormatsWithTheirCountsLargestFirst) {
  const auto p = Profile("dob", {"2001-03-14", "2002-05-01", "2003-01-09", "14/03/2001", "03/04/2001", "14-Mar-01",
                                 "31/02/2002", nullptr});
  EXPECT_EQ(p.looks, Looks::kDate);
  EXPECT_EQ(p.dates, 6);
  EXPECT_EQ(p.unreadable_dates, 1);
  EXPECT_EQ(p.ambiguous_dates, 1);
  ASSERT_EQ(p.date_formats.size(), 3u);
  EXPECT_EQ(p.date_formats[0].format, "%Y-%m-%d");
  EXPECT_EQ(p.date_formats[0].count, 3);
  EXPECT_EQ(p.date_formats[1].format, "%d/%m/%Y");
  EXPECT_EQ(p.date_formats[1].count, 2);
  EXPECT_EQ(p.date_formats[2].format, "%d-%b-%y");
  EXPECT_EQ(p.earliest_date, "2001-03-14");
  EXPECT_EQ(p.latest_date, "2003-01-09");
}

TEST(ColumnProfiler, MoneyText) {
  std::vector<const char*> values = {"\xC2\xA3" "1,200.00", "89.99999999", "-12.50", "2000", "n/a"};
  values.insert(values.end(), 45, "57.50");
  const auto p = Profile("amount", values);
  EXPECT_EQ(p.looks, Looks::kMoney);
  EXPECT_EQ(p.money.readable, 49);
  EXPECT_EQ(p.money.pound_sign, 1);
  EXPECT_EQ(p.money.thousands_commas, 1);
  EXPECT_EQ(p.money.float_noise, 1);
  EXPECT_EQ(p.money.negative, 1);
  EXPECT_EQ(p.money.whole, 1);
  EXPECT_EQ(p.money.unreadable, 1);
}

TEST(ColumnProfiler, CodesAndTheirCaseVariants) {
  std::vector<const char*> values;
  for (int i = 0; i < 80; ++i) values.push_back(i % 4 == 0 ? "Rent" : i % 4 == 1 ? "WA" : i % 4 == 2 ? "SP" : "wa");
  values.push_back("RENT ");
  const auto p = Profile("pay_type", values);
  EXPECT_EQ(p.looks, Looks::kCode);
  EXPECT_EQ(p.distinct, 5);
  ASSERT_EQ(p.top.size(), 5u);
  EXPECT_EQ(p.top[0].count, 20);
  ASSERT_EQ(p.case_variants.size(), 2u);
  EXPECT_EQ(p.case_variants[0].size(), 2u);
}

TEST(ColumnProfiler, IntegersIdentifiersAndNumericMinMax) {
  const auto ids = Profile("payment_id", {"9", "10", "11", "007"});
  EXPECT_EQ(ids.looks, Looks::kIdentifier);
  EXPECT_EQ(ids.min, "7");
  EXPECT_EQ(ids.max, "11");
  EXPECT_EQ(ids.leading_zeros, 1);
  const auto flags = Profile("deleted", {"0", "1", "0", "0", "1", "0", nullptr});
  EXPECT_EQ(flags.looks, Looks::kInteger);
}

TEST(ColumnProfiler, PersonalTextIsNeverACode) {
  std::vector<const char*> values(50, "Smith");
  values.push_back("Jones");
  EXPECT_EQ(Profile("surname", values).looks, Looks::kText);
}

}  // namespace
}  // namespace handover::profile
