#include "common/text.hpp"

#include <gtest/gtest.h>

namespace faxian {
namespace {

TEST(Trim, RemovesAsciiAndIdeographicSpaceAtBothEnds) {
  EXPECT_EQ(trim("  abc\t\r\n"), "abc");
  EXPECT_EQ(trim("\xE3\x80\x80 中文 \xE3\x80\x80"), "中文");
  EXPECT_EQ(trim("a b"), "a b");
  EXPECT_EQ(trim(" \xE3\x80\x80 "), "");
  EXPECT_EQ(trim(""), "");
}

TEST(Trim, KeepsInnerIdeographicSpace) {
  EXPECT_EQ(trim(" 张\xE3\x80\x80三 "), "张\xE3\x80\x80三");
}

TEST(ToHalfWidth, ConvertsFullWidthAsciiFormsAndIdeographicSpace) {
  EXPECT_EQ(to_half_width("５００２４１ｘＸ"), "500241xX");
  EXPECT_EQ(to_half_width("１，２３４．５６"), "1,234.56");
  EXPECT_EQ(to_half_width("！～"), "!~");
  EXPECT_EQ(to_half_width("a\xE3\x80\x80"
                          "b"),
            "a b");
}

TEST(ToHalfWidth, LeavesOtherTextAndInvalidBytesUnchanged) {
  EXPECT_EQ(to_half_width("秀山县￥元"), "秀山县￥元");  // ￥ U+FFE5 is outside FF01–FF5E
  EXPECT_EQ(to_half_width("ab\xFF"
                          "c"),
            "ab\xFF"
            "c");
}

TEST(IsValidUtf8, AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("发现 𠀀"));  // includes a 4-byte character
}

TEST(IsValidUtf8, RejectsMalformedSequences) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong 3-byte
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // beyond U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE5\x8F"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation byte
  EXPECT_FALSE(is_valid_utf8("\xB7\xA2\xCF\xD6"));  // "发现" in GB18030
}

TEST(NextCodePoint, DecodesAndAdvances) {
  const std::string_view text = "a发\xFF";
  std::size_t pos = 0;
  EXPECT_EQ(next_code_point(text, pos), U'a');
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(next_code_point(text, pos), U'发');
  EXPECT_EQ(pos, 4u);
  EXPECT_EQ(next_code_point(text, pos), kInvalidUtf8);
  EXPECT_EQ(pos, 5u);
}

TEST(AppendUtf8, RoundTripsThroughTheDecoder) {
  for (char32_t cp : {U'A', U'\u00A5', U'\u3000', U'\uFFE5', U'\U00020000'}) {
    std::string encoded;
    append_utf8(encoded, cp);
    std::size_t pos = 0;
    EXPECT_EQ(next_code_point(encoded, pos), cp);
    EXPECT_EQ(pos, encoded.size());
  }
}

TEST(CodePointCount, CountsCharactersNotBytes) {
  EXPECT_EQ(code_point_count("欧阳修"), 3u);
  EXPECT_EQ(code_point_count("ab\xFF"), 3u);
}

TEST(StripUtf8Bom, RemovesOnlyALeadingBom) {
  EXPECT_EQ(strip_utf8_bom("\xEF\xBB\xBF身份证号"), "身份证号");
  EXPECT_EQ(strip_utf8_bom("身份证号"), "身份证号");
}

TEST(ToLowerAscii, LowersOnlyAsciiLetters) {
  EXPECT_EQ(to_lower_ascii("ID_Number 姓名X"), "id_number 姓名x");
}

TEST(MaskPhone, KeepsFirstThreeAndLastFour) {
  EXPECT_EQ(mask_phone("13812345678"), "138****5678");
  EXPECT_EQ(mask_phone("023-76651234"), "023*****1234");
  EXPECT_EQ(mask_phone("12345"), "***45");
  EXPECT_EQ(mask_phone(""), "");
}

TEST(MaskName, KeepsFirstCharacterOnly) {
  EXPECT_EQ(mask_name("张三"), "张*");
  EXPECT_EQ(mask_name("欧阳小明"), "欧***");
  EXPECT_EQ(mask_name("张"), "*");
  EXPECT_EQ(mask_name(""), "");
}

}  // namespace
}  // namespace faxian
