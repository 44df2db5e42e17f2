// Zip-bomb guards and archive damage: bombs that declare their size are refused before any
// inflating; bombs that lie stop where their declaration ends; the archive total is capped;
// a huge XML token hits the parser's memory cap. Memory is measured in a child process.

#include <gtest/gtest.h>

#include <iostream>

#include "ingest/table_reader_test_util.hpp"
#include "ingest/xlsx_test_book.hpp"
#include "ingest/zip_archive.hpp"

namespace faxian::ingest {
namespace {

using testing::ZipTestEntry;

constexpr std::string_view kSheetStart = "<worksheet><sheetData>";
constexpr std::string_view kRow = "<row><c><v>1</v></c></row>";
constexpr uint64_t kBombBytes = 3'900'000'000;  // what the bomb's sheet inflates to

// A workbook whose sheet is a deflate stream of ~3.9 GB of rows, declaring `declared` bytes.
std::string bomb_workbook(uint64_t declared) {
  ZipTestEntry sheet;
  sheet.name = "xl/worksheets/sheet1.xml";
  sheet.deflated = true;
  sheet.data = testing::deflate_repeated(kSheetStart, kRow, kBombBytes / kRow.size(),
                                         "</sheetData></worksheet>");
  sheet.size = declared;
  sheet.crc = 0;  // never reached: reading stops long before the end
  std::vector<ZipTestEntry> entries = {
      testing::stored_entry("_rels/.rels",
                            "<Relationships><Relationship Id=\"r\" Type=\"x/officeDocument\" "
                            "Target=\"xl/workbook.xml\"/></Relationships>"),
      testing::stored_entry("xl/workbook.xml",
                            "<workbook xmlns:r=\"r\"><sheets><sheet r:id=\"rId1\"/></sheets>"
                            "</workbook>"),
      testing::stored_entry("xl/_rels/workbook.xml.rels",
                            "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
                            "Target=\"worksheets/sheet1.xml\"/></Relationships>"),
      sheet};
  return testing::make_zip(entries);
}

TEST(ZipGuards, ABombDeclaringItsSizeIsRefusedBeforeInflating) {
  const std::string bomb = bomb_workbook(kBombBytes);
  ASSERT_LT(bomb.size(), 40u << 20);
  ReaderLimits small_total;
  small_total.max_uncompressed_bytes = int64_t{1} << 30;
  const auto by_size = testing::read_bytes(bomb, small_total);
  ASSERT_TRUE(by_size.error);
  EXPECT_NE(by_size.error->message.find("压缩炸弹"), std::string::npos);
  EXPECT_NE(by_size.error->detail.find("declared size"), std::string::npos);

  ReaderLimits strict_ratio;
  strict_ratio.max_compression_ratio = 100;  // this stream inflates ~129×
  const auto by_ratio = testing::read_bytes(bomb, strict_ratio);
  ASSERT_TRUE(by_ratio.error);
  EXPECT_NE(by_ratio.error->detail.find("compression ratio"), std::string::npos);
}

TEST(ZipGuards, ABombLyingAboutItsSizeStopsWhereItsDeclarationEndsInBoundedMemory) {
  const std::string dir = testing::temp_dir("lying-bomb");
  const std::string path = testing::write_file(dir + "/bomb.xlsx", bomb_workbook(100'000));
  const auto in_memory = testing::read_bytes(bomb_workbook(100'000));
  ASSERT_TRUE(in_memory.error);
  EXPECT_NE(in_memory.error->detail.find("past its declared size"), std::string::npos);
  const testing::ChildRun run = testing::run_in_child([&path] {
    const auto result = testing::read_path(path);
    if (!result.error || result.error->message.find("压缩炸弹") == std::string::npos)
      return 1;
    return result.rows.size() < 100'000 / kRow.size() ? 0 : 2;
  });
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_LT(run.peak_rss_growth_kb, 32 * 1024);
  std::cout << "peak RSS growth reading the lying bomb: " << run.peak_rss_growth_kb << " KiB\n";
}

TEST(ZipGuards, TheUncompressedTotalOfTheArchiveIsCapped) {
  testing::TestBook book;
  for (int index = 0; index < 2000; ++index)
    book.shared_strings += "<si><t>共享字符串 " + std::to_string(index) + "</t></si>";
  for (int index = 1; index <= 2000; ++index)
    book.rows += "<row r=\"" + std::to_string(index) + "\"><c t=\"s\"><v>1</v></c></row>";
  ReaderLimits limits;
  limits.max_uncompressed_bytes = 80'000;
  const auto result = testing::read_bytes(testing::make_xlsx(book), limits);
  ASSERT_TRUE(result.error);
  // The sheet is refused on its declared size: the shared strings used up most of the total.
  EXPECT_NE(result.error->message.find("压缩炸弹"), std::string::npos);
  EXPECT_NE(result.error->detail.find("exceeds the limit"), std::string::npos);
  EXPECT_FALSE(testing::read_bytes(testing::make_xlsx(book)).error);
}

TEST(ZipGuards, AGiantXmlTokenHitsTheParserMemoryCap) {
  ZipTestEntry sheet;
  sheet.name = "xl/worksheets/sheet1.xml";
  sheet.deflated = true;
  const uint64_t attribute = uint64_t{1} << 30;
  sheet.data = testing::deflate_repeated("<worksheet><sheetData><row r=\"", "1", attribute,
                                         "\"/></sheetData></worksheet>");
  sheet.size = attribute + 64;
  sheet.crc = 0;
  std::vector<ZipTestEntry> entries = {
      testing::stored_entry("xl/workbook.xml",
                            "<workbook><sheets><sheet r:id=\"rId1\"/></sheets></workbook>"),
      testing::stored_entry("xl/_rels/workbook.xml.rels",
                            "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
                            "Target=\"worksheets/sheet1.xml\"/></Relationships>"),
      sheet};
  const std::string bytes = testing::make_zip(entries);
  const testing::ChildRun run = testing::run_in_child([&bytes] {
    const auto result = testing::read_bytes(bytes);
    return result.error && result.error->message.find("超出内存上限") != std::string::npos ? 0 : 1;
  });
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_LT(run.peak_rss_growth_kb, 256 * 1024);  // the token itself is 1 GiB
  std::cout << "peak RSS growth reading a 1 GiB token: " << run.peak_rss_growth_kb << " KiB\n";
}

TEST(ZipGuards, EncryptedAndUnsupportedEntriesAreErrors) {
  testing::TestBook book;
  book.rows = "<row r=\"1\"><c><v>1</v></c></row>";
  std::string bytes = testing::make_xlsx(book);
  // Set the "encrypted" flag bit of every header of the sheet entry.
  const std::string name = "xl/worksheets/sheet1.xml";
  for (size_t at = bytes.find(name); at != std::string::npos; at = bytes.find(name, at + 1)) {
    const size_t local = bytes.rfind("PK\x03\x04", at);
    const size_t central = bytes.rfind("PK\x01\x02", at);
    const bool in_directory =
        central != std::string::npos && (local == std::string::npos || central > local);
    bytes[(in_directory ? central + 8 : local + 6)] |= 1;
  }
  const auto result = testing::read_bytes(bytes);
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->message.find("XLSX"), std::string::npos);
}

TEST(ZipArchiveTest, FindsEntriesCaseInsensitively) {
  const std::string bytes = testing::make_zip({testing::stored_entry("xl/SharedStrings.xml", "x")});
  auto archive = ZipArchive::open_bytes(bytes, {});
  ASSERT_TRUE(archive) << archive.error().to_string();
  EXPECT_TRUE((*archive)->find("xl/sharedStrings.xml"));
  EXPECT_FALSE((*archive)->find("xl/styles.xml"));
  auto content = (*archive)->read_entry(*(*archive)->find("XL/SHAREDSTRINGS.XML"), 10);
  ASSERT_TRUE(content);
  EXPECT_EQ(*content, "x");
  EXPECT_FALSE((*archive)->read_entry(0, 0));  // larger than allowed
}

}  // namespace
}  // namespace faxian::ingest
