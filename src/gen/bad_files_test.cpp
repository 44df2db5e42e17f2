// bad/: expected.csv agrees with the files, as judged by an independent classification of
// every row with the rules of 20-feeds.md.

#include <unicode/ucnv.h>

#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "gen/test_files.hpp"
#include "gen/test_normalise.hpp"

namespace faxian::gen {
namespace {

using testing::Table;

const std::map<std::string, std::vector<std::string>>& required() {
  static const std::map<std::string, std::vector<std::string>> columns = {
      {"population", {"户号", "身份证号", "姓名", "与户主关系", "村社区代码"}},
      {"medical", {"结算单号", "身份证号", "姓名", "结算日期", "医疗总费用"}},
      {"employment", {"身份证号", "姓名", "事件类型", "事件日期"}},
      {"income", {"身份证号", "姓名", "所属期", "收入类型", "金额"}},
      {"hotline", {"工单号", "来电时间", "诉求内容"}},
      {"disability", {"身份证号", "姓名", "残疾类别", "残疾等级", "发证日期"}}};
  return columns;
}

const std::map<std::string, std::vector<std::string>>& keys() {
  static const std::map<std::string, std::vector<std::string>> columns = {
      {"population", {"身份证号", "变动类型", "变动日期"}},
      {"medical", {"结算单号", "结算类型"}},
      {"income", {"身份证号", "所属期", "收入类型", "来源"}},
      {"hotline", {"工单号"}},
      {"disability", {"身份证号", "发证日期"}}};  // employment: the whole row
  return columns;
}

// Whether each line of a GB18030 file decodes without an invalid byte sequence.
std::vector<bool> gb18030_lines_valid(const std::string& bytes) {
  std::vector<bool> valid;
  size_t start = 0;
  while (start < bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string::npos)
      end = bytes.size();
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open("gb18030", &status);
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::u16string out(end - start + 4, u'\0');
    ucnv_toUChars(converter, reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()),
                  bytes.data() + start, static_cast<int32_t>(end - start), &status);
    ucnv_close(converter);
    valid.push_back(U_SUCCESS(status));
    start = end + 1;
  }
  return valid;
}

struct Counts {
  int rows = 0, imported = 0, duplicates = 0, rejected = 0;
  bool operator==(const Counts&) const = default;
};

Counts classify(const std::string& feed, const std::string& path,
                std::set<std::string>* good_texts) {
  const Table table = testing::read_table(path);
  std::vector<bool> encoding_ok(table.rows.size() + 1, true);
  bool gb18030 = false;
  const std::string bytes = testing::read_bytes(path);
  if (!path.ends_with(".xlsx")) {
    testing::to_utf8(bytes, &gb18030);
    if (gb18030)
      encoding_ok = gb18030_lines_valid(bytes);
  }
  std::map<std::string, size_t> where;
  for (size_t c = 0; c < table.header.size(); ++c)
    where[testing::chinese_header(feed, table.header[c])] = c;
  Counts counts;
  std::set<std::string> seen;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    ++counts.rows;
    bool ok = encoding_ok[r + 1];
    std::map<std::string, std::string> values;
    for (const auto& [zh, c] : where) {
      auto value = testing::normalise(zh, row[c]);
      if (!value)
        ok = false;
      values[zh] = value.value_or("");
    }
    for (const auto& column : required().at(feed))
      ok = ok && !values[column].empty();
    const bool reversal = values.count("结算类型") && values["结算类型"] == "冲销";
    for (const auto& [zh, value] : values) {
      if (testing::column_kind(zh) == testing::ColumnKind::kMoney && value.starts_with("-") &&
          !reversal) {
        ok = false;
      }
    }
    if (values.count("村社区代码") && !values["村社区代码"].empty() &&
        (values["村社区代码"].size() != 12 ||
         values["村社区代码"].find_first_not_of("0123456789") != std::string::npos)) {
      ok = false;
    }
    if (!ok) {
      ++counts.rejected;
      continue;
    }
    std::string key = feed;
    if (keys().count(feed)) {
      for (const auto& column : keys().at(feed))
        key += "|" + values[column];
    } else {
      for (const auto& [zh, value] : values)
        key += "|" + value;
    }
    if (seen.insert(key).second) {
      ++counts.imported;
      for (const auto& cell : row)
        good_texts->insert(cell);
    } else {
      ++counts.duplicates;
    }
  }
  return counts;
}

class BadFilesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(testing::fresh_dir("bad"));
    testing::generate_small(*dir_, 4, true, 2, 400);
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static std::string* dir_;
};
std::string* BadFilesTest::dir_ = nullptr;

TEST_F(BadFilesTest, ExpectedCountsAgreeWithAnIndependentReadingOfEveryRow) {
  const Table expected = testing::read_table(*dir_ + "/bad/expected.csv");
  ASSERT_EQ(expected.header, (std::vector<std::string>{"file", "feed", "rows", "imported",
                                                       "duplicates", "rejected"}));
  ASSERT_EQ(expected.rows.size(), 6u);
  std::set<std::string> good_texts;
  for (const auto& row : expected.rows) {
    const std::string path = *dir_ + "/bad/" + row[0];
    ASSERT_TRUE(std::filesystem::exists(path)) << row[0];
    const Counts want{std::stoi(row[2]), std::stoi(row[3]), std::stoi(row[4]), std::stoi(row[5])};
    EXPECT_EQ(want.rows, want.imported + want.duplicates + want.rejected) << row[0];
    const Counts got = classify(row[1], path, &good_texts);
    EXPECT_EQ(got.rows, want.rows) << row[0];
    EXPECT_EQ(got.imported, want.imported) << row[0];
    EXPECT_EQ(got.duplicates, want.duplicates) << row[0];
    EXPECT_EQ(got.rejected, want.rejected) << row[0];
    EXPECT_GT(want.rejected, 0) << row[0] << " should hold bad rows";
  }
  // Formula-injection text sits in good rows and must be stored as is.
  EXPECT_TRUE(good_texts.count("=cmd|' /C calc'!A0"));
}

TEST_F(BadFilesTest, BadRowsCoverTheListedMistakes) {
  std::string all;
  for (const char* file :
       {"medical_mixed.csv", "employment_mixed.csv", "income_mixed.csv", "hotline_mixed.csv"}) {
    all += testing::read_bytes(*dir_ + "/bad/" + file);
  }
  for (const char* needle : {"5.00241E+17", "2023-02-30", "12.345", "-100.00", "退费", "奖金",
                             "2023年2月30日", "=cmd|' /C calc'!A0"}) {
    EXPECT_NE(all.find(needle), std::string::npos) << needle;
  }
  const std::string population = testing::read_bytes(*dir_ + "/bad/population_mixed.csv");
  EXPECT_NE(population.find('\xFF'), std::string::npos) << "an invalid GB18030 byte";
}

}  // namespace
}  // namespace faxian::gen
