// Schemas of employment, income, disaster, education and assets: a good row, the same facts in
// other forms, and bad rows.
#include <gtest/gtest.h>

#include "ingest/schema_test_util.hpp"

namespace faxian::ingest {
namespace {

using namespace testing;

const std::string kId = "500241197208159925";
const std::string kFifteen = "500241720815992";

TEST(SchemaEmploymentTest, RowKeyIsTheContentHash) {
  const std::vector<std::string> header = {"身份证号", "姓名",     "事件类型",
                                           "事件日期", "单位名称", "缴费基数"};
  const ParsedRow plain =
      accepted(parse_text_row(FeedKind::kEmployment, header,
                              {kId, "李四", "失业登记", "2026-09-21", "华兴建筑", "3000.00"}));
  const auto record = record_of<EmploymentRecord>(plain);
  EXPECT_EQ(record.event, EmploymentEvent::kUnemployed);
  EXPECT_EQ(record.contribution_base, Money::from_yuan(3000));
  EXPECT_EQ(plain.natural_key, plain.content_hash);
  const ParsedRow again = accepted(parse_text_row(
      FeedKind::kEmployment, header,
      {"500241-19720815-9925", "李四", "unemployed", "2026年9月21日", "华兴建筑", "3,000.00"}));
  EXPECT_EQ(again.natural_key, plain.natural_key);
  const ParsedRow other_day = accepted(parse_text_row(
      FeedKind::kEmployment, header, {kId, "李四", "失业登记", "2026-09-22", "华兴建筑", "3000"}));
  EXPECT_NE(other_day.natural_key, plain.natural_key);
  EXPECT_EQ(codes(rejected(parse_text_row(FeedKind::kEmployment, header,
                                          {kId, "李四", "下岗", "2023年2月30日", "", "-3000.00"}))),
            (std::vector<std::string>{"unknown_enum", "bad_date", "negative_amount"}));
  EXPECT_EQ(codes(rejected(parse_text_row(FeedKind::kEmployment, header,
                                          {kId, "李四", "失业登记", "", "", ""}))),
            (std::vector<std::string>{"missing_value"}));
}

TEST(SchemaIncomeTest, KeyAndForms) {
  const std::vector<std::string> header = {"身份证号", "姓名", "所属期",
                                           "收入类型", "金额", "来源"};
  const ParsedRow plain = accepted(parse_text_row(
      FeedKind::kIncome, header, {kId, "李四", "2026-08", "工资薪金", "3200.00", "税务局"}));
  EXPECT_EQ(plain.natural_key, kId + "|2026-08|wage|税务局");
  EXPECT_EQ(record_of<IncomeRecord>(plain).amount, Money::from_yuan(3200));
  const ParsedRow again = accepted(parse_text_row(
      FeedKind::kIncome, header, {kFifteen, "李四", "202608", "WAGE", "¥3,200.00", "税务局"}));
  EXPECT_EQ(again.natural_key, plain.natural_key);
  EXPECT_EQ(again.content_hash, plain.content_hash);
  const std::vector<std::pair<std::vector<std::string>, std::string>> bad = {
      {{kId, "李四", "2026-13", "工资薪金", "3000.00", "税务局"}, "bad_month"},
      {{kId, "李四", "2026-08", "工资薪金", "1000.005", "税务局"}, "bad_money"},
      {{kId, "李四", "2026-08", "工资薪金", "-500.00", "税务局"}, "negative_amount"},
      {{kId, "李四", "2026-08", "奖金", "800.00", "税务局"}, "unknown_enum"},
      {{"5.00241E+17", "李四", "2026-08", "工资薪金", "800.00", "税务局"}, "scientific_id"},
  };
  for (const auto& [values, code] : bad)
    EXPECT_EQ(codes(rejected(parse_text_row(FeedKind::kIncome, header, values))),
              std::vector<std::string>{code});
}

TEST(SchemaDisasterTest, GoodAndBad) {
  const std::vector<std::string> header = {"身份证号", "姓名",     "村社区代码",  "灾害类型",
                                           "受灾日期", "受灾程度", "直接经济损失"};
  const ParsedRow row = accepted(
      parse_text_row(FeedKind::kDisaster, header,
                     {kId, "李四", "500241001001", "洪涝", "2026.9.1", "房屋倒塌", "￥1806"}));
  const auto record = record_of<DisasterRecord>(row);
  EXPECT_EQ(record.disaster_type, DisasterType::kFlood);
  EXPECT_EQ(record.damage, DisasterDamage::kHouseCollapsed);
  EXPECT_EQ(record.loss, Money::from_yuan(1806));
  EXPECT_EQ(row.natural_key, row.content_hash);
  const ParsedRow no_village =
      accepted(parse_text_row(FeedKind::kDisaster, header,
                              {kId, "李四", "", "flood", "2026-09-01", "house_collapsed", ""}));
  EXPECT_TRUE(record_of<DisasterRecord>(no_village).village_code.empty());
  EXPECT_NE(no_village.natural_key, row.natural_key);
  EXPECT_EQ(codes(rejected(parse_text_row(FeedKind::kDisaster, header,
                                          {kId, "李四", "5002410010", "台风", "", "", "-1"}))),
            (std::vector<std::string>{"bad_village_code", "unknown_enum", "missing_value",
                                      "missing_value", "negative_amount"}));
}

TEST(SchemaEducationTest, GoodAndBad) {
  const std::vector<std::string> header = {"身份证号", "姓名",       "学段",
                                           "学年",     "学费住宿费", "已获资助"};
  const ParsedRow row = accepted(parse_text_row(
      FeedKind::kEducation, header, {kId, "李四", "本科", "2026-2027", "￥9,500.00元", ""}));
  const auto record = record_of<EducationRecord>(row);
  EXPECT_EQ(record.stage, EducationStage::kUndergraduate);
  EXPECT_EQ(record.school_year.first_year, 2026);
  EXPECT_EQ(record.fees, Money::from_yuan(9500));
  EXPECT_FALSE(record.aid.has_value());
  EXPECT_EQ(row.natural_key, kId + "|2026-2027");
  EXPECT_EQ(codes(rejected(parse_text_row(FeedKind::kEducation, header,
                                          {kId, "李四", "大学", "2026-2028", "-1.00", "-2"}))),
            (std::vector<std::string>{"unknown_enum", "bad_school_year", "negative_amount",
                                      "negative_amount"}));
}

TEST(SchemaAssetsTest, StatusDefaultsToValidAndUnknownColumnsAreIgnored) {
  const std::vector<std::string> header = {"财产类型", "身份证号", "备注", "姓名",
                                           "登记日期", "描述",     "估值", "状态"};
  auto parser = make_feed_parser(FeedKind::kAssets, test_context());
  ASSERT_TRUE(parser->read_header(text_row(1, header)));
  ASSERT_EQ(parser->warnings().size(), 1u);
  EXPECT_EQ(parser->warnings()[0].column, "备注");
  const ParsedRow row = accepted(parser->parse(
      text_row(2, {"机动车", kId, "随便写", "李四", "2026-01-02", "渝H12345", "¥81,235.00", ""})));
  const auto record = record_of<AssetRecord>(row);
  EXPECT_EQ(record.asset_type, AssetType::kVehicle);
  EXPECT_EQ(record.status, RecordStatus::kValid);
  EXPECT_EQ(record.value, Money::from_yuan(81235));
  const ParsedRow other_remark = accepted(parser->parse(
      text_row(3, {"机动车", kId, "另一备注", "李四", "2026/1/2", "渝H12345", "81235", "有效"})));
  EXPECT_EQ(other_remark.natural_key, row.natural_key) << "unknown columns are not hashed";
  EXPECT_EQ(codes(rejected(parser->parse(
                text_row(4, {"房子", kId, "", "李四", "2026-01-02", "", "", "作废"})))),
            (std::vector<std::string>{"unknown_enum", "unknown_enum"}));
}

}  // namespace
}  // namespace faxian::ingest
