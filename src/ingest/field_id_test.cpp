#include "ingest/field_id.hpp"

#include <gtest/gtest.h>

#include "ingest/field_test_cells.hpp"

namespace faxian::ingest {
namespace {

using testing::bool_cell;
using testing::date_cell;
using testing::empty_cell;
using testing::error_cell;
using testing::number_cell;
using testing::text_cell;

// Valid IDs are built through the check character (11010519491231002X is GB 11643's example).
std::string valid_id(std::string first17) {
  return first17 + ResidentId::check_character(first17);
}

const std::string kId = valid_id("50024119900101123");

// "500241" + YYYYMMDD + "991" for a birth date.
std::string fmt_first17(Date birth) {
  return "500241" + birth.iso().substr(0, 4) + birth.iso().substr(5, 2) + birth.iso().substr(8, 2) +
         "991";
}

TEST(FieldIdTest, PlainText) {
  auto id = parse_resident_id(text_cell(kId));
  ASSERT_TRUE(id) << id.error().zh;
  EXPECT_EQ(id->str(), kId);
}

TEST(FieldIdTest, EveryFormOfTheSameNumber) {
  const std::string x_id = "11010519491231002X";
  const std::vector<std::string> forms = {
      "11010519491231002x",
      "  11010519491231002X ",
      "\xE3\x80\x80"
      "11010519491231002X",
      "\xEF\xBC\x91\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x95"
      "19491231002\xEF\xBC\xB8",  // ６ full-width digits then full-width Ｘ
      "110105 19491231 002X",
      "110105-19491231-002X",
      "'11010519491231002X",
      "=\"11010519491231002X\"",
  };
  for (const std::string& form : forms) {
    auto id = parse_resident_id(text_cell(form));
    ASSERT_TRUE(id) << form << ": " << id.error().zh;
    EXPECT_EQ(id->str(), x_id) << form;
  }
}

TEST(FieldIdTest, FifteenDigitsBecomeEighteen) {
  const std::string eighteen = valid_id("50024119900101123");
  const std::string fifteen = eighteen.substr(0, 6) + eighteen.substr(8, 9);
  auto id = parse_resident_id(text_cell(fifteen));
  ASSERT_TRUE(id) << id.error().zh;
  EXPECT_EQ(id->str(), eighteen);
}

TEST(FieldIdTest, WrongCheckCharacterNamesTheExpectedOne) {
  std::string wrong = kId;
  wrong[17] = wrong[17] == '1' ? '2' : '1';
  auto id = parse_resident_id(text_cell(wrong));
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().code, issue_code::kBadResidentId);
  EXPECT_NE(id.error().zh.find(std::string("应为 ") + kId[17]), std::string::npos) << id.error().zh;
  EXPECT_EQ(id.error().en.find(wrong), std::string::npos) << "English must not hold the ID";
  EXPECT_EQ(id.error().en.find(kId), std::string::npos);
}

TEST(FieldIdTest, ExcelZerosGetAHint) {
  const std::string zeros = "500241199001011000";  // Excel kept 15 digits; check would be 9
  auto id = parse_resident_id(text_cell(zeros));
  ASSERT_FALSE(id);
  EXPECT_NE(id.error().zh.find("Excel"), std::string::npos);
}

TEST(FieldIdTest, ImpossibleBirthDate) {
  auto id = parse_resident_id(text_cell(valid_id("50024119900230993")));
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().code, issue_code::kBadResidentId);
  EXPECT_NE(id.error().zh.find("出生日期"), std::string::npos) << id.error().zh;
}

TEST(FieldIdTest, WrongLengthAndCharacters) {
  for (const char* text : {"50024119900101", "5002411990010112345", "50024119900101123A",
                           "5002411990X1011234", "身份证"}) {
    auto id = parse_resident_id(text_cell(text));
    ASSERT_FALSE(id) << text;
    EXPECT_EQ(id.error().code, issue_code::kBadResidentId) << text;
    EXPECT_FALSE(id.error().zh.empty());
    EXPECT_FALSE(id.error().en.empty());
  }
}

TEST(FieldIdTest, ScientificNotationText) {
  auto id = parse_resident_id(text_cell("5.00241E+17"));
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().code, issue_code::kScientificId);
  EXPECT_NE(id.error().zh.find("科学计数法"), std::string::npos);
}

TEST(FieldIdTest, NumberCellIsAlwaysAnError) {
  // Even a full 18-digit number: Excel keeps 15 significant digits and loses any X.
  for (const Cell& cell : {number_cell("5.00241E+17", 5.00241e17),
                           number_cell("500241199001011234", 500241199001011234.0),
                           number_cell("5.0024119900101101E+17", 5.0024119900101101e17)}) {
    auto id = parse_resident_id(cell);
    ASSERT_FALSE(id) << cell.text;
    EXPECT_EQ(id.error().code, issue_code::kScientificId);
    EXPECT_NE(id.error().zh.find("存成了数字（5.00241E+17）"), std::string::npos) << id.error().zh;
    EXPECT_EQ(id.error().zh.find("199001011234"), std::string::npos) << "masked";
    EXPECT_EQ(id.error().en.find("199001011234"), std::string::npos) << "masked";
  }
}

TEST(FieldIdTest, OtherCellKinds) {
  EXPECT_EQ(parse_resident_id(date_cell(45292)).error().code, issue_code::kBadResidentId);
  EXPECT_EQ(parse_resident_id(bool_cell(true)).error().code, issue_code::kBadResidentId);
  EXPECT_EQ(parse_resident_id(error_cell("#N/A")).error().code, issue_code::kCellError);
  EXPECT_EQ(parse_resident_id(error_cell("\xFF")).error().code, issue_code::kBadEncoding);
  EXPECT_EQ(parse_resident_id(empty_cell()).error().code, issue_code::kMissingValue);
  EXPECT_EQ(parse_resident_id(text_cell(" \xE3\x80\x80 ")).error().code, issue_code::kMissingValue);
}

TEST(FieldIdTest, RepeatedAndManyIdsAlwaysGiveTheSameAnswer) {
  // Parsed IDs are memoised per thread: thousands of distinct numbers evict each other, and
  // an invalid number is never remembered as valid.
  std::vector<std::string> ids;
  for (int day = 0; day < 3000; ++day) {
    const Date birth = Date::from_ymd(1950, 1, 1)->add_days(day * 7);
    ids.push_back(valid_id(fmt_first17(birth)));
  }
  for (int round = 0; round < 2; ++round) {
    for (const std::string& text : ids) {
      auto id = parse_resident_id(text_cell(text));
      ASSERT_TRUE(id) << text;
      EXPECT_EQ(id->str(), text);
      std::string wrong = text;
      wrong[17] = wrong[17] == '1' ? '2' : '1';
      EXPECT_FALSE(parse_resident_id(text_cell(wrong)));
    }
  }
}

TEST(FieldIdTest, UnwrapsExportWrappers) {
  EXPECT_EQ(unwrap_id_text(" '123 "), "123");
  EXPECT_EQ(unwrap_id_text("=\" 123 \""), "123");
  EXPECT_EQ(unwrap_id_text("=\""), "=\"");
  EXPECT_EQ(unwrap_id_text("123"), "123");
}

TEST(FieldIdTest, MessagesMaskInvalidNumbers) {
  std::string wrong = kId;
  wrong[17] = wrong[17] == '1' ? '2' : '1';
  wrong += "9";  // 19 digits: a length error that repeats the value
  auto id = parse_resident_id(text_cell(wrong));
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().zh.find(kId.substr(0, 17)), std::string::npos) << id.error().zh;
  EXPECT_EQ(id.error().en.find(kId.substr(0, 17)), std::string::npos) << id.error().en;
}

}  // namespace
}  // namespace faxian::ingest
