// Real files: .xlsx written by LibreOffice and by libxlsxwriter (tests/fixtures/xlsx/, made by
// make_fixtures.sh there) and CSV in every encoding a department sends (tests/fixtures/csv/).

#include <gtest/gtest.h>

#include "common/source_dir_for_tests.hpp"
#include "ingest/table_reader_test_util.hpp"

namespace faxian::ingest {
namespace {

using testing::texts;
using Strings = std::vector<std::string>;

const std::string kFixtures = faxian_source_dir() + "/tests/fixtures";

testing::ReadResult read_fixture(const std::string& name) {
  auto result = testing::read_path(kFixtures + "/" + name);
  EXPECT_FALSE(result.error) << name << ": " << result.error->to_string();
  return result;
}

void expect_cell(const Cell& cell, CellKind kind, const std::string& text) {
  EXPECT_EQ(cell.kind, kind) << text;
  EXPECT_EQ(cell.text, text);
}

void expect_date(const Cell& cell, double serial) {
  EXPECT_EQ(cell.kind, CellKind::kDate) << cell.text;
  EXPECT_NEAR(cell.number, serial, 1e-6);
}

TEST(XlsxFixtures, LibreOfficeCsvImportWithTypedColumns) {
  const auto result = read_fixture("xlsx/lo_csv_import.xlsx");
  ASSERT_EQ(result.rows.size(), 4u);
  EXPECT_EQ(texts(result.rows[0]), (Strings{"身份证号", "身份证号数值", "姓名", "出生日期",
                                            "结算日期", "发证日期文本", "金额", "备注", "住址"}));
  const auto& first = result.rows[1].cells;
  expect_cell(first[0], CellKind::kText, "500241199001011234");       // typed as text
  expect_cell(first[1], CellKind::kNumber, "5.00241199001011E+017");  // digits lost
  expect_cell(first[2], CellKind::kText, "冉秀山");
  expect_date(first[3], 32874);                          // 1990-01-01
  expect_date(first[4], 44931);                          // 2023/1/5
  expect_cell(first[5], CellKind::kText, "2023-01-05");  // a date typed as text
  EXPECT_DOUBLE_EQ(first[6].number, 1234.5);
  expect_cell(first[7], CellKind::kEmpty, "");  // empty in the middle
  expect_cell(first[8], CellKind::kText, "重庆市秀山县中和街道");
  const auto& second = result.rows[2].cells;
  expect_cell(second[0], CellKind::kText, "50024119850615002X");
  expect_date(second[3], 31213);  // 1985-06-15
  expect_date(second[4], 45291);  // 2023-12-31
  expect_cell(second[7], CellKind::kText, "有备注");
  const auto& third = result.rows[3].cells;
  ASSERT_EQ(third.size(), 9u);   // padded to the header
  expect_date(third[4], 45351);  // 2024-02-29
  expect_cell(third[6], CellKind::kEmpty, "");
  expect_cell(third[8], CellKind::kEmpty, "");
  EXPECT_EQ(result.rows[3].line, 4);
}

TEST(XlsxFixtures, LibreOfficeStylesFormulaAndSecondSheet) {
  const auto result = read_fixture("xlsx/lo_two_sheets.xlsx");
  ASSERT_EQ(result.rows.size(), 3u);  // the second sheet is not read
  EXPECT_EQ(result.rows[0].cells[0].text, "结算单号");
  const auto& first = result.rows[1].cells;
  expect_cell(first[1], CellKind::kText, "500241199001011234");
  expect_cell(first[2], CellKind::kNumber, "5.00241199001011E+017");
  expect_date(first[3], 44931);             // yyyy-mm-dd
  expect_date(first[4], 44931);             // yyyy年m月d日
  expect_date(first[5], 44931);             // m/d/yy
  expect_date(first[6], 44931 + 8.5 / 24);  // yyyy-mm-dd hh:mm
  expect_cell(first[7], CellKind::kText, "2023-01-05");
  expect_cell(first[10], CellKind::kNumber, "234.5");  // a formula's cached value
  expect_cell(first[11], CellKind::kText, "秀山土家族苗族自治县人民医院");
  const auto& second = result.rows[2].cells;
  expect_cell(second[1], CellKind::kText, "12345");  // a number in a text-formatted cell
  expect_cell(second[2], CellKind::kEmpty, "");
  expect_date(second[3], 45351);
  expect_cell(second[8], CellKind::kNumber, "88");
  expect_cell(second[11], CellKind::kText, "=cmd|' /C calc'!A0");
}

void expect_xlsxwriter_book(const std::string& name) {
  SCOPED_TRACE(name);
  const auto result = read_fixture(name);
  ASSERT_EQ(result.rows.size(), 4u);
  EXPECT_EQ(result.rows[0].cells.size(), 11u);
  const auto& first = result.rows[1].cells;
  expect_cell(first[0], CellKind::kText, "500241199001011234");
  expect_cell(first[1], CellKind::kText, "冉秀山");
  expect_date(first[2], 44931);                  // yyyy-mm-dd
  expect_date(first[3], 44931);                  // yyyy"年"m"月"d"日"
  expect_date(first[4], 44931);                  // built-in 14
  expect_date(first[5], 44931 + 8.5 / 24);       // yyyy/m/d h:mm
  expect_cell(first[6], CellKind::kText, "42");  // a number formatted as text
  EXPECT_DOUBLE_EQ(first[7].number, 1234.5);
  expect_cell(first[8], CellKind::kBool, "TRUE");
  expect_cell(first[9], CellKind::kNumber, "2469");
  expect_cell(first[10], CellKind::kEmpty, "");
  const auto& second = result.rows[2].cells;
  expect_cell(second[0], CellKind::kNumber, "5.002411990010113E+17");
  expect_cell(second[2], CellKind::kEmpty, "");
  expect_cell(second[10], CellKind::kText, "第一行\n第二行");
  EXPECT_EQ(result.rows[3].line, 5);  // row 4 is empty
  expect_cell(result.rows[3].cells[10], CellKind::kText, "末列");
}

TEST(XlsxFixtures, LibxlsxwriterWithSharedStrings) {
  expect_xlsxwriter_book("xlsx/xw_shared_strings.xlsx");
}

TEST(XlsxFixtures, LibxlsxwriterWithInlineStrings) {
  expect_xlsxwriter_book("xlsx/xw_constant_memory.xlsx");
}

TEST(CsvFixtures, EveryEncodingAndLineEndReadsTheSameRows) {
  const auto reference = read_fixture("csv/people_utf8.csv");
  ASSERT_EQ(reference.rows.size(), 5u);
  EXPECT_EQ(texts(reference.rows[1]),
            (Strings{"500241199001011234", "冉秀山", "户主", "500241100201",
                     "重庆市秀山县中和街道, 凤凰社区", "2023-01-05"}));
  EXPECT_EQ(reference.rows[2].cells[4].text, "住址含\"引号\"");
  EXPECT_EQ(reference.rows[4].cells[4].text, "两行\n地址");
  const std::vector<std::pair<std::string, TableFormat>> variants = {
      {"csv/people_utf8_bom_crlf.csv", TableFormat::kCsvUtf8},
      {"csv/people_gb18030_crlf.csv", TableFormat::kCsvGb18030},
      {"csv/people_gbk.csv", TableFormat::kCsvGb18030}};
  for (const auto& [name, format] : variants) {
    SCOPED_TRACE(name);
    const auto variant = read_fixture(name);
    EXPECT_EQ(variant.format, format);
    ASSERT_EQ(variant.rows.size(), reference.rows.size());
    for (size_t index = 0; index < reference.rows.size(); ++index) {
      Strings expected = texts(reference.rows[index]);
      if (name.find("crlf") != std::string::npos) {
        for (std::string& text : expected) {  // a line break inside quotes keeps its CR LF
          const size_t at = text.find('\n');
          if (at != std::string::npos)
            text.insert(at, "\r");
        }
      }
      EXPECT_EQ(texts(variant.rows[index]), expected);
      EXPECT_EQ(variant.rows[index].line, reference.rows[index].line);
      EXPECT_TRUE(variant.rows[index].problem.empty());
    }
  }
}

TEST(CsvFixtures, Gb18030FourByteCharacters) {
  const auto result = read_fixture("csv/gb18030_four_byte.csv");
  EXPECT_EQ(result.format, TableFormat::kCsvGb18030);
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(texts(result.rows[1]), (Strings{"冉𠀀", "欧元€与ḿ"}));
}

}  // namespace
}  // namespace faxian::ingest
