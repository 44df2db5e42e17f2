#include <gtest/gtest.h>

#include "ingest/schema_test_util.hpp"

namespace faxian::ingest {
namespace {

using namespace testing;

const std::vector<std::string> kHeader = {
    "结算单号", "身份证号",     "姓名",         "结算日期", "结算类型", "就诊类型", "医疗总费用",
    "统筹支付", "大病保险支付", "医疗救助支付", "个人自付", "诊断编码", "诊断名称", "医疗机构"};
const std::string kId = "500241196503019912";
const std::string kIdFullWidth =
    "\xEF\xBC\x95\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x94\xEF\xBC\x91"  // ５００２４１
    "196503019912";

std::vector<std::string> good_row() {
  return {"YB001",  kId,    "张三", "2023-01-05", "正常",  "住院",     "1234.50",
          "234.50", "0.00", "0.00", "1000.00",    "K80.2", "胆囊结石", "秀山县人民医院"};
}

ParseOutcome parse(const std::vector<std::string>& values) {
  return parse_text_row(FeedKind::kMedical, kHeader, values);
}

TEST(SchemaMedicalTest, GoodRow) {
  const ParsedRow row = accepted(parse(good_row()));
  const auto record = record_of<MedicalRecord>(row);
  EXPECT_EQ(row.line, 2);
  EXPECT_EQ(record.settlement_no, "YB001");
  EXPECT_EQ(record.id_number.str(), kId);
  EXPECT_EQ(record.name, "张三");
  EXPECT_EQ(record.settle_date, *Date::from_ymd(2023, 1, 5));
  EXPECT_EQ(record.settle_kind, SettleKind::kNormal);
  EXPECT_EQ(record.visit_type, VisitType::kInpatient);
  EXPECT_EQ(record.total_cost, Money::from_fen(123450));
  EXPECT_EQ(record.fund_paid, Money::from_fen(23450));
  EXPECT_EQ(record.critical_paid, Money());
  EXPECT_EQ(record.self_paid, Money::from_fen(100000));
  EXPECT_FALSE(record.self_paid_derived);
  EXPECT_EQ(record.diagnosis_code, "K80.2");
  EXPECT_EQ(record.hospital, "秀山县人民医院");
  EXPECT_EQ(row.natural_key, "YB001|normal");
  EXPECT_EQ(row.content_hash.size(), 32u);
}

TEST(SchemaMedicalTest, SameFactsInOtherFormsGiveTheSameKeyAndHash) {
  const ParsedRow plain = accepted(parse(good_row()));
  // English aliases in another order, no 个人自付 column (derived), full-width ID, a Chinese
  // date, ¥ and thousands separators, English enum aliases in capitals.
  const std::vector<std::string> header = {
      "HOSPITAL",  "diagnosis_name", "diagnosis_code", "aid_paid",    "critical_paid",
      "fund_paid", "total_cost",     "visit_type",     "settle_kind", "settle_date",
      "name",      "id_number",      "settlement_no"};
  const ParsedRow messy = accepted(
      parse_text_row(FeedKind::kMedical, header,
                     {"秀山县人民医院", "胆囊结石", "K80.2", "0", "0", "￥234.5", "¥1,234.50元",
                      "INPATIENT", "Normal", "2023年1月5日", "张三", kIdFullWidth, " YB001 "}));
  EXPECT_EQ(messy.natural_key, plain.natural_key);
  EXPECT_EQ(messy.content_hash, plain.content_hash);
  EXPECT_TRUE(record_of<MedicalRecord>(messy).self_paid_derived);
  EXPECT_EQ(record_of<MedicalRecord>(messy).self_paid, Money::from_fen(100000));
}

TEST(SchemaMedicalTest, AnyChangedFactChangesTheHashNotTheKey) {
  const ParsedRow plain = accepted(parse(good_row()));
  auto values = good_row();
  values[10] = "1000.01";
  const ParsedRow changed = accepted(parse(values));
  EXPECT_EQ(changed.natural_key, plain.natural_key);
  EXPECT_NE(changed.content_hash, plain.content_hash);
  values = good_row();
  values[13] = "";
  EXPECT_NE(accepted(parse(values)).content_hash, plain.content_hash);
}

TEST(SchemaMedicalTest, ReversalsMayBeNegativeOrPositive) {
  auto values = good_row();
  values[4] = "冲销";
  values[6] = "-1234.50";
  values[7] = "-234.50";
  values[10] = "-1000.00";
  const ParsedRow negative = accepted(parse(values));
  EXPECT_EQ(negative.natural_key, "YB001|reversal");
  EXPECT_EQ(record_of<MedicalRecord>(negative).counted_self_paid(), Money::from_fen(-100000));
  values[4] = "reversal";
  values[6] = "1234.50";
  values[7] = "234.50";
  values[10] = "";
  const auto positive = record_of<MedicalRecord>(accepted(parse(values)));
  EXPECT_EQ(positive.self_paid, Money::from_fen(100000));
  EXPECT_TRUE(positive.self_paid_derived);
  EXPECT_EQ(positive.counted_self_paid(), Money::from_fen(-100000));
}

TEST(SchemaMedicalTest, BlankKindIsNormalAndBlankSelfPaidIsDerived) {
  auto values = good_row();
  values[4] = "";
  values[7] = "100";
  values[8] = "";
  values[9] = "";
  values[10] = "";
  const auto record = record_of<MedicalRecord>(accepted(parse(values)));
  EXPECT_EQ(record.settle_kind, SettleKind::kNormal);
  EXPECT_FALSE(record.critical_paid.has_value());
  EXPECT_EQ(record.self_paid, Money::from_fen(123450 - 10000));
  EXPECT_TRUE(record.self_paid_derived);
}

TEST(SchemaMedicalTest, FormulaLikeTextIsKept) {
  auto values = good_row();
  values[13] = "=cmd|' /C calc'!A0";
  EXPECT_EQ(record_of<MedicalRecord>(accepted(parse(values))).hospital, "=cmd|' /C calc'!A0");
}

struct BadCase {
  std::size_t column;
  std::string value;
  std::string code;
};

TEST(SchemaMedicalTest, EachBadCellIsOneIssueNamingRowAndColumn) {
  std::string wrong_check = kId;
  wrong_check[17] = '1';
  const BadCase cases[] = {
      {1, wrong_check, "bad_resident_id"},
      {3, "2023-02-30", "bad_date"},
      {1, "5.00241E+17", "scientific_id"},
      {0, "", "missing_value"},
      {6, "-100.00", "negative_amount"},
      {6, "12.345", "bad_money"},
      {4, "退费", "unknown_enum"},
      {5, "急诊", "unknown_enum"},
      {2, "", "missing_value"},
      {3, "", "missing_value"},
      {6, "", "missing_value"},
      {7, "-1", "negative_amount"},
      {10, "-0.01", "negative_amount"},
  };
  for (const BadCase& bad : cases) {
    auto values = good_row();
    values[bad.column] = bad.value;
    const auto issues = rejected(parse(values));
    ASSERT_EQ(issues.size(), 1u) << bad.value;
    EXPECT_EQ(issues[0].code, bad.code) << bad.value;
    EXPECT_EQ(issues[0].row, 2);
    EXPECT_EQ(issues[0].column, kHeader[bad.column]);
    EXPECT_EQ(issues[0].message.rfind("第 2 行「" + kHeader[bad.column] + "」：", 0), 0u)
        << issues[0].message;
  }
}

TEST(SchemaMedicalTest, SeveralBadCellsInFileOrder) {
  auto values = good_row();
  values[6] = "abc";
  values[3] = "2023-13-01";
  values[1] = "123";
  EXPECT_EQ(codes(rejected(parse(values))),
            (std::vector<std::string>{"bad_resident_id", "bad_date", "bad_money"}));
}

TEST(SchemaMedicalTest, DerivedSelfPayMustNotBeNegativeOnANormalRow) {
  auto values = good_row();
  values[7] = "2000.00";
  values[10] = "";
  const auto issues = rejected(parse(values));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, "negative_amount");
  EXPECT_EQ(issues[0].column, "个人自付");
}

TEST(SchemaMedicalTest, EnglishMessagesHoldNoId) {
  std::string wrong_check = kId;
  wrong_check[17] = '1';
  auto values = good_row();
  values[1] = wrong_check;
  const auto issues = rejected(
      parse_text_row(FeedKind::kMedical, kHeader, values, test_context(MessageLanguage::kEnglish)));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(
      issues[0].message.rfind("row 2, column “身份证号”: resident ID “500241********9911”", 0), 0u)
      << issues[0].message;
  EXPECT_EQ(issues[0].message.find(wrong_check), std::string::npos);
}

}  // namespace
}  // namespace faxian::ingest
