#include "db/text_columns.h"

#include <gtest/gtest.h>

namespace handover::db {
namespace {

TEST(TextColumns, CellsComeBackAsBufferedWithNullsApart) {
  TextColumns cells(3);
  cells.Append(0, "LC0000046 ");  // blanks kept
  cells.AppendNull(1);
  cells.AppendValue(2, core::Value(core::Pence{-1234}));
  cells.Append(0, "");  // empty is not NULL
  cells.AppendValue(1, core::Value(core::Date::FromYmd(2023, 4, 1).value()));
  cells.AppendValue(2, core::Value(core::Null{}));
  EXPECT_EQ(cells.Cell(0, 0), "LC0000046 ");
  EXPECT_TRUE(cells.IsNull(1, 0));
  EXPECT_EQ(cells.Cell(2, 0), "-1234");
  EXPECT_EQ(cells.Cell(0, 1), "");
  EXPECT_FALSE(cells.IsNull(0, 1));
  EXPECT_EQ(cells.Cell(1, 1), "2023-04-01");
  EXPECT_TRUE(cells.IsNull(2, 1));
  EXPECT_EQ(cells.ColumnStrings(0), (std::vector<std::string>{"LC0000046 ", ""}));
  cells.Clear();
  cells.Append(0, "x");
  EXPECT_EQ(cells.Cell(0, 0), "x");
  EXPECT_EQ(cells.Nulls(0).size(), 1u);
}

TEST(TextColumns, EveryValueTypeIsWrittenAsToTextRendersIt) {
  const core::Value values[] = {core::Value(true),
                                core::Value(false),
                                core::Value(int64_t{0}),
                                core::Value(int64_t{-9223372036854775807 - 1}),
                                core::Value(core::Pence{200000}),
                                core::Value(*core::Decimal::Parse("-12.50")),
                                core::Value(std::string("£ é €")),
                                core::Value(core::Date::FromYmd(1, 1, 1).value()),
                                core::Value(core::Date::FromYmd(999, 12, 31).value()),
                                core::Value(core::Date::FromYmd(9999, 12, 31).value()),
                                core::Value(core::Date::FromYmd(2000, 2, 29).value())};
  TextColumns cells(1);
  for (const auto& v : values) cells.AppendValue(0, v);
  for (size_t r = 0; r < std::size(values); ++r) EXPECT_EQ(cells.Cell(0, r), core::ToText(values[r])) << r;
  // Dates are spelt out: ToText renders them the same way.
  EXPECT_EQ(cells.Cell(0, 7), "0001-01-01");
  EXPECT_EQ(cells.Cell(0, 8), "0999-12-31");
  EXPECT_EQ(cells.Cell(0, 9), "9999-12-31");
  EXPECT_EQ(cells.Cell(0, 10), "2000-02-29");
  EXPECT_EQ(cells.Cell(0, 3), "-9223372036854775808");
  EXPECT_EQ(cells.Cell(0, 5), "-12.50");
}

}  // namespace
}  // namespace handover::db
