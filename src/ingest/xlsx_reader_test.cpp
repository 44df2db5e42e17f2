// XLSX reading from hand-written parts: every cell type, dates and text through styles,
// sparse rows, sheet resolution through the workbook relations, and malformed parts.

#include <gtest/gtest.h>

#include "ingest/table_reader_test_util.hpp"
#include "ingest/xlsx_test_book.hpp"

namespace faxian::ingest {
namespace {

using testing::make_xlsx;
using testing::read_bytes;
using testing::styles_xml;
using testing::TestBook;
using testing::texts;
using Strings = std::vector<std::string>;

std::string si(const std::string& text) {
  return "<si><t>" + text + "</t></si>";
}

TEST(XlsxReader, ReadsSharedInlineNumberBoolErrorAndFormulaCells) {
  TestBook book;
  book.shared_strings =
      si("身份证号") + si("姓名") + si("金额") + si("状态") + si("公式") + si("张三");
  book.rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c>"
      "<c r=\"E1\" t=\"s\"><v>4</v></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>5.00241199001011E+17</v></c><c r=\"B2\" t=\"s\"><v>5</v></c>"
      "<c r=\"C2\"><v>1234.5</v></c><c r=\"D2\" t=\"b\"><v>1</v></c>"
      "<c r=\"E2\" t=\"str\"><f>A1&amp;B1</f><v>公式结果</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>500241199001011234</t></is></c>"
      "<c r=\"B3\" t=\"e\"><v>#N/A</v></c><c r=\"C3\"><f>SUM(C2)</f></c>"
      "<c r=\"D3\" t=\"b\"><v>0</v></c></row>";
  const auto result = read_bytes(make_xlsx(book));
  ASSERT_FALSE(result.error) << result.error->to_string();
  EXPECT_EQ(result.format, TableFormat::kXlsx);
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_EQ(texts(result.rows[0]), (Strings{"身份证号", "姓名", "金额", "状态", "公式"}));
  const TableRow& second = result.rows[1];
  EXPECT_EQ(second.line, 2);
  EXPECT_EQ(second.cells[0].kind, CellKind::kNumber);
  EXPECT_EQ(second.cells[0].text, "5.00241199001011E+17");  // as stored: the digits are gone
  EXPECT_DOUBLE_EQ(second.cells[0].number, 5.00241199001011E+17);
  EXPECT_EQ(second.cells[1].text, "张三");
  EXPECT_EQ(second.cells[2].kind, CellKind::kNumber);
  EXPECT_DOUBLE_EQ(second.cells[2].number, 1234.5);
  EXPECT_EQ(second.cells[3].kind, CellKind::kBool);
  EXPECT_EQ(second.cells[3].text, "TRUE");
  EXPECT_EQ(second.cells[4].kind, CellKind::kText);
  EXPECT_EQ(second.cells[4].text, "公式结果");
  const TableRow& third = result.rows[2];
  EXPECT_EQ(third.cells[0].kind, CellKind::kText);
  EXPECT_EQ(third.cells[0].text, "500241199001011234");
  EXPECT_EQ(third.cells[1].kind, CellKind::kError);
  EXPECT_EQ(third.cells[1].text, "#N/A");
  EXPECT_EQ(third.cells[2].kind, CellKind::kEmpty);  // a formula without a cached value
  EXPECT_EQ(third.cells[3].text, "FALSE");
  EXPECT_TRUE(third.problem.empty());
}

TEST(XlsxReader, DatesAndTextAreRecognisedThroughCellStyles) {
  TestBook book;
  // xf 0 general, 1 built-in date 14, 2 custom yyyy/m/d, 3 Chinese custom, 4 text 49, 5 custom
  // "@", 6 custom number with quoted letters, 7 CJK built-in 31, 8 time h:mm, 9 custom General.
  book.styles = styles_xml(
      {0, 14, 176, 177, 49, 178, 179, 31, 20, 180},
      "<numFmt numFmtId=\"176\" formatCode=\"yyyy/m/d\"/>"
      "<numFmt numFmtId=\"177\" "
      "formatCode=\"[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
      "<numFmt numFmtId=\"178\" formatCode=\"@\"/>"
      "<numFmt numFmtId=\"179\" formatCode=\"#,##0.00&quot;days&quot;;[Red]\\-#,##0.00\"/>"
      "<numFmt numFmtId=\"180\" formatCode=\"General\"/>");
  book.rows = "<row r=\"1\">";
  for (int style = 0; style <= 9; ++style) {
    book.rows += "<c s=\"" + std::to_string(style) + "\"><v>45292</v></c>";
  }
  book.rows += "</row><row r=\"2\"><c t=\"inlineStr\" s=\"4\"><is><t>2024-01-01</t></is></c></row>";
  const auto result = read_bytes(make_xlsx(book));
  ASSERT_FALSE(result.error) << result.error->to_string();
  ASSERT_EQ(result.rows.size(), 2u);
  const std::vector<CellKind> expected = {
      CellKind::kNumber, CellKind::kDate,   CellKind::kDate, CellKind::kDate, CellKind::kText,
      CellKind::kText,   CellKind::kNumber, CellKind::kDate, CellKind::kDate, CellKind::kNumber};
  for (size_t column = 0; column < expected.size(); ++column) {
    EXPECT_EQ(result.rows[0].cells[column].kind, expected[column]) << "style " << column;
    EXPECT_EQ(result.rows[0].cells[column].text, "45292");
  }
  EXPECT_DOUBLE_EQ(result.rows[0].cells[1].number, 45292);
  EXPECT_EQ(result.rows[1].cells[0].kind, CellKind::kText);
}

TEST(XlsxReader, Date1904SerialsAndIsoDateCellsBecome1900Serials) {
  TestBook book;
  book.workbook_extra = "<workbookPr date1904=\"1\"/>";
  book.styles = styles_xml({0, 14}, "");
  book.rows =
      "<row r=\"1\"><c s=\"1\"><v>43830</v></c><c t=\"d\"><v>2024-01-01</v></c>"
      "<c t=\"d\"><v>2024-01-01T12:00:00</v></c><c s=\"0\"><v>7</v></c></row>";
  const auto result = read_bytes(make_xlsx(book));
  ASSERT_FALSE(result.error) << result.error->to_string();
  ASSERT_EQ(result.rows.size(), 1u);
  const auto& cells = result.rows[0].cells;
  EXPECT_EQ(cells[0].kind, CellKind::kDate);
  EXPECT_DOUBLE_EQ(cells[0].number, 45292);  // 2024-01-01
  EXPECT_EQ(cells[0].text, "45292");
  EXPECT_EQ(cells[1].kind, CellKind::kDate);
  EXPECT_DOUBLE_EQ(cells[1].number, 45292);
  EXPECT_DOUBLE_EQ(cells[2].number, 45292.5);
  EXPECT_EQ(cells[3].kind, CellKind::kNumber);
  EXPECT_DOUBLE_EQ(cells[3].number, 7);  // only dates move
}

TEST(XlsxReader, SparseRowsArePlacedByReferenceAndNumberedByRow) {
  TestBook book;
  book.rows =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>b</t></is></c>"
      "<c r=\"C1\" t=\"inlineStr\"><is><t>c</t></is></c>"
      "<c r=\"D1\" t=\"inlineStr\"><is><t>d</t></is></c></row>"
      "<row r=\"4\"><c r=\"C4\"><v>3</v></c></row>"
      "<row r=\"5\" spans=\"1:4\"><c r=\"A5\" s=\"0\"/><c r=\"B5\"><v></v></c></row>"
      "<row r=\"7\"><c r=\"B7\"><v>2</v></c><c><v>3</v></c></row>"
      "<row><c><v>1</v></c></row>";
  const auto result = read_bytes(make_xlsx(book));
  ASSERT_FALSE(result.error) << result.error->to_string();
  ASSERT_EQ(result.rows.size(), 4u);  // row 5 has no value at all
  EXPECT_EQ(result.rows[1].line, 4);
  EXPECT_EQ(texts(result.rows[1]), (Strings{"", "", "3", ""}));
  EXPECT_EQ(result.rows[1].cells[0].kind, CellKind::kEmpty);
  EXPECT_EQ(result.rows[2].line, 7);
  EXPECT_EQ(texts(result.rows[2]), (Strings{"", "2", "3", ""}));  // C follows B
  EXPECT_EQ(result.rows[3].line, 8);
  EXPECT_EQ(texts(result.rows[3]), (Strings{"1", "", "", ""}));
}

TEST(XlsxReader, ImplausibleRowNumbersContinueFromThePreviousRow) {
  TestBook book;
  book.rows =
      "<row r=\"3\"><c><v>1</v></c></row><row r=\"0\"><c><v>2</v></c></row>"
      "<row r=\"-7\"><c><v>3</v></c></row><row r=\"9223372036854775807\"><c><v>4</v></c></row>"
      "<row r=\"x\"><c><v>5</v></c></row>";
  const auto result = read_bytes(make_xlsx(book));
  ASSERT_FALSE(result.error) << result.error->to_string();
  ASSERT_EQ(result.rows.size(), 5u);
  for (size_t index = 0; index < 5; ++index)
    EXPECT_EQ(result.rows[index].line, static_cast<int64_t>(3 + index));
}

TEST(XlsxReader, RichTextRunsEscapesAndPhoneticHints) {
  TestBook book;
  book.shared_strings =
      "<si><r><rPr><b/></rPr><t>秀山</t></r><r><t xml:space=\"preserve\"> 县</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>シュウ</t></rPh></si>"
      "<si><t>a_x000D_b_x005F_x0041_</t></si><si/>";
  book.rows =
      "<row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c>"
      "<c t=\"inlineStr\"><is><r><t>内</t></r><r><t>联</t></r></is></c></row>";
  const auto result = read_bytes(make_xlsx(book));
  ASSERT_FALSE(result.error) << result.error->to_string();
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0].cells[0].text, "秀山 县");
  EXPECT_EQ(result.rows[0].cells[1].text, "a\rb_x0041_");
  EXPECT_EQ(result.rows[0].cells[2].kind, CellKind::kEmpty);
  EXPECT_EQ(result.rows[0].cells[3].text, "内联");
}

TEST(XlsxReader, PrefixedElementsAndAbsoluteTargetsAreRead) {
  TestBook book;
  book.sheet_xml = testing::xml_head() + "<x:worksheet xmlns:x=\"" + testing::kSpreadsheetNs +
                   "\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>前缀"
                   "</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>";
  book.workbook_rels =
      testing::xml_head() +
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"" +
      std::string(testing::kRelationshipNs) +
      "/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/></Relationships>";
  const auto result = read_bytes(make_xlsx(book));
  ASSERT_FALSE(result.error) << result.error->to_string();
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0].cells[0].text, "前缀");
}

TEST(XlsxReader, TheFirstWorksheetInWorkbookOrderIsReadNotAChartOrALaterSheet) {
  TestBook book;
  book.rows = "<row r=\"1\"><c t=\"inlineStr\"><is><t>第二个</t></is></c></row>";
  book.workbook_xml = testing::xml_head() + "<workbook xmlns=\"" + testing::kSpreadsheetNs +
                      "\" xmlns:r=\"" + testing::kRelationshipNs +
                      "\"><sheets><sheet name=\"图\" sheetId=\"3\" r:id=\"rId9\"/>"
                      "<sheet name=\"首\" sheetId=\"2\" r:id=\"rId5\"/>"
                      "<sheet name=\"次\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  const std::string ns = testing::kRelationshipNs;
  book.workbook_rels =
      testing::xml_head() +
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"" +
      ns +
      "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId5\" Type=\"" +
      ns +
      "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
      "<Relationship Id=\"rId9\" Type=\"" +
      ns +
      "/chartsheet\" Target=\"chartsheets/c1.xml\"/>"
      "</Relationships>";
  book.extra_entries.push_back(testing::stored_entry(
      "xl/worksheets/sheet2.xml",
      "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>第一个</t></is></c></row>"
      "</sheetData></worksheet>"));
  book.extra_entries.push_back(testing::stored_entry("xl/chartsheets/c1.xml", "<chartsheet/>"));
  const auto result = read_bytes(make_xlsx(book));
  ASSERT_FALSE(result.error) << result.error->to_string();
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0].cells[0].text, "第一个");
}

TEST(XlsxReader, StyledEmptyCellsFarRightAreNotAProblemButValuesThereAre) {
  TestBook book;
  book.rows =
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\" s=\"0\"/></row>"
      "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"ALN2\"><v>2</v></c></row>"
      "<row r=\"3\"><c r=\"A3\"><v>1</v></c></row>";
  const auto result = read_bytes(make_xlsx(book));
  ASSERT_FALSE(result.error) << result.error->to_string();
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_TRUE(result.rows[0].problem.empty());
  EXPECT_EQ(result.rows[0].cells.size(), 1u);
  EXPECT_NE(result.rows[1].problem.find("超过 1000 列"), std::string::npos);  // ALN = 1002
  EXPECT_TRUE(result.rows[2].problem.empty());
}

TEST(XlsxReader, BadCellValuesAreRowProblems) {
  TestBook book;
  book.shared_strings = si("x");
  book.rows =
      "<row r=\"1\"><c t=\"s\"><v>0</v></c><c><v>1</v></c></row>"
      "<row r=\"2\"><c t=\"s\"><v>7</v></c></row>"
      "<row r=\"3\"><c><v>12abc</v></c></row>"
      "<row r=\"4\"><c t=\"d\"><v>2023-02-30</v></c></row>"
      "<row r=\"5\"><c t=\"inlineStr\"><is><t>0123456789abcdef!</t></is></c></row>"
      "<row r=\"6\"><c t=\"s\"><v>0</v></c></row>";
  ReaderLimits limits;
  limits.max_field_bytes = 16;
  const auto result = read_bytes(make_xlsx(book), limits);
  ASSERT_FALSE(result.error) << result.error->to_string();
  ASSERT_EQ(result.rows.size(), 6u);
  EXPECT_NE(result.rows[1].problem.find("共享字符串不存在"), std::string::npos);
  EXPECT_NE(result.rows[2].problem.find("数值无法识别"), std::string::npos);
  EXPECT_NE(result.rows[3].problem.find("日期值无法识别"), std::string::npos);
  EXPECT_NE(result.rows[4].problem.find("超过 16 字节"), std::string::npos);
  EXPECT_TRUE(result.rows[5].problem.empty());
}

TEST(XlsxReader, AnOverlongSharedStringIsAProblemWhereUsed) {
  TestBook book;
  book.shared_strings = si(std::string(40, 'x')) + si("ok");
  book.rows =
      "<row r=\"1\"><c t=\"s\"><v>1</v></c></row><row r=\"2\"><c t=\"s\"><v>0</v></c></row>";
  ReaderLimits limits;
  limits.max_field_bytes = 16;
  const auto result = read_bytes(make_xlsx(book), limits);
  ASSERT_FALSE(result.error) << result.error->to_string();
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0].cells[0].text, "ok");
  EXPECT_NE(result.rows[1].problem.find("超过 16 字节"), std::string::npos);
}

TEST(XlsxReader, ASharedStringsTableOverItsLimitIsAnError) {
  TestBook book;
  for (int index = 0; index < 100; ++index)
    book.shared_strings += si("字符串" + std::to_string(index));
  book.rows = "<row r=\"1\"><c t=\"s\"><v>0</v></c></row>";
  ReaderLimits limits;
  limits.max_shared_strings_bytes = 500;
  const auto result = read_bytes(make_xlsx(book), limits);
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->message.find("共享字符串表过大"), std::string::npos);
}

TEST(XlsxReader, WorksWithoutStylesOrSharedStringsParts) {
  TestBook book;
  book.rows = "<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c><c><v>3</v></c></row>";
  book.workbook_rels =
      testing::xml_head() +
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"" +
      std::string(testing::kRelationshipNs) +
      "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
  const auto result = read_bytes(make_xlsx(book));
  ASSERT_FALSE(result.error) << result.error->to_string();
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(texts(result.rows[0]), (Strings{"a", "3"}));
}

TEST(XlsxReader, MalformedPartsAreErrorsNamingThePart) {
  TestBook book;
  book.rows = "<row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>2</c></row>";
  const auto bad_sheet = read_bytes(make_xlsx(book));
  ASSERT_TRUE(bad_sheet.error);
  EXPECT_NE(bad_sheet.error->message.find("xl/worksheets/sheet1.xml"), std::string::npos);
  EXPECT_NE(bad_sheet.error->message.find("XML 格式错误"), std::string::npos);
  EXPECT_EQ(bad_sheet.rows.size(), 1u);  // the rows before the damage were read

  TestBook bad_styles;
  bad_styles.rows = "<row r=\"1\"><c><v>1</v></c></row>";
  bad_styles.styles = "<styleSheet><cellXfs>";
  EXPECT_TRUE(read_bytes(make_xlsx(bad_styles)).error);
}

TEST(XlsxReader, DocumentTypeDeclarationsAreRefused) {
  TestBook book;
  book.sheet_xml =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
      "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><worksheet><sheetData>"
      "<row r=\"1\"><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>";
  const auto result = read_bytes(make_xlsx(book));
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->message.find("DTD"), std::string::npos);
}

TEST(XlsxReader, ArchivesWithoutAWorkbookOrWorksheetAreErrors) {
  const auto empty_zip = read_bytes(testing::make_zip({}));
  ASSERT_TRUE(empty_zip.error);
  EXPECT_NE(empty_zip.error->message.find("工作簿"), std::string::npos);

  TestBook book;
  book.workbook_rels = testing::xml_head() + "<Relationships/>";
  book.sheet_xml = "<worksheet/>";
  std::string bytes = make_xlsx(book);
  // Renaming the sheet part leaves the workbook pointing nowhere.
  const size_t at = bytes.find("xl/worksheets/sheet1.xml");
  bytes.replace(at, 24, "xl/worksheets/other1.xml");
  const size_t again = bytes.find("xl/worksheets/sheet1.xml");
  bytes.replace(again, 24, "xl/worksheets/other1.xml");
  const auto no_sheet = read_bytes(bytes);
  ASSERT_TRUE(no_sheet.error);
  EXPECT_NE(no_sheet.error->message.find("没有工作表"), std::string::npos);
}

TEST(XlsxReader, TruncatedAndCorruptArchivesAreErrors) {
  TestBook book;
  book.rows = "<row r=\"1\"><c t=\"inlineStr\"><is><t>秀山土家族苗族自治县</t></is></c></row>";
  const std::string bytes = make_xlsx(book);
  for (const size_t keep : {bytes.size() / 2, bytes.size() - 10, size_t{30}}) {
    const auto truncated = read_bytes(bytes.substr(0, keep));
    ASSERT_TRUE(truncated.error) << keep;
    EXPECT_NE(truncated.error->message.find("XLSX"), std::string::npos);
  }
  std::string corrupt = bytes;
  corrupt[corrupt.find("r=\"1\"") + 3] = '2';  // still XML, no longer matching its CRC
  const auto crc = read_bytes(corrupt);
  ASSERT_TRUE(crc.error);
  EXPECT_NE(crc.error->message.find("CRC"), std::string::npos);
}

}  // namespace
}  // namespace faxian::ingest
