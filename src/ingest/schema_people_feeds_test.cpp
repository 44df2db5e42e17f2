// Schemas of disability, death, poverty_monitoring, hotline, applications and registry: a good
// row, the same facts in other forms, and bad rows.
#include <gtest/gtest.h>

#include "ingest/schema_test_util.hpp"

namespace faxian::ingest {
namespace {

using namespace testing;

const std::string kId = "500241195611209938";

TEST(SchemaDisabilityTest, GradesDatesAndCellKinds) {
  const std::vector<std::string> header = {"身份证号", "姓名",     "残疾类别",
                                           "残疾等级", "发证日期", "状态"};
  const ParsedRow text = accepted(parse_text_row(
      FeedKind::kDisability, header, {kId, "王五", "肢体", "二级", "2026-03-01", "有效"}));
  EXPECT_EQ(text.natural_key, kId + "|2026-03-01");
  TableRow xlsx = text_row(2, {kId, "王五", "physical", "", "", "valid"});
  xlsx.cells[3] = number_cell("2", 2);
  xlsx.cells[4] = date_cell(46082);  // 2026-03-01
  const ParsedRow excel = accepted(parse_row(FeedKind::kDisability, header, xlsx));
  EXPECT_EQ(excel.natural_key, text.natural_key);
  EXPECT_EQ(excel.content_hash, text.content_hash);
  EXPECT_EQ(record_of<DisabilityRecord>(excel).grade, DisabilityGrade::kGrade2);
  TableRow numeric_id = xlsx;
  numeric_id.cells[0] = number_cell("5.0024119561121E+17", 5.0024119561121e17);
  EXPECT_EQ(codes(rejected(parse_row(FeedKind::kDisability, header, numeric_id))),
            (std::vector<std::string>{"scientific_id"}));
  EXPECT_EQ(codes(rejected(parse_text_row(FeedKind::kDisability, header,
                                          {kId, "王五", "肢体", "五级", "2024-02-30", "作废"}))),
            (std::vector<std::string>{"unknown_enum", "bad_date", "unknown_enum"}));
  const ParsedRow blank_status = accepted(
      parse_text_row(FeedKind::kDisability, header, {kId, "王五", "肢体", "2", "2026-03-01", ""}));
  EXPECT_EQ(blank_status.content_hash, text.content_hash) << "blank 状态 is 有效";
}

TEST(SchemaDeathTest, KeyIsTheId) {
  const std::vector<std::string> header = {"id_number", "name", "death_date"};
  const ParsedRow row =
      accepted(parse_text_row(FeedKind::kDeath, header, {kId, "王五", "2026年10月1日"}));
  EXPECT_EQ(row.natural_key, kId);
  EXPECT_EQ(record_of<DeathRecord>(row).death_date, *Date::from_ymd(2026, 10, 1));
  const ParsedRow corrected =
      accepted(parse_text_row(FeedKind::kDeath, header, {kId, "王五", "2026-10-02"}));
  EXPECT_EQ(corrected.natural_key, row.natural_key);
  EXPECT_NE(corrected.content_hash, row.content_hash);
}

TEST(SchemaPovertyMonitoringTest, RiskClearedDefaultsToNo) {
  const std::vector<std::string> header = {"身份证号", "姓名",         "监测对象类别", "主要风险",
                                           "识别日期", "风险是否消除", "消除日期"};
  const ParsedRow row = accepted(parse_text_row(FeedKind::kPovertyMonitoring, header,
                                                {kId, "王五", "脱贫户", "", "2018-05-01", "", ""}));
  const auto record = record_of<PovertyMonitoringRecord>(row);
  EXPECT_FALSE(record.risk_cleared);
  EXPECT_FALSE(record.risk.has_value());
  EXPECT_FALSE(record.cleared_date.has_value());
  EXPECT_EQ(row.natural_key, kId + "|2018-05-01");
  const auto cleared = record_of<PovertyMonitoringRecord>(
      accepted(parse_text_row(FeedKind::kPovertyMonitoring, header,
                              {kId, "王五", "edge", "因病", "2024-05-01", "是", "2025-01-02"})));
  EXPECT_TRUE(cleared.risk_cleared);
  EXPECT_EQ(cleared.risk, PovertyRisk::kIllness);
  EXPECT_EQ(cleared.cleared_date, *Date::from_ymd(2025, 1, 2));
  const auto yes_without_date = record_of<PovertyMonitoringRecord>(
      accepted(parse_text_row(FeedKind::kPovertyMonitoring, header,
                              {kId, "王五", "突发严重困难户", "", "2024-05-01", "是", ""})));
  EXPECT_TRUE(yes_without_date.risk_cleared);
  EXPECT_FALSE(yes_without_date.cleared_date.has_value());
  EXPECT_EQ(
      codes(rejected(parse_text_row(FeedKind::kPovertyMonitoring, header,
                                    {kId, "王五", "贫困户", "因穷", "", "可能", "2025-02-30"}))),
      (std::vector<std::string>{"unknown_enum", "unknown_enum", "missing_value", "unknown_enum",
                                "bad_date"}));
}

TEST(SchemaHotlineTest, OptionalIdAndCallTimes) {
  const std::vector<std::string> header = {"工单号",   "来电时间",   "来电人",     "联系电话",
                                           "身份证号", "求助人姓名", "村社区代码", "地址",
                                           "诉求类型", "诉求内容"};
  const ParsedRow with_id =
      accepted(parse_text_row(FeedKind::kHotline, header,
                              {"RX001", "2026-11-11 09:30", "王五", "13900000011", kId, "王五",
                               "500241001001", "中和", "生活困难", "家中困难，请求帮助。"}));
  EXPECT_EQ(with_id.natural_key, "RX001");
  const auto record = record_of<HotlineRecord>(with_id);
  EXPECT_EQ(record.call_time.second_of_day, 9 * 3600 + 30 * 60);
  EXPECT_EQ(record.id_number->str(), kId);
  const ParsedRow again = accepted(
      parse_text_row(FeedKind::kHotline, header,
                     {"RX001", "2026年11月11日 09:30:00", "王五", "13900000011", " " + kId + "  ",
                      "王五", "500241001001", "中和", "living", "家中困难，请求帮助。"}));
  EXPECT_EQ(again.content_hash, with_id.content_hash);
  const auto without_id = record_of<HotlineRecord>(
      accepted(parse_text_row(FeedKind::kHotline, header,
                              {"RX002", "2026/11/12 14:05:33", "热心群众", "", "", "李奶奶", "", "",
                               "elderly", "=cmd|' /C calc'!A0"})));
  EXPECT_FALSE(without_id.id_number.has_value());
  EXPECT_EQ(without_id.content, "=cmd|' /C calc'!A0");
  std::string wrong = kId;
  wrong[17] = '0';
  EXPECT_EQ(
      codes(rejected(parse_text_row(FeedKind::kHotline, header,
                                    {"", "2026-02-30 10:00", "", "", wrong, "", "", "", "", ""}))),
      (std::vector<std::string>{"missing_value", "bad_date", "bad_resident_id", "missing_value"}));
}

TEST(SchemaApplicationsTest, ResultDateIsOptional) {
  const std::vector<std::string> header = {"申请编号", "身份证号", "姓名",     "申请类别",
                                           "申请日期", "审批结果", "结果日期", "原因"};
  const ParsedRow row =
      accepted(parse_text_row(FeedKind::kApplications, header,
                              {"SQ001", kId, "王五", "dibao", "2026-01-05", "PENDING", "", ""}));
  EXPECT_EQ(row.natural_key, "SQ001");
  const auto record = record_of<ApplicationRecord>(row);
  EXPECT_EQ(record.type, ApplicationType::kDibao);
  EXPECT_EQ(record.result, ApplicationResult::kPending);
  EXPECT_FALSE(record.result_date.has_value());
  EXPECT_EQ(codes(rejected(parse_text_row(
                FeedKind::kApplications, header,
                {"SQ002", kId, "王五", "低保", "2026-01-05", "驳回", "2026-13-01", ""}))),
            (std::vector<std::string>{"unknown_enum", "bad_date"}));
}

TEST(SchemaRegistryTest, BothNamesOfExpenditureHardship) {
  const std::vector<std::string> header = {"身份证号", "姓名",     "户号",    "类别",
                                           "开始日期", "结束日期", "保障金额"};
  const ParsedRow current = accepted(parse_text_row(
      FeedKind::kRegistry, header,
      {kId, "王五", "500241001990001", "刚性支出困难", "2026-01-01", "2026-12-31", "500"}));
  const ParsedRow former = accepted(parse_text_row(
      FeedKind::kRegistry, header,
      {kId, "王五", "500241001990001", "支出型困难", "20260101", "2026.12.31", "500.00"}));
  EXPECT_EQ(current.natural_key, kId + "|expenditure_hardship|2026-01-01");
  EXPECT_EQ(former.natural_key, current.natural_key);
  EXPECT_EQ(former.content_hash, current.content_hash);
  TableRow xlsx = text_row(2, {kId, "王五", "", "dibao", "20260101", "", ""});
  xlsx.cells[2] = number_cell("500241001990001", 500241001990001.0);
  xlsx.cells[6] = number_cell("612.5", 612.5);
  const auto record =
      record_of<RegistryRecord>(accepted(parse_row(FeedKind::kRegistry, header, xlsx)));
  EXPECT_EQ(record.household_no, "500241001990001");
  EXPECT_EQ(record.monthly_amount, Money::from_fen(61250));
  EXPECT_FALSE(record.end_date.has_value());
}

}  // namespace
}  // namespace faxian::ingest
