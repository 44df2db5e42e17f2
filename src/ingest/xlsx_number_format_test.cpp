// Number formats: which make a numeric cell a date, which make it text.

#include <gtest/gtest.h>

#include "ingest/xlsx_cell_values.hpp"
#include "ingest/xlsx_number_format.hpp"
#include "ingest/xlsx_workbook.hpp"

namespace faxian::ingest {
namespace {

TEST(XlsxNumberFormat, BuiltInIds) {
  for (const int id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 31, 36, 45, 46, 47, 50, 57, 58})
    EXPECT_EQ(classify_builtin_format(id), NumberFormatKind::kDate) << id;
  EXPECT_EQ(classify_builtin_format(49), NumberFormatKind::kText);
  for (const int id : {0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 23, 26, 37, 44, 48, 59, 164})
    EXPECT_EQ(classify_builtin_format(id), NumberFormatKind::kNumber) << id;
}

TEST(XlsxNumberFormat, CustomCodes) {
  for (const std::string_view code :
       {"yyyy/m/d", "yyyy\\-mm\\-dd", "yyyy\"年\"m\"月\"d\"日\"", "yyyy\\年m\\月d\\日",
        "[$-804]yyyy\"年\"m\"月\"", "[DBNum1][$-804]m\"月\"d\"日\"", "m/d/yy", "h:mm AM/PM",
        "yyyy-mm-dd hh:mm:ss", "[h]:mm:ss", "[mm]", "mmm-yy", "d-mmm", "YYYY-MM-DD",
        "[Red]yyyy/m/d", "yyyy/m/d;@"}) {
    EXPECT_EQ(classify_format_code(code), NumberFormatKind::kDate) << code;
  }
  for (const std::string_view code : {"@", "\"ID:\"@", ";;;@"})
    EXPECT_EQ(classify_format_code(code), NumberFormatKind::kText) << code;
  for (const std::string_view code :
       {"General", "general", "G/通用格式", "0", "0.00", "#,##0.00", "0.00E+00", "0%",
        "#,##0.00\"days\";[Red]\\-#,##0.00", "\"¥\"#,##0.00;\"¥\"\\-#,##0.00", "_(* #,##0_)",
        "0.00_);[Red]\\(0.00\\)", "[>=100]0;0.0", "#,##0 \"元\"", "0;-0;;@"}) {
    EXPECT_EQ(classify_format_code(code), NumberFormatKind::kNumber) << code;
  }
}

TEST(XlsxCellValues, ColumnsOfReferences) {
  EXPECT_EQ(column_of_reference("A1"), 0);
  EXPECT_EQ(column_of_reference("c7"), 2);
  EXPECT_EQ(column_of_reference("Z9"), 25);
  EXPECT_EQ(column_of_reference("AA10"), 26);
  EXPECT_EQ(column_of_reference("XFD1048576"), 16383);
  EXPECT_FALSE(column_of_reference("17"));
  EXPECT_FALSE(column_of_reference(""));
  EXPECT_GT(*column_of_reference("ZZZZZZZZZZZZZZZZZZZZ1"), 1'000'000'000);  // saturates
}

TEST(XlsxCellValues, IsoDatesToSerials) {
  EXPECT_EQ(excel_serial_from_iso("2024-01-01"), 45292);
  EXPECT_EQ(excel_serial_from_iso("1900-03-01"), 61);
  EXPECT_EQ(excel_serial_from_iso("1900-01-01"), 1);
  EXPECT_EQ(excel_serial_from_iso("2024-02-29T12:00:00"), 45351.5);
  EXPECT_EQ(excel_serial_from_iso("2024-02-29T06:00Z"), 45351.25);
  for (const std::string_view bad :
       {"2023-02-29", "2023-13-01", "2023-1-5", "2023-01-05T25:00", "2023-01-05 10:00", "x", ""}) {
    EXPECT_FALSE(excel_serial_from_iso(bad)) << bad;
  }
}

TEST(XlsxCellValues, OoxmlEscapes) {
  std::string text = "a_x000D__x000A_b_x005F_x0041_ _x00e9_ _x0000_ _xD800_ _x12_ _xZZZZ_";
  unescape_ooxml(text);
  EXPECT_EQ(text, "a\r\nb_x0041_ é _x0000_ _xD800_ _x12_ _xZZZZ_");
}

TEST(XlsxCellValues, NumbersAsShortestText) {
  EXPECT_EQ(number_text(45292), "45292");
  EXPECT_EQ(number_text(0.5), "0.5");
  EXPECT_EQ(number_text(45292.35416666666), "45292.35416666666");
}

TEST(XlsxWorkbook, ResolvesPartPaths) {
  EXPECT_EQ(resolve_part_path("xl/", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(resolve_part_path("xl/", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(resolve_part_path("xl/", "../xl/./sharedStrings.xml"), "xl/sharedStrings.xml");
  EXPECT_EQ(resolve_part_path("", "xl/workbook.xml"), "xl/workbook.xml");
  EXPECT_EQ(resolve_part_path("xl/", "../../../etc/passwd"), "etc/passwd");
}

}  // namespace
}  // namespace faxian::ingest
