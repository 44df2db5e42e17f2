#include "screen/truth_file.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <unistd.h>

namespace faxian::screen {
namespace {

constexpr std::string_view kHeader = "household_no,in_need,reasons\n";

std::vector<TruthRow> parsed(std::string_view text) {
  auto rows = parse_truth_csv(text);
  EXPECT_TRUE(rows.has_value()) << rows.error().to_string();
  return rows.value_or(std::vector<TruthRow>{});
}

// The Chinese message of a parse that must fail.
std::string error_of(std::string_view text) {
  auto rows = parse_truth_csv(text);
  EXPECT_FALSE(rows.has_value());
  if (rows)
    return "";
  EXPECT_EQ(rows.error().code, ErrorCode::kInvalidArgument);
  return rows.error().message;
}

TEST(TruthFile, ParsesTheGeneratorsFormat) {
  const auto rows = parsed(std::string(kHeader) +
                           "500241001000001,0,\n"
                           "500241001000019,1,R02;R03\n"
                           "500241001000043,0,V01\n"
                           "500241001000050,1,R15;R01;V01\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (TruthRow{"500241001000001", false, {}}));
  EXPECT_EQ(rows[1], (TruthRow{"500241001000019", true, {RuleId::kR02, RuleId::kR03}}));
  EXPECT_EQ(rows[2], (TruthRow{"500241001000043", false, {RuleId::kV01}}));
  EXPECT_EQ(rows[3],
            (TruthRow{"500241001000050", true, {RuleId::kR01, RuleId::kR15, RuleId::kV01}}));
}

TEST(TruthFile, HeaderOnlyIsNoRows) {
  EXPECT_TRUE(parsed(kHeader).empty());
}

TEST(TruthFile, AcceptsBomCrlfBlankLinesQuotesAndSpaces) {
  const auto rows = parsed(
      "\xEF\xBB\xBFhousehold_no,in_need,reasons\r\n"
      "\r\n"
      " 0001 , 1 ,\" R01 ; R03;\"\r\n"
      "0002,0,R03;R03\r\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (TruthRow{"0001", true, {RuleId::kR01, RuleId::kR03}}));
  EXPECT_EQ(rows[1], (TruthRow{"0002", false, {RuleId::kR03}}));
}

TEST(TruthFile, BadHeaderNamesLineOne) {
  const std::string message = error_of("户号,in_need,reasons\n0001,1,R01\n");
  EXPECT_NE(message.find("第 1 行"), std::string::npos) << message;
  EXPECT_NE(message.find("表头"), std::string::npos) << message;
  EXPECT_NE(error_of("household_no,in_need\n0001,1\n").find("表头"), std::string::npos);
  EXPECT_NE(error_of("household_no,in_need,reasons,extra\n").find("表头"), std::string::npos);
  EXPECT_NE(error_of("household_no,reasons,in_need\n").find("表头"), std::string::npos);
}

TEST(TruthFile, BadInNeedNamesTheLineAndValue) {
  for (std::string_view value : {"2", "", "yes", "1.0", "是"}) {
    const std::string message =
        error_of(std::string(kHeader) + "0001,1,R01\n0002," + std::string(value) + ",\n");
    EXPECT_NE(message.find("第 3 行"), std::string::npos) << message;
    EXPECT_NE(message.find("in_need「" + std::string(value) + "」"), std::string::npos) << message;
  }
}

TEST(TruthFile, UnknownRuleIdNamesTheLineAndId) {
  const std::string message = error_of(std::string(kHeader) + "0001,1,R01;R16\n");
  EXPECT_NE(message.find("第 2 行"), std::string::npos) << message;
  EXPECT_NE(message.find("「R16」"), std::string::npos) << message;
  EXPECT_NE(error_of(std::string(kHeader) + "0001,1,r01\n").find("「r01」"), std::string::npos);
  EXPECT_NE(error_of(std::string(kHeader) + "0001,1,R01 R02\n").find("R01 R02"), std::string::npos);
}

TEST(TruthFile, DuplicateHouseholdNamesTheSecondLine) {
  const std::string message = error_of(std::string(kHeader) + "0001,1,R01\n0002,0,\n0001,0,\n");
  EXPECT_NE(message.find("第 4 行"), std::string::npos) << message;
  EXPECT_NE(message.find("户号 0001 重复"), std::string::npos) << message;
}

TEST(TruthFile, EmptyHouseholdAndExtraCellsAreErrors) {
  EXPECT_NE(error_of(std::string(kHeader) + ",1,R01\n").find("第 2 行：户号"), std::string::npos);
  EXPECT_NE(error_of(std::string(kHeader) + "0001,1,R01,x\n").find("列数"), std::string::npos);
}

TEST(TruthFile, EmptyInputIsAnError) {
  EXPECT_FALSE(parse_truth_csv("").has_value());
  EXPECT_FALSE(parse_truth_csv("\n\n").has_value());
}

TEST(TruthFile, LoadsAFileAndReportsAMissingOne) {
  std::string folder = (std::filesystem::temp_directory_path() / "faxian-truth-XXXXXX").string();
  ASSERT_NE(::mkdtemp(folder.data()), nullptr);
  const std::string path = folder + "/truth.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << kHeader << "0001,1,R06\n";
  }
  auto rows = load_truth_file(path);
  ASSERT_TRUE(rows.has_value()) << rows.error().to_string();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().reasons, std::vector<RuleId>{RuleId::kR06});
  EXPECT_FALSE(load_truth_file(folder + "/missing.csv").has_value());
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace faxian::screen
