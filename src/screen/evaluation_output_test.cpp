// format_eval_table and write_eval_csv.

#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>
#include <unistd.h>

#include "common/file_util.hpp"
#include "screen/evaluation.hpp"
#include "screen/evaluation_test_support.hpp"

namespace faxian::screen {
namespace {

using namespace eval_testing;

// 中和街道 (recall 50%, 25 points below overall) and 清溪场镇, with two ethnicities and a latency.
EvalReport sample_report() {
  const std::vector<TruthRow> truths = {
      truth("A", true, {RuleId::kR01}), truth("B", true, {RuleId::kR01, RuleId::kV01}),
      truth("C", true, {RuleId::kR02}), truth("D", true, {RuleId::kR02}), truth("E", false, {})};
  const std::vector<EvalPrediction> predictions = {
      need("A", {RuleId::kR01}, day("2026-11-01"), day("2026-11-03")),
      need("B", {RuleId::kR01}, day("2026-11-01"), day("2026-11-08")),
      need("C", {RuleId::kR02}, day("2026-11-01"), day("2026-11-02")), review("B")};
  const Attributes attributes = {
      {"A", attributes_in("500241101", "清溪场镇", "tujia", "土家族", AgeBand::k60To69)},
      {"B", attributes_in("500241101", "清溪场镇", "miao", "苗族", AgeBand::k60To69)},
      {"C", attributes_in("500241001", "中和街道", "tujia", "土家族", AgeBand::k80Plus)},
      {"D", attributes_in("500241001", "中和街道", "tujia", "土家族", AgeBand::k80Plus)},
      {"E", attributes_in("500241001", "中和街道", "tujia", "土家族", AgeBand::k80Plus)}};
  return evaluate(predictions, truths, attributes);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

std::string line_with(const std::string& text, std::string_view needle) {
  for (const std::string& line : lines_of(text)) {
    if (line.find(needle) != std::string::npos)
      return line;
  }
  ADD_FAILURE() << "no line with " << needle << " in\n" << text;
  return "";
}

// Terminal columns for the text the table prints: ASCII 1, CJK (3-byte UTF-8) 2, "—" 1.
int columns(std::string_view text) {
  int width = 0;
  for (size_t pos = 0; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      ++width;
      ++pos;
    } else {
      width += text.substr(pos, 3) == "—" ? 1 : 2;
      pos += 3;
    }
  }
  return width;
}

TEST(EvaluationTable, ChineseTableHasEverySectionAlignedAndMarksGaps) {
  const EvalReport report = sample_report();
  const std::string table = format_eval_table(report);
  for (std::string_view title :
       {"需救助预警（按户）", "按规则", "按乡镇（街道）", "按户主民族", "按户主年龄段"}) {
    EXPECT_NE(table.find(title), std::string::npos) << title << "\n" << table;
  }
  EXPECT_NE(table.find("真值文件 5 户，有预警 3 户（其中真值文件中没有的 0 户）"),
            std::string::npos)
      << table;
  const std::string overall = line_with(table, "总体");
  EXPECT_NE(overall.find("75.00%"), std::string::npos) << overall;   // recall 3/4
  EXPECT_NE(overall.find("100.00%"), std::string::npos) << overall;  // precision 3/3
  EXPECT_NE(line_with(table, "中和街道").find("差距较大（召回率）"), std::string::npos);
  EXPECT_EQ(line_with(table, "清溪场镇").find("差距较大"), std::string::npos);
  EXPECT_NE(line_with(table, "  R09").find("—"), std::string::npos);
  // Metric columns end at the same terminal column whatever the width of the name.
  const int width = columns(overall);
  EXPECT_EQ(columns(line_with(table, "  R01")), width);
  EXPECT_EQ(columns(line_with(table, "清溪场镇")), width);
  EXPECT_EQ(columns(line_with(table, "60-69岁")), width);
  EXPECT_EQ(columns(line_with(table, "  R09")), width);
  EXPECT_NE(table.find("中位数 2 天，最长 7 天（3 条"), std::string::npos) << table;
}

TEST(EvaluationTable, EnglishHeadingsKeepTownshipNamesChinese) {
  const std::string table = format_eval_table(sample_report(), ingest::MessageLanguage::kEnglish);
  EXPECT_NE(table.find("By township"), std::string::npos) << table;
  EXPECT_NE(line_with(table, "中和街道").find("large gap (recall)"), std::string::npos);
  EXPECT_NE(table.find("  tujia"), std::string::npos) << table;
  EXPECT_NE(table.find("  60-69 "), std::string::npos) << table;
  EXPECT_NE(table.find("median 2, max 7 (3 correct"), std::string::npos) << table;
  EXPECT_EQ(table.find("差距较大"), std::string::npos);
}

TEST(EvaluationTable, EmptyReportPrintsDashes) {
  const std::string table = format_eval_table(evaluate({}, {}, {}));
  EXPECT_NE(line_with(table, "总体").find("—"), std::string::npos);
  EXPECT_NE(table.find("中位数 — 天，最长 — 天（0 条"), std::string::npos) << table;
}

class EvaluationCsv : public testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "faxian-eval-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    folder_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::string read(const std::string& name) {
    auto text = read_file(folder_ + "/out/" + name);
    EXPECT_TRUE(text.has_value()) << text.error().to_string();
    return text.value_or("");
  }

  std::string folder_;
};

constexpr std::string_view kHeader = "group,key,label,tp,fp,fn,tn,recall,precision,f1,flag\n";

TEST_F(EvaluationCsv, WritesEveryBreakdownWithFourDecimals) {
  ASSERT_TRUE(write_eval_csv(sample_report(), folder_ + "/out").has_value());
  EXPECT_EQ(read("overall.csv"),
            std::string(kHeader) + "overall,all,总体,3,0,1,1,0.7500,1.0000,0.8571,\n");
  const std::string rules = read("by_rule.csv");
  EXPECT_TRUE(rules.starts_with(std::string(kHeader) + "rule,R01,R01,2,0,0,3,1.0000,1.0000,"
                                                       "1.0000,\nrule,R02,R02,1,0,1,3,0.5000,"
                                                       "1.0000,0.6667,\n"))
      << rules;
  EXPECT_NE(rules.find("rule,R09,R09,0,0,0,5,,,,\n"), std::string::npos) << rules;
  EXPECT_NE(rules.find("rule,V01,V01,1,0,0,4,1.0000,1.0000,1.0000,\n"), std::string::npos);
  EXPECT_EQ(read("by_township.csv"),
            std::string(kHeader) +
                "township,500241001,中和街道,1,0,1,1,0.5000,1.0000,0.6667,recall\n"
                "township,500241101,清溪场镇,2,0,0,0,1.0000,1.0000,1.0000,\n");
  EXPECT_EQ(read("by_ethnicity.csv"),
            std::string(kHeader) +
                "ethnicity,tujia,土家族,2,0,1,1,0.6667,1.0000,0.8000,recall\n"
                "ethnicity,miao,苗族,1,0,0,0,1.0000,1.0000,1.0000,\n");
  EXPECT_EQ(read("by_age_band.csv"),
            std::string(kHeader) +
                "age_band,60-69,60-69岁,2,0,0,0,1.0000,1.0000,1.0000,\n"
                "age_band,80+,80岁及以上,1,0,1,1,0.5000,1.0000,0.6667,recall\n");
  EXPECT_EQ(read("latency.csv"), "warnings,median_days,max_days\n3,2,7\n");
}

TEST_F(EvaluationCsv, QuotesLabelsWithCommasAndLeavesUndefinedRatiosEmpty) {
  const Attributes attributes = {{"A", attributes_in("500241101", "镇,\"新\"")}};
  const EvalReport report = evaluate({}, std::vector<TruthRow>{truth("A", false, {})}, attributes);
  ASSERT_TRUE(write_eval_csv(report, folder_ + "/out").has_value());
  EXPECT_EQ(read("by_township.csv"),
            std::string(kHeader) + "township,500241101,\"镇,\"\"新\"\"\",0,0,0,1,,,,\n");
  EXPECT_EQ(read("latency.csv"), "warnings,median_days,max_days\n0,,\n");
}

TEST_F(EvaluationCsv, AFileInTheWayIsAnIoError) {
  ASSERT_TRUE(write_file_atomic(folder_ + "/out", "not a folder").has_value());
  auto written = write_eval_csv(sample_report(), folder_ + "/out");
  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(written.error().code, ErrorCode::kIo);
}

}  // namespace
}  // namespace faxian::screen
