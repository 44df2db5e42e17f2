// The FeedParser contract over every feed: headers by name or alias, missing and unknown
// columns, unreadable rows, short and long rows.
#include "ingest/feed_parser.hpp"

#include <gtest/gtest.h>

#include "ingest/schema_test_util.hpp"
#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

using namespace testing;

std::vector<std::string> headers(FeedKind feed, bool aliases) {
  std::vector<std::string> out;
  for (const ColumnName& column : feed_columns(feed))
    out.emplace_back(aliases ? column.alias : column.zh);
  return out;
}

TEST(FeedParserTest, EveryFeedAcceptsChineseNamesAndAliases) {
  for (FeedKind feed : kAllFeeds) {
    for (bool aliases : {false, true}) {
      auto parser = make_feed_parser(feed, test_context());
      ASSERT_NE(parser, nullptr);
      auto accepted_header = parser->read_header(text_row(1, headers(feed, aliases)));
      EXPECT_TRUE(accepted_header) << feed_name(feed);
      EXPECT_TRUE(parser->warnings().empty());
    }
  }
}

TEST(FeedParserTest, ColumnCountsFollowTheSpec) {
  // 20-feeds.md: columns (required) per feed.
  const std::pair<FeedKind, std::pair<int, int>> expected[] = {
      {FeedKind::kPopulation, {11, 5}}, {FeedKind::kMedical, {14, 5}},
      {FeedKind::kEmployment, {6, 4}},  {FeedKind::kIncome, {6, 5}},
      {FeedKind::kDisability, {6, 5}},  {FeedKind::kDeath, {3, 3}},
      {FeedKind::kDisaster, {7, 5}},    {FeedKind::kPovertyMonitoring, {7, 4}},
      {FeedKind::kEducation, {6, 5}},   {FeedKind::kAssets, {7, 4}},
      {FeedKind::kHotline, {10, 3}},    {FeedKind::kApplications, {8, 6}},
      {FeedKind::kRegistry, {7, 4}},
  };
  for (const auto& [feed, counts] : expected) {
    const auto columns = feed_columns(feed);
    int required = 0;
    for (const ColumnName& column : columns)
      required += column.required ? 1 : 0;
    EXPECT_EQ(static_cast<int>(columns.size()), counts.first) << feed_name(feed);
    EXPECT_EQ(required, counts.second) << feed_name(feed);
  }
}

TEST(FeedParserTest, MissingRequiredColumnsAreListedTogether) {
  for (FeedKind feed : kAllFeeds) {
    std::vector<std::string> optional_only;
    int missing = 0;
    for (const ColumnName& column : feed_columns(feed)) {
      if (column.required)
        ++missing;
      else
        optional_only.emplace_back(column.zh);
    }
    auto parser = make_feed_parser(feed, test_context());
    auto result = parser->read_header(text_row(1, optional_only));
    ASSERT_FALSE(result) << feed_name(feed);
    EXPECT_EQ(result.error().detail.rfind("missing_column", 0), 0u);
    std::size_t listed = 0;
    for (const ColumnName& column : feed_columns(feed)) {
      if (column.required &&
          result.error().message.find(std::string(column.zh) + "（") != std::string::npos)
        ++listed;
    }
    EXPECT_EQ(static_cast<int>(listed), missing) << result.error().message;
  }
}

TEST(FeedParserTest, ShortAndLongRows) {
  auto parser = make_feed_parser(FeedKind::kDeath, test_context());
  ASSERT_TRUE(parser->read_header(text_row(1, {"身份证号", "姓名", "死亡日期"})));
  const auto short_row = rejected(parser->parse(text_row(2, {"500241195611209938", "王五"})));
  EXPECT_EQ(codes(short_row), (std::vector<std::string>{"missing_value"}));
  EXPECT_EQ(short_row[0].column, "死亡日期");
  const ParsedRow long_row = accepted(
      parser->parse(text_row(3, {"500241195611209938", "王五", "2026-10-01", "多余", "x"})));
  EXPECT_EQ(long_row.line, 3);
}

TEST(FeedParserTest, UnreadableRowsAreOneIssue) {
  auto parser = make_feed_parser(FeedKind::kDeath, test_context(MessageLanguage::kEnglish));
  ASSERT_TRUE(parser->read_header(text_row(1, {"身份证号", "姓名", "死亡日期"})));
  TableRow row = text_row(7, {"500241195611209938", "王五", "2026-10-01"});
  row.problem = "第 2 列过长";
  const auto issues = rejected(parser->parse(row));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, "bad_row");
  EXPECT_EQ(issues[0].row, 7);
  EXPECT_TRUE(issues[0].column.empty());
  EXPECT_EQ(issues[0].message.rfind("row 7: the row could not be read", 0), 0u);
}

TEST(FeedParserTest, InvalidBytesInAnIgnoredColumnStillRejectTheRow) {
  auto parser = make_feed_parser(FeedKind::kDeath, test_context());
  ASSERT_TRUE(parser->read_header(text_row(1, {"身份证号", "备注", "姓名", "死亡日期"})));
  TableRow row = text_row(2, {"500241195611209938", "", "王五", "2026-10-01"});
  row.cells[1] = error_cell("\xB0");
  const auto issues = rejected(parser->parse(row));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, "bad_encoding");
  EXPECT_EQ(issues[0].column, "备注");
  row.cells[1] = error_cell("#N/A");  // an Excel error in an ignored column is ignored
  accepted(parser->parse(row));
}

TEST(FeedParserTest, ExcelErrorValuesInKnownColumns) {
  auto parser = make_feed_parser(FeedKind::kDeath, test_context());
  ASSERT_TRUE(parser->read_header(text_row(1, {"身份证号", "姓名", "死亡日期"})));
  TableRow row = text_row(2, {"500241195611209938", "王五", ""});
  row.cells[2] = error_cell("#VALUE!");
  const auto issues = rejected(parser->parse(row));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, "cell_error");
  EXPECT_NE(issues[0].message.find("#VALUE!"), std::string::npos);
}

TEST(FeedParserTest, BlankRows) {
  EXPECT_TRUE(is_blank_row(text_row(2, {"", " ", "\xE3\x80\x80"})));
  EXPECT_TRUE(is_blank_row(text_row(2, {})));
  EXPECT_FALSE(is_blank_row(text_row(2, {"", "x"})));
  TableRow broken = text_row(2, {""});
  broken.problem = "bad";
  EXPECT_FALSE(is_blank_row(broken));
}

TEST(FeedParserTest, ParserIsReusableAcrossRows) {
  auto parser = make_feed_parser(FeedKind::kDeath, test_context());
  ASSERT_TRUE(parser->read_header(text_row(1, {"身份证号", "姓名", "死亡日期"})));
  rejected(parser->parse(text_row(2, {"bad", "王五", "2026-10-01"})));
  const ParsedRow good =
      accepted(parser->parse(text_row(3, {"500241195611209938", "王五", "2026-10-01"})));
  EXPECT_EQ(good.line, 3);
  EXPECT_EQ(good.natural_key, "500241195611209938");
}

}  // namespace
}  // namespace faxian::ingest
