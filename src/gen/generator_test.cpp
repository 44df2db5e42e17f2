// End-to-end checks of `faxian generate` at small scale: files and headers of 20-feeds.md,
// determinism, valid and known IDs, no future records, unique natural keys, truth.csv, the
// planted cases and a believable population.

#include "gen/generator.hpp"

#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "common/resident_id.hpp"
#include "common/source_dir_for_tests.hpp"
#include "gen/plant_catalog.hpp"
#include "gen/test_files.hpp"
#include "gen/test_normalise.hpp"

namespace faxian::gen {
namespace {

using testing::read_bytes;
using testing::read_table;
using testing::Table;

// The headers of 20-feeds.md, typed from the spec (not from feed_schema.cpp).
const std::map<std::string, std::string>& spec_headers() {
  static const std::map<std::string, std::string> headers = {
      {"population",
       "户号,身份证号,姓名,与户主关系,村社区代码,住址,民族,户口性质,联系电话,变动类型,变动日期"},
      {"medical",
       "结算单号,身份证号,姓名,结算日期,结算类型,就诊类型,医疗总费用,统筹支付,大病保险支付,"
       "医疗救助支付,个人自付,诊断编码,诊断名称,医疗机构"},
      {"employment", "身份证号,姓名,事件类型,事件日期,单位名称,缴费基数"},
      {"income", "身份证号,姓名,所属期,收入类型,金额,来源"},
      {"disability", "身份证号,姓名,残疾类别,残疾等级,发证日期,状态"},
      {"death", "身份证号,姓名,死亡日期"},
      {"disaster", "身份证号,姓名,村社区代码,灾害类型,受灾日期,受灾程度,直接经济损失"},
      {"poverty_monitoring", "身份证号,姓名,监测对象类别,主要风险,识别日期,风险是否消除,消除日期"},
      {"education", "身份证号,姓名,学段,学年,学费住宿费,已获资助"},
      {"assets", "身份证号,姓名,财产类型,登记日期,描述,估值,状态"},
      {"hotline",
       "工单号,来电时间,来电人,联系电话,身份证号,求助人姓名,村社区代码,地址,诉求类型,诉求内容"},
      {"applications", "申请编号,身份证号,姓名,申请类别,申请日期,审批结果,结果日期,原因"},
      {"registry", "身份证号,姓名,户号,类别,开始日期,结束日期,保障金额"},
  };
  return headers;
}

// ";text;" — for whole-item search in a ';'-joined list.
std::string fenced(std::string_view text) {
  std::string out(1, ';');
  out.append(text);
  out.push_back(';');
  return out;
}

std::string join(const std::vector<std::string>& fields) {
  std::string out;
  for (const auto& field : fields) {
    if (!out.empty())
      out.push_back(',');
    out.append(field);
  }
  return out;
}

size_t column(const Table& table, std::string_view name) {
  for (size_t i = 0; i < table.header.size(); ++i) {
    if (table.header[i] == name)
      return i;
  }
  ADD_FAILURE() << "no column " << name;
  return 0;
}

class GeneratorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(testing::fresh_dir("clean"));
    summary_ = new GenerateSummary(testing::generate_small(*dir_, 1, false));
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
    delete summary_;
  }
  static Table feed(const std::string& name) { return read_table(*dir_ + "/" + name + ".csv"); }

  static std::string* dir_;
  static GenerateSummary* summary_;
};
std::string* GeneratorTest::dir_ = nullptr;
GenerateSummary* GeneratorTest::summary_ = nullptr;

TEST_F(GeneratorTest, WritesRegionsTruthAndEveryFeedWithTheSpecHeaders) {
  EXPECT_EQ(read_bytes(*dir_ + "/regions.csv"),
            read_bytes(faxian_source_dir() + "/data/regions/500241.csv"));
  for (const auto& [name, header] : spec_headers()) {
    const std::string bytes = read_bytes(*dir_ + "/" + name + ".csv");
    ASSERT_FALSE(bytes.empty()) << name;
    EXPECT_EQ(bytes.substr(0, bytes.find('\n')), header) << name;
    EXPECT_EQ(bytes.find('\r'), std::string::npos) << name << ": clean files use LF";
    EXPECT_FALSE(bytes.starts_with("\xEF\xBB\xBF")) << name;
    EXPECT_GT(feed(name).rows.size(), 0u) << name;
  }
  EXPECT_EQ(read_bytes(*dir_ + "/truth.csv").substr(0, 29), "household_no,in_need,reasons\n");
  size_t entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(*dir_)) {
    (void)entry;
    ++entries;
  }
  EXPECT_EQ(entries, 15u) << "regions, 13 feeds and truth — nothing else without --messy";
}

TEST_F(GeneratorTest, SameSeedGivesTheSameBytesAnyThreadCount) {
  const std::string again = testing::fresh_dir("again");
  testing::generate_small(again, 1, false, 0);
  for (const auto& [name, header] : spec_headers()) {
    EXPECT_EQ(read_bytes(again + "/" + name + ".csv"), read_bytes(*dir_ + "/" + name + ".csv"))
        << name;
  }
  EXPECT_EQ(read_bytes(again + "/truth.csv"), read_bytes(*dir_ + "/truth.csv"));
  std::filesystem::remove_all(again);
}

TEST_F(GeneratorTest, AnotherSeedGivesAnotherCounty) {
  const std::string other = testing::fresh_dir("seed2");
  testing::generate_small(other, 2, false);
  for (const char* name : {"population", "income", "medical"}) {
    EXPECT_NE(read_bytes(other + "/" + name + ".csv"), read_bytes(*dir_ + "/" + name + ".csv"))
        << name;
  }
  EXPECT_NE(read_bytes(other + "/truth.csv"), read_bytes(*dir_ + "/truth.csv"));
  std::filesystem::remove_all(other);
}

TEST_F(GeneratorTest, EveryIdIsValidNormalAndBelongsToThePopulation) {
  std::set<std::string> population;
  for (const auto& row : feed("population").rows) {
    auto id = ResidentId::parse(row[1]);
    ASSERT_TRUE(id) << row[1];
    EXPECT_EQ(id->str(), row[1]);
    population.insert(row[1]);
  }
  for (const auto& [name, header] : spec_headers()) {
    const Table table = feed(name);
    const size_t id_column = column(table, "身份证号");
    for (const auto& row : table.rows) {
      if (row[id_column].empty()) {
        EXPECT_EQ(name, "hotline") << "only hotline tickets may lack an ID";
        continue;
      }
      ASSERT_TRUE(ResidentId::parse(row[id_column])) << name << " " << row[id_column];
      EXPECT_TRUE(population.count(row[id_column])) << name << " " << row[id_column];
    }
  }
}

TEST_F(GeneratorTest, NothingIsDatedAfterTheAsOfDate) {
  const Date as_of = default_as_of();
  for (const auto& [name, header] : spec_headers()) {
    const Table table = feed(name);
    for (size_t c = 0; c < table.header.size(); ++c) {
      const auto kind = testing::column_kind(table.header[c]);
      if (table.header[c] == "结束日期")
        continue;  // a recognition's planned end may be later
      for (const auto& row : table.rows) {
        if (row[c].empty())
          continue;
        if (kind == testing::ColumnKind::kDate || kind == testing::ColumnKind::kDateTime) {
          EXPECT_LE(row[c].substr(0, 10), as_of.iso()) << name << " " << table.header[c];
        }
        if (kind == testing::ColumnKind::kMonth) {
          EXPECT_LE(row[c], as_of.iso().substr(0, 7));
        }
      }
    }
  }
}

TEST_F(GeneratorTest, NaturalKeysAreUnique) {
  const std::map<std::string, std::vector<std::string>> keys = {
      {"population", {"身份证号", "变动类型", "变动日期"}},
      {"medical", {"结算单号", "结算类型"}},
      {"income", {"身份证号", "所属期", "收入类型", "来源"}},
      {"disability", {"身份证号", "发证日期"}},
      {"death", {"身份证号"}},
      {"poverty_monitoring", {"身份证号", "识别日期"}},
      {"education", {"身份证号", "学年"}},
      {"hotline", {"工单号"}},
      {"applications", {"申请编号"}},
      {"registry", {"身份证号", "类别", "开始日期"}}};
  for (const auto& [name, header] : spec_headers()) {
    const Table table = feed(name);
    std::set<std::string> seen;
    for (const auto& row : table.rows) {
      std::string key;
      if (keys.count(name)) {
        for (const auto& part : keys.at(name))
          key += row[column(table, part)] + "|";
      } else {
        key = join(row);  // "row" keys: the whole normalised row
      }
      EXPECT_TRUE(seen.insert(key).second) << name << " duplicate key " << key;
    }
  }
}

TEST_F(GeneratorTest, TruthHasOneRowPerHouseholdWithSortedReasons) {
  std::set<std::string> households;
  for (const auto& row : feed("population").rows)
    households.insert(row[0]);
  const Table truth = read_table(*dir_ + "/truth.csv");
  ASSERT_EQ(truth.header, (std::vector<std::string>{"household_no", "in_need", "reasons"}));
  std::set<std::string> listed;
  const std::set<std::string> rules = {"R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08",
                                       "R09", "R10", "R11", "R12", "R13", "R14", "R15", "V01"};
  for (const auto& row : truth.rows) {
    ASSERT_EQ(row.size(), 3u);
    EXPECT_TRUE(listed.insert(row[0]).second) << "twice: " << row[0];
    bool need = false;
    std::string previous;
    size_t start = 0;
    while (!row[2].empty() && start <= row[2].size()) {
      const size_t end = std::min(row[2].find(';', start), row[2].size());
      const std::string rule = row[2].substr(start, end - start);
      EXPECT_TRUE(rules.count(rule)) << rule;
      EXPECT_LT(previous, rule) << "reasons ascending";
      need = need || rule[0] == 'R';
      previous = rule;
      start = end + 1;
    }
    EXPECT_EQ(row[1], need ? "1" : "0") << row[0];
  }
  EXPECT_EQ(listed, households);
  EXPECT_EQ(static_cast<int64_t>(truth.rows.size()), summary_->stats.households);
}

TEST_F(GeneratorTest, EveryRuleHasPlantedCasesAndLookAlikesThatBehave) {
  const GenerationStats& stats = summary_->stats;
  EXPECT_EQ(stats.planted_mismatches, 0);
  EXPECT_EQ(stats.replay_mismatches, 0);
  for (int r = 0; r < kRuleCount; ++r) {
    EXPECT_GE(stats.planted_positive[static_cast<size_t>(r)], 3) << rule_name(rule_at(r));
    EXPECT_GE(stats.planted_lookalike[static_cast<size_t>(r)], 3) << rule_name(rule_at(r));
    EXPECT_GE(stats.truth_per_rule[static_cast<size_t>(r)],
              stats.planted_positive[static_cast<size_t>(r)]);
  }
  std::map<std::string, std::string> reasons;
  for (const auto& row : read_table(*dir_ + "/truth.csv").rows)
    reasons[row[0]] = fenced(row[2]);
  ASSERT_FALSE(stats.planted.empty());
  for (const PlantedCase& planted : stats.planted) {
    const PlantVariant& variant = plant_catalogue()[static_cast<size_t>(planted.variant)];
    const bool fires =
        reasons.at(planted.household_no).find(fenced(rule_name(variant.rule))) != std::string::npos;
    EXPECT_EQ(fires, variant.fires) << variant.name << " " << planted.household_no;
  }
}

TEST_F(GeneratorTest, CatalogueCoversEveryRuleBothWays) {
  std::map<int, std::pair<int, int>> counts;
  std::set<std::string_view> names;
  for (const PlantVariant& variant : plant_catalogue()) {
    auto& [positive, lookalike] = counts[static_cast<int>(variant.rule)];
    (variant.fires ? positive : lookalike)++;
    EXPECT_TRUE(names.insert(variant.name).second) << variant.name;
  }
  for (int r = 0; r < kRuleCount; ++r) {
    EXPECT_GE(counts[r].first, 4) << rule_name(rule_at(r));
    EXPECT_GE(counts[r].second, 4) << rule_name(rule_at(r));
  }
}

TEST_F(GeneratorTest, ThePopulationLooksLikeXiushan) {
  const GenerationStats& stats = summary_->stats;
  EXPECT_NEAR(static_cast<double>(stats.households), 1700, 60);
  EXPECT_GT(stats.persons, 4500);
  EXPECT_LT(stats.persons, 5600);
  int64_t department_rows = 0;
  for (size_t f = 1; f < kFeedCount; ++f)
    department_rows += stats.rows[f];
  EXPECT_GT(department_rows, 35000);
  EXPECT_LT(department_rows, 90000);

  std::map<std::string, int> ethnicity, prefixes, surnames;
  std::map<std::string, int> villages;
  int old = 0, children = 0, people = 0;
  const Table population = feed("population");
  for (const auto& row : population.rows) {
    if (row[9] != "新增")
      continue;
    ++people;
    ++ethnicity[row[6]];
    ++prefixes[row[1].substr(0, 6)];
    ++villages[row[4]];
    surnames[row[2].substr(0, 3)]++;
    const int age = default_as_of().years_since(ResidentId::parse(row[1])->birth_date());
    if (age >= 60)
      ++old;
    if (age < 16)
      ++children;
  }
  const auto share = [people](int count) { return static_cast<double>(count) / people; };
  EXPECT_NEAR(share(ethnicity["土家族"]), 0.45, 0.08);
  EXPECT_NEAR(share(ethnicity["汉族"]), 0.47, 0.08);
  EXPECT_NEAR(share(ethnicity["苗族"]), 0.07, 0.04);
  EXPECT_GT(share(prefixes["500241"]), 0.8);
  EXPECT_GT(prefixes.size(), 3u) << "some people were born elsewhere";
  EXPECT_GT(share(old), 0.18);
  EXPECT_LT(share(old), 0.40);
  EXPECT_GT(share(children), 0.08);
  EXPECT_GT(surnames["王"] + surnames["李"] + surnames["张"], surnames["常"] + surnames["向"] + 10);
  EXPECT_GT(villages.size(), 150u) << "households spread over the villages";
}

}  // namespace
}  // namespace faxian::gen
