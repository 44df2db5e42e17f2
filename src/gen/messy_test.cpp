// --messy writes the same county as the clean run, only differently: same truth, same facts
// after normalisation, and every representation 20-feeds.md lists actually appears.

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "common/money.hpp"
#include "gen/test_files.hpp"
#include "gen/test_normalise.hpp"

namespace faxian::gen {
namespace {

using testing::Table;

const std::vector<std::string> kFeeds = {
    "population", "medical", "employment", "income",
    "disability", "death",   "disaster",   "poverty_monitoring",
    "education",  "assets",  "hotline",    "applications",
    "registry"};

class MessyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    clean_ = new std::string(testing::fresh_dir("messy-clean"));
    messy_ = new std::string(testing::fresh_dir("messy"));
    testing::generate_small(*clean_, 3, false);
    testing::generate_small(*messy_, 3, true);
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*clean_);
    std::filesystem::remove_all(*messy_);
    delete clean_;
    delete messy_;
  }
  static std::string messy_path(const std::string& feed) {
    const std::string xlsx = *messy_ + "/" + feed + ".xlsx";
    return std::filesystem::exists(xlsx) ? xlsx : *messy_ + "/" + feed + ".csv";
  }
  // Values of one column of a messy feed (by Chinese header).
  static std::vector<std::string> messy_column(const std::string& feed, std::string_view column) {
    const Table table = testing::read_table(messy_path(feed));
    std::vector<std::string> values;
    for (size_t c = 0; c < table.header.size(); ++c) {
      if (testing::chinese_header(feed, table.header[c]) != column)
        continue;
      for (const auto& row : table.rows)
        values.push_back(row[c]);
    }
    return values;
  }

  static std::string* clean_;
  static std::string* messy_;
};
std::string* MessyTest::clean_ = nullptr;
std::string* MessyTest::messy_ = nullptr;

// Canonical rows of a table: every known column normalised, in the order of `columns`.
std::vector<std::string> canonical(const std::string& feed, const Table& table,
                                   const std::vector<std::string>& columns) {
  std::map<std::string, size_t> where;
  for (size_t c = 0; c < table.header.size(); ++c) {
    const std::string zh = testing::chinese_header(feed, table.header[c]);
    if (!zh.empty())
      where[zh] = c;
  }
  std::vector<std::string> rows;
  for (const auto& row : table.rows) {
    std::map<std::string, std::string> values;
    for (const auto& [zh, c] : where) {
      auto value = testing::normalise(zh, row[c]);
      EXPECT_TRUE(value.has_value()) << feed << " " << zh << " '" << row[c] << "'";
      values[zh] = value.value_or("?");
    }
    if (feed == "medical" && !where.count("个人自付")) {
      // The column is absent: 个人自付 = total − fund − critical − aid.
      int64_t self_paid = std::stoll(values["医疗总费用"]);
      for (const char* part : {"统筹支付", "大病保险支付", "医疗救助支付"}) {
        if (!values[part].empty())
          self_paid -= std::stoll(values[part]);
      }
      values["个人自付"] = std::to_string(self_paid);
    }
    std::string line;
    for (const auto& column : columns)
      line += values[column] + "\x1f";
    rows.push_back(line);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

TEST_F(MessyTest, TruthIsIdentical) {
  EXPECT_EQ(testing::read_bytes(*messy_ + "/truth.csv"),
            testing::read_bytes(*clean_ + "/truth.csv"));
}

TEST_F(MessyTest, EveryFeedSaysTheSameAsTheCleanFile) {
  for (const std::string& feed : kFeeds) {
    const Table clean = testing::read_table(*clean_ + "/" + feed + ".csv");
    const Table messy = testing::read_table(messy_path(feed));
    ASSERT_EQ(clean.rows.size(), messy.rows.size()) << feed;
    const auto a = canonical(feed, clean, clean.header);
    const auto b = canonical(feed, messy, clean.header);
    EXPECT_TRUE(a == b) << feed << ": messy rows differ from clean rows after normalisation";
  }
}

TEST_F(MessyTest, FilesUseEveryEncodingContainerAndHeaderForm) {
  bool gb18030 = false;
  const std::string population = testing::read_bytes(*messy_ + "/population.csv");
  testing::to_utf8(population, &gb18030);
  EXPECT_TRUE(gb18030);
  EXPECT_NE(population.find("\r\n"), std::string::npos);
  const std::string medical = testing::read_bytes(*messy_ + "/medical.csv");
  EXPECT_TRUE(medical.starts_with("\xEF\xBB\xBF"));
  const Table medical_table = testing::read_table(*messy_ + "/medical.csv");
  EXPECT_NE(std::find(medical_table.header.begin(), medical_table.header.end(), "settlement_no"),
            medical_table.header.end());
  EXPECT_EQ(std::find(medical_table.header.begin(), medical_table.header.end(), "self_paid"),
            medical_table.header.end());
  for (const char* feed : {"disability", "death", "poverty_monitoring", "registry"}) {
    EXPECT_TRUE(std::filesystem::exists(*messy_ + "/" + feed + ".xlsx")) << feed;
    EXPECT_FALSE(std::filesystem::exists(*messy_ + "/" + feed + ".csv")) << feed;
  }
  const Table assets = testing::read_table(*messy_ + "/assets.csv");
  EXPECT_EQ(assets.header.back(), "备注") << "an unknown column importers must ignore";
  EXPECT_NE(assets.header.front(), "身份证号") << "columns in another order";
  EXPECT_TRUE(std::filesystem::exists(*messy_ + "/bad/expected.csv"));
}

TEST_F(MessyTest, EveryDateMoneyAndIdFormAppears) {
  std::set<std::string> date_forms, money_forms, id_forms;
  for (const std::string& feed : kFeeds) {
    const Table table = testing::read_table(messy_path(feed));
    for (size_t c = 0; c < table.header.size(); ++c) {
      const std::string zh = testing::chinese_header(feed, table.header[c]);
      const auto kind = testing::column_kind(zh);
      for (const auto& row : table.rows) {
        const std::string& v = row[c];
        if (v.empty())
          continue;
        if (kind == testing::ColumnKind::kDate) {
          if (v.find("年") != std::string::npos)
            date_forms.insert("chinese");
          else if (v.find('/') != std::string::npos)
            date_forms.insert("slash");
          else if (v.find('.') != std::string::npos)
            date_forms.insert("dot");
          else if (v.find('-') != std::string::npos)
            date_forms.insert("iso");
          else if (v.size() == 8)
            date_forms.insert("compact");
        }
        if (kind == testing::ColumnKind::kMoney) {
          if (v.find("¥") != std::string::npos)
            money_forms.insert("yen");
          if (v.find("￥") != std::string::npos)
            money_forms.insert("fullwidth yen");
          if (v.find("元") != std::string::npos)
            money_forms.insert("yuan");
          if (v.find(',') != std::string::npos)
            money_forms.insert("thousands");
        }
        if (kind == testing::ColumnKind::kId) {
          const std::string normal = testing::normalise(zh, v).value_or("");
          if (v.size() == 15) {
            id_forms.insert("15 digits");
            EXPECT_EQ(normal.substr(6, 2), "19") << "15-digit IDs only for people born in 19xx";
          }
          if (v.find("\xEF\xBC") != std::string::npos)
            id_forms.insert("full-width");
          if (v.find('x') != std::string::npos)
            id_forms.insert("lowercase x");
          if (v.find('-') != std::string::npos)
            id_forms.insert("hyphens");
          if (v.find(' ') != std::string::npos)
            id_forms.insert("spaces");
        }
      }
    }
  }
  EXPECT_EQ(date_forms.size(), 5u);
  EXPECT_EQ(money_forms.size(), 4u);
  EXPECT_EQ(id_forms.size(), 5u);
}

TEST_F(MessyTest, EnumsAppearAsAliasesAndCodesAndXlsxDatesBothWays) {
  const auto visits = messy_column("medical", "就诊类型");
  EXPECT_TRUE(std::any_of(visits.begin(), visits.end(), [](const std::string& v) {
    return v == "outpatient" || v == "OUTPATIENT" || v == "Outpatient";
  }));
  const auto ethnicity = messy_column("population", "民族");
  EXPECT_TRUE(std::find(ethnicity.begin(), ethnicity.end(), "15") != ethnicity.end() ||
              std::find(ethnicity.begin(), ethnicity.end(), "01") != ethnicity.end());
  const auto grades = messy_column("disability", "残疾等级");
  EXPECT_TRUE(std::find(grades.begin(), grades.end(), "4") != grades.end());
  // disability.xlsx: real Excel dates (read back as ISO); registry.xlsx: dates as text.
  for (const auto& value : messy_column("disability", "发证日期"))
    ASSERT_EQ(value.size(), 10u);
  const auto starts = messy_column("registry", "开始日期");
  EXPECT_TRUE(std::any_of(starts.begin(), starts.end(), [](const std::string& v) {
    return v.size() == 8 && v.find_first_not_of("0123456789") == std::string::npos;
  })) << "text dates such as 20260105 stay text in registry.xlsx";
}

}  // namespace
}  // namespace faxian::gen
