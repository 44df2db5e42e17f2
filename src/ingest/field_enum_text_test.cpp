#include <gtest/gtest.h>

#include "domain/ethnicity.hpp"
#include "domain/feed_enums.hpp"
#include "domain/person_enums.hpp"
#include "ingest/field_enum.hpp"
#include "ingest/field_test_cells.hpp"
#include "ingest/field_text.hpp"

namespace faxian::ingest {
namespace {

using testing::bool_cell;
using testing::date_cell;
using testing::empty_cell;
using testing::error_cell;
using testing::number_cell;
using testing::text_cell;

TEST(FieldEnumTest, LabelAliasAnyCaseAndCode) {
  EXPECT_EQ(*parse_enum_cell<ChangeType>(text_cell("变更")), ChangeType::kUpdate);
  EXPECT_EQ(*parse_enum_cell<ChangeType>(text_cell("update")), ChangeType::kUpdate);
  EXPECT_EQ(*parse_enum_cell<ChangeType>(text_cell("UPDATE")), ChangeType::kUpdate);
  EXPECT_EQ(*parse_enum_cell<ChangeType>(text_cell(" Update ")), ChangeType::kUpdate);
  EXPECT_EQ(*parse_enum_cell<ChangeType>(text_cell("\xEF\xBC\xB5PDATE")), ChangeType::kUpdate);
  EXPECT_EQ(*parse_enum_cell<Relation>(text_cell("02")), Relation::kHead);
  EXPECT_EQ(*parse_enum_cell<Relation>(text_cell("22")), Relation::kSon);
  EXPECT_EQ(*parse_enum_cell<Ethnicity>(text_cell("15")), Ethnicity::kTujia);
  EXPECT_EQ(*parse_enum_cell<Ethnicity>(text_cell("Tujia")), Ethnicity::kTujia);
  EXPECT_EQ(*parse_enum_cell<Ethnicity>(text_cell("土家族")), Ethnicity::kTujia);
  EXPECT_EQ(*parse_enum_cell<RegistryCategory>(text_cell("支出型困难")),
            RegistryCategory::kExpenditureHardship);
  EXPECT_EQ(*parse_enum_cell<RegistryCategory>(text_cell("刚性支出困难")),
            RegistryCategory::kExpenditureHardship);
  EXPECT_EQ(*parse_enum_cell<RegistryCategory>(text_cell("EXPENDITURE_HARDSHIP")),
            RegistryCategory::kExpenditureHardship);
}

TEST(FieldEnumTest, DisabilityGrades) {
  EXPECT_EQ(*parse_enum_cell<DisabilityGrade>(text_cell("一级")), DisabilityGrade::kGrade1);
  EXPECT_EQ(*parse_enum_cell<DisabilityGrade>(text_cell("4")), DisabilityGrade::kGrade4);
  EXPECT_EQ(*parse_enum_cell<DisabilityGrade>(number_cell("2", 2)), DisabilityGrade::kGrade2);
  EXPECT_EQ(*parse_enum_cell<DisabilityGrade>(text_cell("\xEF\xBC\x93")), DisabilityGrade::kGrade3);
  auto fifth = parse_enum_cell<DisabilityGrade>(text_cell("五级"));
  ASSERT_FALSE(fifth);
  EXPECT_EQ(fifth.error().code, issue_code::kUnknownEnum);
  EXPECT_NE(fifth.error().zh.find("五级"), std::string::npos);
  EXPECT_NE(fifth.error().zh.find("一级、二级、三级、四级"), std::string::npos) << fifth.error().zh;
  EXPECT_NE(fifth.error().en.find("一级/1"), std::string::npos) << fifth.error().en;
  EXPECT_FALSE(parse_enum_cell<DisabilityGrade>(text_cell("0")));
  EXPECT_FALSE(parse_enum_cell<DisabilityGrade>(number_cell("5", 5)));
}

TEST(FieldEnumTest, NumberCellsReadAsCodes) {
  EXPECT_EQ(*parse_enum_cell<Ethnicity>(number_cell("15", 15)), Ethnicity::kTujia);
  EXPECT_EQ(*parse_enum_cell<Ethnicity>(number_cell("6", 6)), Ethnicity::kMiao);
  EXPECT_EQ(*parse_enum_cell<Relation>(number_cell("2", 2)), Relation::kHead);
  EXPECT_EQ(*parse_enum_cell<Relation>(number_cell("51", 51)), Relation::kParent);
}

TEST(FieldEnumTest, UnknownValuesListTheLabels) {
  auto unknown = parse_enum_cell<SettleKind>(text_cell("退费"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, issue_code::kUnknownEnum);
  EXPECT_EQ(unknown.error().zh, "「退费」无法识别，应为：正常、冲销");
  EXPECT_EQ(unknown.error().en, "unknown value “退费”; expected one of: normal, reversal");
  auto long_list = parse_enum_cell<Ethnicity>(text_cell("火星族"));
  ASSERT_FALSE(long_list);
  EXPECT_NE(long_list.error().zh.find("等"), std::string::npos);
  EXPECT_LT(long_list.error().zh.size(), 200u);
  EXPECT_EQ(parse_enum_cell<Relation>(text_cell("邻居")).error().code, issue_code::kUnknownEnum);
  EXPECT_EQ(parse_enum_cell<RecordStatus>(text_cell("作废")).error().code,
            issue_code::kUnknownEnum);
}

TEST(FieldEnumTest, OtherCellKinds) {
  EXPECT_EQ(parse_enum_cell<SettleKind>(empty_cell()).error().code, issue_code::kMissingValue);
  EXPECT_EQ(parse_enum_cell<SettleKind>(date_cell(45000)).error().code, issue_code::kUnknownEnum);
  EXPECT_EQ(parse_enum_cell<SettleKind>(bool_cell(true)).error().code, issue_code::kUnknownEnum);
  EXPECT_EQ(parse_enum_cell<SettleKind>(error_cell("#N/A")).error().code, issue_code::kCellError);
}

TEST(FieldTextTest, KeptAsWrittenButTrimmed) {
  EXPECT_EQ(*parse_text(text_cell("  张三 \xE3\x80\x80")), "张三");
  EXPECT_EQ(*parse_text(text_cell("=cmd|' /C calc'!A0")), "=cmd|' /C calc'!A0");
  EXPECT_EQ(*parse_text(text_cell("+SUM(A1:A9) @user -2+3")), "+SUM(A1:A9) @user -2+3");
  EXPECT_EQ(*parse_text(text_cell("第一行\n第二行")), "第一行\n第二行");
  EXPECT_EQ(*parse_text(number_cell("13900000001", 13900000001.0)), "13900000001");
  EXPECT_EQ(*parse_text(number_cell("5.00241103000123E+14", 500241103000123.0)), "500241103000123");
  EXPECT_EQ(*parse_text(empty_cell()), "");
}

TEST(FieldTextTest, NumbersWhoseDigitsWereLost) {
  auto lost = parse_text(number_cell("1.2345678901234568E+20", 1.2345678901234568e20));
  ASSERT_FALSE(lost);
  EXPECT_EQ(lost.error().code, issue_code::kBadText);
  EXPECT_NE(lost.error().zh.find("存成了数字"), std::string::npos);
  EXPECT_EQ(*parse_text(number_cell("3.5", 3.5)), "3.5");
  EXPECT_EQ(*parse_text(number_cell("1E+3", 1000)), "1000");
}

TEST(FieldTextTest, Errors) {
  EXPECT_EQ(parse_text(text_cell(std::string("a\0b", 3))).error().code, issue_code::kBadText);
  EXPECT_EQ(parse_text(text_cell("\xFF\xFE")).error().code, issue_code::kBadEncoding);
  EXPECT_EQ(parse_text(error_cell("#REF!")).error().code, issue_code::kCellError);
  EXPECT_EQ(parse_text(error_cell("\x81")).error().code, issue_code::kBadEncoding);
}

TEST(FieldTextTest, VillageCodes) {
  EXPECT_EQ(*parse_village_code(text_cell(" 500241001001 ")), "500241001001");
  EXPECT_EQ(*parse_village_code(number_cell("500241001001", 500241001001.0)), "500241001001");
  EXPECT_EQ(*parse_village_code(number_cell("5.00241001001E+11", 500241001001.0)), "500241001001");
  for (const Cell& cell :
       {text_cell("50024110"), text_cell("5002410010011"), text_cell("50024100100A"),
        number_cell("50024110", 50024110.0), date_cell(45000)}) {
    auto code = parse_village_code(cell);
    ASSERT_FALSE(code) << cell.text;
    EXPECT_EQ(code.error().code, issue_code::kBadVillageCode);
  }
  EXPECT_NE(parse_village_code(text_cell("50024110")).error().zh.find("实际为8位"),
            std::string::npos);
}

TEST(FieldTextTest, SchoolYears) {
  EXPECT_EQ(parse_school_year(text_cell("2023-2024"))->first_year, 2023);
  EXPECT_EQ(parse_school_year(text_cell(" 2023\xEF\xBC\x8D"
                                        "2024 "))
                ->first_year,
            2023);
  for (const char* text : {"2023-2025", "2023", "2023/2024", "23-24", "abcd-efgh"}) {
    auto year = parse_school_year(text_cell(text));
    ASSERT_FALSE(year) << text;
    EXPECT_EQ(year.error().code, issue_code::kBadSchoolYear);
  }
}

TEST(FieldTextTest, YesNo) {
  EXPECT_TRUE(*parse_yes_no(text_cell("是")));
  EXPECT_FALSE(*parse_yes_no(text_cell("否")));
  EXPECT_TRUE(*parse_yes_no(text_cell("YES")));
  EXPECT_FALSE(*parse_yes_no(text_cell("n")));
  EXPECT_TRUE(*parse_yes_no(bool_cell(true)));
  EXPECT_FALSE(*parse_yes_no(bool_cell(false)));
  EXPECT_EQ(parse_yes_no(text_cell("也许")).error().code, issue_code::kUnknownEnum);
  EXPECT_EQ(parse_yes_no(empty_cell()).error().code, issue_code::kMissingValue);
}

}  // namespace
}  // namespace faxian::ingest
