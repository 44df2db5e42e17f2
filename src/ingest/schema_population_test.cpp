#include <gtest/gtest.h>

#include "ingest/schema_test_util.hpp"

namespace faxian::ingest {
namespace {

using namespace testing;

const std::vector<std::string> kHeader = {"户号",       "身份证号", "姓名",    "与户主关系",
                                          "村社区代码", "住址",     "民族",    "户口性质",
                                          "联系电话",   "变动类型", "变动日期"};
const std::string kId = "500241196503019912";
const std::string kVillage = "500241001001";

std::vector<std::string> good_row() {
  return {"500241001990001", kId,    "张三",        "户主", kVillage,    "中和街道1号",
          "土家族",          "居民", "13900000001", "新增", "2026-08-12"};
}

ParseOutcome parse(const std::vector<std::string>& values) {
  return parse_text_row(FeedKind::kPopulation, kHeader, values);
}

TEST(SchemaPopulationTest, GoodRow) {
  const ParsedRow row = accepted(parse(good_row()));
  const auto record = record_of<PopulationRecord>(row);
  EXPECT_EQ(record.household_no, "500241001990001");
  EXPECT_EQ(record.relation, Relation::kHead);
  EXPECT_EQ(record.village_code, kVillage);
  EXPECT_EQ(record.ethnicity, Ethnicity::kTujia);
  EXPECT_EQ(record.hukou_type, HukouType::kResident);
  EXPECT_EQ(record.phone, "13900000001");
  EXPECT_EQ(record.change_type, ChangeType::kAdd);
  EXPECT_EQ(row.natural_key, kId + "|add|2026-08-12");
}

TEST(SchemaPopulationTest, BlanksTakeTheirDefaults) {
  auto values = good_row();
  for (std::size_t column : {5, 6, 7, 8, 9, 10})
    values[column] = "";
  const ParsedRow row = accepted(parse(values));
  const auto record = record_of<PopulationRecord>(row);
  EXPECT_EQ(record.change_type, ChangeType::kAdd);
  EXPECT_EQ(record.change_date, *Date::from_ymd(2026, 11, 20)) << "the import date";
  EXPECT_FALSE(record.ethnicity.has_value());
  EXPECT_FALSE(record.hukou_type.has_value());
  EXPECT_EQ(row.natural_key, kId + "|add|2026-11-20");
}

TEST(SchemaPopulationTest, FifteenDigitIdCodesAndAliases) {
  const std::string fifteen = kId.substr(0, 6) + kId.substr(8, 9);
  auto values = good_row();
  values[1] = fifteen;
  values[3] = "10";
  values[6] = "15";
  values[7] = "agricultural";
  values[9] = "UPDATE";
  values[10] = "2026.8.12";
  const auto record = record_of<PopulationRecord>(accepted(parse(values)));
  EXPECT_EQ(record.id_number.str(), kId);
  EXPECT_EQ(record.relation, Relation::kSpouse);
  EXPECT_EQ(record.ethnicity, Ethnicity::kTujia);
  EXPECT_EQ(record.hukou_type, HukouType::kAgricultural);
  EXPECT_EQ(record.change_type, ChangeType::kUpdate);
}

TEST(SchemaPopulationTest, DuplicateInOtherFormsAndAnotherColumnOrder) {
  const ParsedRow plain = accepted(parse(good_row()));
  const std::vector<std::string> header = {" 变动日期 ", "变动类型", "联系电话",   "户口性质",
                                           "民族",       "住址",     "村社区代码", "与户主关系",
                                           "姓名",       "身份证号", "户号"};
  const std::string full_width_id =
      "\xEF\xBC\x95\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x94\xEF\xBC\x91"
      "196503019912";
  const ParsedRow messy =
      accepted(parse_text_row(FeedKind::kPopulation, header,
                              {"20260812", "add", "13900000001", "resident", "Tujia", "中和街道1号",
                               kVillage, "head", "张三", full_width_id, "500241001990001"}));
  EXPECT_EQ(messy.natural_key, plain.natural_key);
  EXPECT_EQ(messy.content_hash, plain.content_hash);
}

TEST(SchemaPopulationTest, BadRows) {
  struct Case {
    std::size_t column;
    std::string value;
    std::string code;
  };
  const Case cases[] = {
      {3, "邻居", "unknown_enum"},
      {1, "50024119900230993" + std::string(1, ResidentId::check_character("50024119900230993")),
       "bad_resident_id"},
      {2, "", "missing_value"},
      {4, "50024110", "bad_village_code"},
      {0, "", "missing_value"},
      {9, "出生", "unknown_enum"},
      {10, "2026-02-30", "bad_date"},
      {6, "火星族", "unknown_enum"},
  };
  for (const Case& bad : cases) {
    auto values = good_row();
    values[bad.column] = bad.value;
    const auto issues = rejected(parse(values));
    ASSERT_EQ(issues.size(), 1u) << bad.value;
    EXPECT_EQ(issues[0].code, bad.code) << bad.value;
    EXPECT_EQ(issues[0].column, kHeader[bad.column]);
  }
}

TEST(SchemaPopulationTest, InvalidBytesInAnyCellRejectTheRow) {
  TableRow row = text_row(5, good_row());
  row.cells[5] = error_cell("\xFF\xFE");
  row.problem = "第 6 列含有 GB18030 编码中无效的字节序列";
  const auto issues = rejected(parse_row(FeedKind::kPopulation, kHeader, row));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, "bad_encoding");
  EXPECT_EQ(issues[0].row, 5);
  EXPECT_EQ(issues[0].message, "第 5 行：第 6 列含有 GB18030 编码中无效的字节序列");
  row.problem.clear();  // a reader that marks only the cell
  const auto cell_issues = rejected(parse_row(FeedKind::kPopulation, kHeader, row));
  ASSERT_EQ(cell_issues.size(), 1u);
  EXPECT_EQ(cell_issues[0].code, "bad_encoding");
  EXPECT_EQ(cell_issues[0].column, "住址");
}

TEST(SchemaPopulationTest, DeathRowsAreOrdinaryRows) {
  auto values = good_row();
  values[9] = "死亡注销";
  values[10] = "2026年9月1日";
  const ParsedRow row = accepted(parse(values));
  EXPECT_EQ(record_of<PopulationRecord>(row).change_type, ChangeType::kDeath);
  EXPECT_EQ(row.natural_key, kId + "|death|2026-09-01");
}

}  // namespace
}  // namespace faxian::ingest
