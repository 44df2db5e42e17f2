#include "ingest/header_match.hpp"

#include <gtest/gtest.h>

#include "ingest/field_test_cells.hpp"

namespace faxian::ingest {
namespace {

using testing::text_row;

const ColumnName kColumns[] = {
    {"身份证号", "id_number", true},
    {"姓名", "name", true},
    {"死亡日期", "death_date", true},
    {"备注", "remark", false},
};

TEST(HeaderMatchTest, ChineseNamesInOrder) {
  const HeaderMatch match = match_header(kColumns, text_row(1, {"身份证号", "姓名", "死亡日期"}));
  EXPECT_EQ(match.file_index, (std::vector<int>{0, 1, 2, -1}));
  EXPECT_TRUE(match.missing.empty());
  EXPECT_TRUE(match.unknown.empty());
  EXPECT_TRUE(header_error(kColumns, match, text_row(1, {}), MessageLanguage::kChinese));
}

TEST(HeaderMatchTest, AliasesAnyCaseAnyOrderWithSpacesAndBom) {
  const TableRow header = text_row(1, {"\xEF\xBB\xBF"
                                       " DEATH_DATE",
                                       "\xE3\x80\x80"
                                       "Name ",
                                       "\xC2\xA0"
                                       "id_number\t",
                                       "Remark"});
  const HeaderMatch match = match_header(kColumns, header);
  EXPECT_EQ(match.file_index, (std::vector<int>{2, 1, 0, 3}));
  EXPECT_EQ(match.written[0], "id_number");
  EXPECT_EQ(match.written[2], "DEATH_DATE");
  EXPECT_TRUE(header_error(kColumns, match, header, MessageLanguage::kChinese));
}

TEST(HeaderMatchTest, MixedNamesAndAliases) {
  const HeaderMatch match = match_header(kColumns, text_row(1, {"姓名", "id_number", "死亡日期"}));
  EXPECT_EQ(match.file_index, (std::vector<int>{1, 0, 2, -1}));
}

TEST(HeaderMatchTest, UnknownColumnsAreWarnings) {
  const TableRow header =
      text_row(1, {"身份证号", "姓名", "死亡日期", "备注2", "source_batch", ""});
  const HeaderMatch match = match_header(kColumns, header);
  ASSERT_EQ(match.unknown.size(), 2u);
  EXPECT_TRUE(header_error(kColumns, match, header, MessageLanguage::kChinese));
  const auto warnings = header_warnings(match, header, MessageLanguage::kChinese);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].row, 1);
  EXPECT_EQ(warnings[0].column, "备注2");
  EXPECT_EQ(warnings[0].code, "unknown_column");
  EXPECT_EQ(warnings[0].message, "第 4 列「备注2」不是该数据类型的列，已忽略");
  EXPECT_EQ(warnings[1].column, "source_batch");
  const auto english = header_warnings(match, header, MessageLanguage::kEnglish);
  EXPECT_EQ(english[1].message,
            "column 5 “source_batch” is not a column of this feed and was ignored");
}

TEST(HeaderMatchTest, EveryMissingColumnIsListed) {
  const TableRow header = text_row(1, {"姓名", "其他"});
  const HeaderMatch match = match_header(kColumns, header);
  EXPECT_EQ(match.missing, (std::vector<std::size_t>{0, 2}));
  auto error = header_error(kColumns, match, header, MessageLanguage::kChinese);
  ASSERT_FALSE(error);
  EXPECT_NE(error.error().message.find("缺少必填列：身份证号（id_number）、死亡日期（death_date）"),
            std::string::npos)
      << error.error().message;
  EXPECT_EQ(error.error().detail.rfind("missing_column: ", 0), 0u) << error.error().detail;
  auto english = header_error(kColumns, match, header, MessageLanguage::kEnglish);
  EXPECT_EQ(english.error().message,
            "missing required columns: id_number (身份证号), death_date (死亡日期)");
}

TEST(HeaderMatchTest, DuplicatedColumnIsAnError) {
  const TableRow header = text_row(1, {"身份证号", "姓名", "死亡日期", "ID_NUMBER", "身份证号"});
  const HeaderMatch match = match_header(kColumns, header);
  EXPECT_EQ(match.duplicated, (std::vector<std::size_t>{0}));
  auto error = header_error(kColumns, match, header, MessageLanguage::kChinese);
  ASSERT_FALSE(error);
  EXPECT_NE(error.error().message.find("列重复出现：身份证号（id_number）"), std::string::npos);
  EXPECT_EQ(error.error().detail.rfind("duplicate_column: ", 0), 0u);
}

TEST(HeaderMatchTest, EmptyOrUnreadableHeader) {
  const TableRow empty = text_row(1, {});
  EXPECT_EQ(match_header(kColumns, empty).missing.size(), 3u);
  TableRow broken = text_row(1, {"身份证号"});
  broken.problem = "第 1 列含有 GB18030 编码中无效的字节序列";
  const HeaderMatch match = match_header(kColumns, broken);
  auto error = header_error(kColumns, match, broken, MessageLanguage::kChinese);
  ASSERT_FALSE(error);
  EXPECT_NE(error.error().message.find("表头"), std::string::npos);
}

TEST(HeaderMatchTest, NormalisesHeaderText) {
  EXPECT_EQ(normalise_header_text("\xEF\xBB\xBF\xEF\xBB\xBF 姓名 \xE3\x80\x80"), "姓名");
  EXPECT_EQ(normalise_header_text(" \xC2\xA0 "), "");
}

}  // namespace
}  // namespace faxian::ingest
