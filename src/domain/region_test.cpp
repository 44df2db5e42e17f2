#include "domain/region.hpp"
#include "common/source_dir_for_tests.hpp"

#include <gtest/gtest.h>

namespace faxian {
namespace {

constexpr std::string_view kSmallCounty =
    "\xEF\xBB\xBF"
    "code,name,level,parent_code,urban_rural_code\r\n"
    "500241,秀山土家族苗族自治县,county,,\r\n"
    "500241001,中和街道,township,500241,\r\n"
    "500241001001,东风社区,village,500241001,111\r\n"
    "500241101,清溪场镇,township,500241,\r\n"
    "500241101200,\"大寨村\",village,500241101,220\r\n";

std::string with_row(std::string_view row) {
  return std::string(kSmallCounty) + std::string(row);
}

void expect_error_mentions(std::string_view csv, std::string_view needle) {
  auto parsed = parse_regions_csv(csv);
  ASSERT_FALSE(parsed.has_value()) << needle;
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(parsed.error().message.find(needle), std::string::npos) << parsed.error().message;
}

TEST(RegionTest, ParsesATreeWithBomCrlfAndQuotes) {
  auto regions = parse_regions_csv(kSmallCounty);
  ASSERT_TRUE(regions.has_value()) << regions.error().to_string();
  ASSERT_EQ(regions->size(), 5u);
  EXPECT_EQ((*regions)[0].level, RegionLevel::kCounty);
  EXPECT_EQ((*regions)[0].parent_code, "");
  EXPECT_EQ((*regions)[4].name, "大寨村");
  EXPECT_EQ((*regions)[2].area_type(), AreaType::kUrban);
  EXPECT_EQ((*regions)[4].area_type(), AreaType::kRural);
}

TEST(RegionTest, HeaderColumnsMayComeInAnyOrder) {
  constexpr std::string_view csv =
      "name,code,parent_code,level,urban_rural_code\n"
      "秀山县,500241,,county,\n"
      "中和街道,500241001,500241,township,\n";
  auto regions = parse_regions_csv(csv);
  ASSERT_TRUE(regions.has_value()) << regions.error().to_string();
  EXPECT_EQ((*regions)[1].code, "500241001");
}

TEST(RegionTest, LevelNamesRoundTrip) {
  for (RegionLevel level : {RegionLevel::kCounty, RegionLevel::kTownship, RegionLevel::kVillage}) {
    EXPECT_EQ(parse_region_level(region_level_name(level)).value(), level);
  }
  EXPECT_FALSE(parse_region_level("town").has_value());
}

TEST(RegionTest, RejectsWrongCodeLengthWithLineNumber) {
  expect_error_mentions(with_row("50024110120,短码村,village,500241101,220\n"), "第 7 行");
}

TEST(RegionTest, RejectsMissingParent) {
  expect_error_mentions(with_row("500241999001,孤村,village,500241999,220\n"), "500241999");
}

TEST(RegionTest, RejectsParentOfWrongLevel) {
  expect_error_mentions(with_row("500241001002,错层社区,village,500241,111\n"), "第 7 行");
}

TEST(RegionTest, RejectsParentThatIsNotAPrefix) {
  expect_error_mentions(with_row("500241102001,前缀社区,village,500241101,121\n"), "前缀");
}

TEST(RegionTest, RejectsBadUrbanRuralCode) {
  expect_error_mentions(with_row("500241101201,无码村,village,500241101,\n"), "城乡分类代码");
  expect_error_mentions(with_row("500241101201,错码村,village,500241101,230\n"), "城乡分类代码");
  expect_error_mentions(with_row("500241102,某镇,township,500241,220\n"), "城乡分类代码");
}

TEST(RegionTest, RejectsDuplicateCodes) {
  expect_error_mentions(with_row("500241101200,大寨村,village,500241101,220\n"), "重复");
}

TEST(RegionTest, RequiresExactlyOneCounty) {
  expect_error_mentions(with_row("500242,酉阳县,county,,\n"), "一个县级");
  expect_error_mentions("code,name,level,parent_code,urban_rural_code\n", "一个县级");
}

TEST(RegionTest, RequiresHeaderAndKnownLevel) {
  expect_error_mentions("code,name,level,parent_code\n500241,秀山,county,\n", "urban_rural_code");
  expect_error_mentions(with_row("500241102,某镇,town,500241,\n"), "级别");
  expect_error_mentions(with_row("500241102,\"某镇,township,500241,\n"), "引号");
}

TEST(RegionTest, ParsesTheShippedRegionsFile) {
  auto regions = load_regions_file(faxian_source_dir() + "/data/regions/500241.csv");
  ASSERT_TRUE(regions.has_value()) << regions.error().to_string();
  int townships = 0, villages = 0;
  for (const Region& region : *regions) {
    townships += region.level == RegionLevel::kTownship;
    villages += region.level == RegionLevel::kVillage;
  }
  EXPECT_EQ(townships, 27);
  EXPECT_EQ(villages, 268);
}

TEST(RegionTest, MissingFileIsAnError) {
  auto regions = load_regions_file("/nonexistent/regions.csv");
  ASSERT_FALSE(regions.has_value());
}

}  // namespace
}  // namespace faxian
