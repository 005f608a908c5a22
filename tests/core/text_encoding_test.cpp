#include "core/text_encoding.h"

#include <gtest/gtest.h>

namespace handover {
namespace {

TEST(TextEncoding, ValidUtf8IsRecognisedAndKept) {
  EXPECT_TRUE(core::IsValidUtf8("plain"));
  EXPECT_TRUE(core::IsValidUtf8("\xC2\xA3" "5.00 Zo\xC3\xAB"));
  EXPECT_EQ(core::RepairToUtf8("\xC2\xA3" "5.00"), "\xC2\xA3" "5.00");
  EXPECT_EQ(core::RepairToUtf8("plain"), "plain");
}

TEST(TextEncoding, InvalidSequencesAreFound) {
  EXPECT_EQ(core::FirstInvalidUtf8("Zo\xEB"), 2u);                  // Windows-1252 e-diaeresis
  EXPECT_EQ(core::FirstInvalidUtf8("ab\xC0\xAF"), 2u);              // overlong '/'
  EXPECT_EQ(core::FirstInvalidUtf8("x\xED\xA0\x80"), 1u);           // a surrogate
  EXPECT_EQ(core::FirstInvalidUtf8("\xE2\x82"), 0u);                // truncated euro sign
  EXPECT_FALSE(core::FirstInvalidUtf8("\xF0\x9F\x98\x80").has_value());  // 4-byte emoji
}

TEST(TextEncoding, Windows1252BytesBecomeTheirCharacters) {
  EXPECT_EQ(core::RepairToUtf8("Zo\xEB"), "Zo\xC3\xAB");
  EXPECT_EQ(core::RepairToUtf8("O\x92" "Brien"), "O\xE2\x80\x99" "Brien");  // right single quote
  EXPECT_EQ(core::RepairToUtf8("\x80" "5"), "\xE2\x82\xAC" "5");              // euro sign
  EXPECT_EQ(core::RepairToUtf8("a\x81" "b"), "a\xEF\xBF\xBD" "b");            // undefined: U+FFFD
  // Valid sequences beside invalid bytes are kept as they are.
  EXPECT_EQ(core::RepairToUtf8("\xC3\xA9t\xE9"), "\xC3\xA9t\xC3\xA9");
}

}  // namespace
}  // namespace handover
