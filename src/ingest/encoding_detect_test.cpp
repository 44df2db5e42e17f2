// The whole-file encoding rule and its UTF-8 census, including sequences split across blocks.

#include <gtest/gtest.h>

#include "ingest/encoding_detect.hpp"
#include "ingest/encoding_gb18030.hpp"
#include "ingest/table_reader_source.hpp"

namespace faxian::ingest {
namespace {

Utf8Census census_of(std::string_view text) {
  Utf8Census census;
  EXPECT_EQ(scan_utf8_block(text.data(), text.size(), true, census), text.size());
  return census;
}

TEST(EncodingDetect, CountsValidMultibyteSequencesAndInvalidBytes) {
  const Utf8Census chinese = census_of("秀山 county 𠀀 é");
  EXPECT_EQ(chinese.multibyte, 4);
  EXPECT_EQ(chinese.invalid, 0);
  // Overlong, surrogate, beyond U+10FFFF, stray continuation, truncated at the end.
  for (const std::string_view bad :
       {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "\xE4\xB8"}) {
    EXPECT_GT(census_of(bad).invalid, 0) << bad.size();
    EXPECT_EQ(census_of(bad).multibyte, 0);
  }
}

TEST(EncodingDetect, StopsBeforeASequenceThatMayContinueInTheNextBlock) {
  const std::string text = "ab秀";  // 秀 is three bytes
  Utf8Census census;
  EXPECT_EQ(scan_utf8_block(text.data(), 4, false, census), 2u);
  EXPECT_EQ(census.invalid, 0);
  EXPECT_EQ(scan_utf8_block(text.data(), 4, true, census), 4u);
  EXPECT_EQ(census.invalid, 2);
}

TEST(EncodingDetect, ChoosesUtf8OnlyWhenValidThroughoutOrOverwhelminglySo) {
  EXPECT_EQ(choose_encoding({0, 0}), TextEncoding::kUtf8);
  EXPECT_EQ(choose_encoding({1000, 0}), TextEncoding::kUtf8);
  EXPECT_EQ(choose_encoding({kUtf8MajorityRatio, 1}), TextEncoding::kUtf8);
  EXPECT_EQ(choose_encoding({kUtf8MajorityRatio - 1, 1}), TextEncoding::kGb18030);
  EXPECT_EQ(choose_encoding({0, 1}), TextEncoding::kGb18030);
}

TEST(EncodingDetect, RealGb18030TextIsNeverTakenForUtf8) {
  auto decoder = Gb18030Decoder::create();
  ASSERT_TRUE(decoder);
  // Every two-byte GB2312 hanzi (rows B0–F7), encoded: by chance some pairs look like UTF-8.
  std::string gb;
  for (int lead = 0xB0; lead <= 0xF7; ++lead) {
    for (int trail = 0xA1; trail <= 0xFE; ++trail) {
      gb += static_cast<char>(lead);
      gb += static_cast<char>(trail);
    }
  }
  const Utf8Census census = census_of(gb);
  EXPECT_GT(census.multibyte, 0);
  EXPECT_EQ(choose_encoding(census), TextEncoding::kGb18030);
  std::string utf8;
  EXPECT_TRUE(decoder->to_utf8(gb, utf8));
}

TEST(EncodingDetect, ScansASourceAcrossItsBlockBoundaries) {
  // Three-byte characters straddle the scanner's 4 MiB blocks at every offset.
  std::string text = "x";
  while (text.size() < (9u << 20))
    text += "秀山土家族苗族自治县";
  auto source = make_memory_source(text);
  auto census = scan_utf8_source(*source);
  ASSERT_TRUE(census);
  EXPECT_EQ(census->invalid, 0);
  EXPECT_EQ(census->multibyte, static_cast<int64_t>((text.size() - 1) / 3));
}

TEST(EncodingDetect, FieldHelpers) {
  EXPECT_TRUE(is_ascii("0123456789abcdef0123456789abcdef,"));
  EXPECT_FALSE(is_ascii("0123456789abcdef0123456789abcdef,秀"));
  EXPECT_TRUE(is_utf8("秀山"));
  EXPECT_FALSE(is_utf8("\xFF秀"));
  EXPECT_EQ(replace_invalid_utf8("a\xFF秀\xE4\xB8"), "a\uFFFD秀\uFFFD\uFFFD");
}

}  // namespace
}  // namespace faxian::ingest
