// CSV reading: RFC 4180 quoting, line endings, BOM, blank and short rows, limits, recovery,
// NUL bytes, and both encodings — through open_table_bytes / open_table_file.

#include <gtest/gtest.h>

#include <random>

#include <unicode/ucnv.h>

#include "common/text.hpp"
#include "ingest/encoding_gb18030.hpp"
#include "ingest/table_reader_test_util.hpp"

namespace faxian::ingest {
namespace {

using testing::read_bytes;
using testing::read_path;
using testing::texts;
using Strings = std::vector<std::string>;

TEST(CsvReader, ReadsHeaderAndRowsWithLineNumbersAndKinds) {
  const auto result = read_bytes("结算单号,姓名,金额\nYB1,张三,12.50\nYB2,,3\n");
  ASSERT_FALSE(result.error) << result.error->to_string();
  EXPECT_EQ(result.format, TableFormat::kCsvUtf8);
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_EQ(texts(result.rows[0]), (Strings{"结算单号", "姓名", "金额"}));
  EXPECT_EQ(result.rows[0].line, 1);
  EXPECT_EQ(result.rows[2].line, 3);
  EXPECT_EQ(result.rows[1].cells[1].kind, CellKind::kText);
  EXPECT_EQ(result.rows[2].cells[1].kind, CellKind::kEmpty);
  EXPECT_EQ(result.rows[2].cells[2].kind, CellKind::kText);  // CSV never types numbers
  EXPECT_TRUE(result.rows[2].problem.empty());
}

TEST(CsvReader, QuotedFieldsHoldCommasDoubledQuotesAndLineBreaks) {
  const auto result =
      read_bytes("a,b,c\n\"x,y\",\"he said \"\"hi\"\"\",\"line1\nline2\r\nline3\"\n\"\",\" \",z\n");
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_EQ(texts(result.rows[1]), (Strings{"x,y", "he said \"hi\"", "line1\nline2\r\nline3"}));
  EXPECT_EQ(result.rows[2].line, 3);                          // a record, not a physical line
  EXPECT_EQ(result.rows[2].cells[0].kind, CellKind::kEmpty);  // "" is empty
  EXPECT_EQ(result.rows[2].cells[1].kind, CellKind::kText);   // " " is not
}

TEST(CsvReader, TextAfterAClosingQuoteJoinsTheField) {
  const auto result = read_bytes("a,b\n\"abc\"def,x\nab\"c,y\n");
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_EQ(texts(result.rows[1]), (Strings{"abcdef", "x"}));
  EXPECT_EQ(texts(result.rows[2]), (Strings{"ab\"c", "y"}));  // a quote inside is literal
  EXPECT_TRUE(result.rows[1].problem.empty());
}

TEST(CsvReader, AcceptsCrLfLfAndLoneCrLineEnds) {
  for (const std::string eol : {"\r\n", "\n", "\r"}) {
    const auto result = read_bytes("a,b" + eol + "1,2" + eol + "3,4" + eol);
    ASSERT_EQ(result.rows.size(), 3u) << "eol size " << eol.size();
    EXPECT_EQ(texts(result.rows[2]), (Strings{"3", "4"}));
    EXPECT_EQ(result.rows[2].line, 3);
  }
  const auto mixed = read_bytes("a,b\r\n1,2\n3,4\r5,6");  // no final line break either
  ASSERT_EQ(mixed.rows.size(), 4u);
  EXPECT_EQ(texts(mixed.rows[3]), (Strings{"5", "6"}));
}

TEST(CsvReader, StripsTheUtf8ByteOrderMark) {
  const auto result = read_bytes("\xEF\xBB\xBF身份证号,姓名\n1,2\n");
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0].cells[0].text, "身份证号");
  EXPECT_EQ(result.format, TableFormat::kCsvUtf8);
}

TEST(CsvReader, SkipsBlankLinesAndEmptyRowsButCountsThem) {
  const auto result = read_bytes("a,b\n\n1,2\n,,\n\r\n3,4\n\n\n\r\n");
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_EQ(result.rows[1].line, 3);
  EXPECT_EQ(result.rows[2].line, 6);
  EXPECT_EQ(texts(result.rows[2]), (Strings{"3", "4"}));
}

TEST(CsvReader, PadsShortRowsToTheHeaderAndKeepsLongOnes) {
  const auto result = read_bytes("a,b,c,d\n1\n1,2,3,4,5\n");
  ASSERT_EQ(result.rows.size(), 3u);
  ASSERT_EQ(result.rows[1].cells.size(), 4u);
  EXPECT_EQ(result.rows[1].cells[3].kind, CellKind::kEmpty);
  EXPECT_EQ(result.rows[2].cells.size(), 5u);
  EXPECT_TRUE(result.rows[1].problem.empty());
}

TEST(CsvReader, UnterminatedQuoteResumesAfterTheLineBreakInsideIt) {
  const auto result = read_bytes("a,b\n1,\"oops\n2,x\n3,y\n");
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.rows.size(), 4u);
  EXPECT_NE(result.rows[1].problem.find("引号没有闭合"), std::string::npos);
  EXPECT_EQ(result.rows[1].line, 2);
  EXPECT_EQ(texts(result.rows[2]), (Strings{"2", "x"}));
  EXPECT_EQ(result.rows[2].line, 3);
  EXPECT_TRUE(result.rows[2].problem.empty());
  EXPECT_EQ(texts(result.rows[3]), (Strings{"3", "y"}));
}

TEST(CsvReader, UnterminatedQuoteOnTheLastLineIsAProblem) {
  const auto result = read_bytes("a,b\n1,2\n3,\"no end");
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_TRUE(result.rows[1].problem.empty());
  EXPECT_NE(result.rows[2].problem.find("第 2 列的引号没有闭合"), std::string::npos);
}

TEST(CsvReader, OverlongFieldIsAProblemAndTheNextLineIsRead) {
  ReaderLimits limits;
  limits.max_field_bytes = 8;
  const auto result = read_bytes("a,b\n123456789,x\n12345678,y\n", limits);
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_NE(result.rows[1].problem.find("第 1 列超过 8 字节"), std::string::npos);
  EXPECT_TRUE(result.rows[2].problem.empty());
  EXPECT_EQ(texts(result.rows[2]), (Strings{"12345678", "y"}));
}

TEST(CsvReader, OverlongQuotedFieldResumesAtItsFirstLineBreak) {
  ReaderLimits limits;
  limits.max_field_bytes = 16;
  const auto result = read_bytes("a,b\n1,\"stray\n2,x\n3,yyyyyyyyyyyyyyyyyyyyy\n4,z\n", limits);
  ASSERT_EQ(result.rows.size(), 5u);
  EXPECT_FALSE(result.rows[1].problem.empty());
  EXPECT_EQ(texts(result.rows[2]), (Strings{"2", "x"}));
  EXPECT_FALSE(result.rows[3].problem.empty());
  EXPECT_EQ(texts(result.rows[4]), (Strings{"4", "z"}));
}

TEST(CsvReader, TooManyCellsOrBytesInARowIsAProblem) {
  ReaderLimits limits;
  limits.max_row_cells = 3;
  limits.max_row_bytes = 10;
  const auto result = read_bytes("a,b\n1,2,3,4\n12345,67890,1\nok,ok\n", limits);
  ASSERT_EQ(result.rows.size(), 4u);
  EXPECT_NE(result.rows[1].problem.find("超过 3 列"), std::string::npos);
  EXPECT_EQ(result.rows[1].cells.size(), 3u);
  EXPECT_NE(result.rows[2].problem.find("超过 10 字节"), std::string::npos);
  EXPECT_TRUE(result.rows[3].problem.empty());
}

TEST(CsvReader, NulByteMakesTheRowAProblem) {
  const auto result = read_bytes(std::string("a,b\n1,x\0y\n2,z\n\"q\0\",w\n", 21));
  ASSERT_EQ(result.rows.size(), 4u);
  EXPECT_NE(result.rows[1].problem.find("空字符"), std::string::npos);
  EXPECT_TRUE(result.rows[2].problem.empty());
  EXPECT_FALSE(result.rows[3].problem.empty());
}

TEST(CsvReader, FewInvalidBytesInAUtf8FileSpoilOnlyTheirRows) {
  std::string text = "姓名,地址\n";
  for (int index = 0; index < 20; ++index)
    text += "张三丰,重庆市秀山县\n";
  text += "李\xFF四,x\n";
  const auto result = read_bytes(text);
  ASSERT_FALSE(result.error);
  EXPECT_EQ(result.format, TableFormat::kCsvUtf8);
  ASSERT_EQ(result.rows.size(), 22u);
  EXPECT_EQ(result.rows[20].cells[0].text, "张三丰");
  EXPECT_NE(result.rows[21].problem.find("第 1 列含有 UTF-8 编码中无效的字节序列"),
            std::string::npos);
  EXPECT_EQ(result.rows[21].cells[0].kind, CellKind::kError);
  EXPECT_EQ(result.rows[21].cells[0].text, "李\uFFFD四");  // always valid UTF-8
}

std::string to_gb18030(std::string_view utf8) {
  std::string out(utf8.size() * 2 + 8, '\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length =
      ucnv_convert("gb18030", "utf-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                   static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(length));
  return out;
}

TEST(CsvReader, DetectsAndConvertsGb18030IncludingFourByteCharacters) {
  const std::string utf8 = "身份证号,姓名,住址\r\n500241199001011234,冉𠀀€,\"秀山,清溪场镇\"\r\n";
  const std::string gb = to_gb18030(utf8);
  ASSERT_NE(gb, utf8);
  const auto result = read_bytes(gb);
  ASSERT_FALSE(result.error);
  EXPECT_EQ(result.format, TableFormat::kCsvGb18030);
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(texts(result.rows[1]), (Strings{"500241199001011234", "冉𠀀€", "秀山,清溪场镇"}));
}

TEST(CsvReader, InvalidGb18030SequenceIsARowProblem) {
  std::string gb = to_gb18030("姓名,村\n张三,清溪\n");
  gb += "\x81\x20" + to_gb18030("李四,x\n");  // 0x81 must be followed by 0x30–0x39 or 0x40–0xFE
  gb += to_gb18030("王五,y\n");
  gb += "\x84\x31\xA5\x30,z\n";           // a four-byte form beyond the mapped range
  gb += to_gb18030("赵六,w\n") + "\xB5";  // a lead byte cut off by the end of the file
  const auto result = read_bytes(gb);
  ASSERT_FALSE(result.error);
  EXPECT_EQ(result.format, TableFormat::kCsvGb18030);
  ASSERT_EQ(result.rows.size(), 7u);
  EXPECT_TRUE(result.rows[1].problem.empty());
  EXPECT_NE(result.rows[2].problem.find("GB18030"), std::string::npos);
  EXPECT_EQ(result.rows[2].cells[0].kind, CellKind::kError);
  EXPECT_EQ(result.rows[2].cells[0].text, "\uFFFD 李四");
  EXPECT_EQ(texts(result.rows[3]), (Strings{"王五", "y"}));
  EXPECT_FALSE(result.rows[4].problem.empty());
  EXPECT_TRUE(result.rows[5].problem.empty());
  EXPECT_FALSE(result.rows[6].problem.empty());
}

TEST(CsvReader, RefusesEmptyUtf16AndOldExcelFiles) {
  for (const std::string& bytes : {std::string(), std::string("\xEF\xBB\xBF"),
                                   std::string("\xFF\xFE"
                                               "a\0,\0",
                                               6),
                                   std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest", 13)}) {
    const auto result = read_bytes(bytes);
    ASSERT_TRUE(result.error) << bytes.size();
    EXPECT_EQ(result.error->code, ErrorCode::kInvalidArgument);
    EXPECT_FALSE(result.error->message.empty());
  }
  const auto missing = read_path("/nonexistent/faxian/file.csv");
  ASSERT_TRUE(missing.error);
  EXPECT_EQ(missing.error->code, ErrorCode::kNotFound);
}

// A writer independent of the reader: quotes every field that needs it.
std::string write_csv(const std::vector<Strings>& rows, const std::string& eol) {
  std::string out;
  for (const Strings& row : rows) {
    for (size_t column = 0; column < row.size(); ++column) {
      const std::string& field = row[column];
      if (column > 0)
        out += ',';
      if (field.find_first_of(",\"\r\n") == std::string::npos && !field.empty()) {
        out += field;
        continue;
      }
      out += '"';
      for (const char c : field)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    out += eol;
  }
  return out;
}

std::vector<Strings> random_rows(uint32_t seed, size_t count) {
  static const Strings kPieces = {"张", "三", "秀山", ",",  "\"", "\n",     "\r\n",
                                  "x",  "12", " ",    "𠀀", "€",  "土家族", "a\"b"};
  std::mt19937 rng(seed);
  std::vector<Strings> rows;
  for (size_t index = 0; index < count; ++index) {
    Strings row;
    for (int column = 0; column < 6; ++column) {
      std::string field = "v";  // never empty, so no row is blank
      const int pieces = static_cast<int>(rng() % 40);
      for (int piece = 0; piece < pieces; ++piece)
        field += kPieces[rng() % kPieces.size()];
      row.push_back(field);
    }
    rows.push_back(row);
  }
  return rows;
}

// Files of several MiB so that records, quotes, CR LF pairs and multi-byte characters fall
// across the reader's 1 MiB buffer boundaries at many different places.
TEST(CsvReader, RoundTripsRandomFieldsAcrossBufferBoundaries) {
  const std::vector<Strings> rows = random_rows(7, 40000);
  for (const bool gb18030 : {false, true}) {
    std::string bytes = write_csv(rows, "\r\n");
    if (gb18030)
      bytes = to_gb18030(bytes);
    const std::string dir = testing::temp_dir("roundtrip");
    const auto result = read_path(testing::write_file(dir + "/f.csv", bytes));
    ASSERT_FALSE(result.error);
    EXPECT_EQ(result.format, gb18030 ? TableFormat::kCsvGb18030 : TableFormat::kCsvUtf8);
    ASSERT_EQ(result.rows.size(), rows.size());
    for (size_t index = 0; index < rows.size(); ++index) {
      ASSERT_EQ(texts(result.rows[index]), rows[index]) << "row " << index;
      ASSERT_TRUE(result.rows[index].problem.empty());
    }
  }
}

TEST(CsvReader, ReadingAFileMatchesReadingItsBytes) {
  const std::string bytes = write_csv(random_rows(11, 2000), "\n");
  const std::string dir = testing::temp_dir("file-vs-bytes");
  const auto from_file = read_path(testing::write_file(dir + "/f.csv", bytes));
  const auto from_bytes = read_bytes(bytes);
  ASSERT_EQ(from_file.rows.size(), from_bytes.rows.size());
  for (size_t index = 0; index < from_file.rows.size(); ++index)
    EXPECT_EQ(texts(from_file.rows[index]), texts(from_bytes.rows[index]));
}

}  // namespace
}  // namespace faxian::ingest
