// Runs every folder of tests/cases/eligibility (see its README.md): imports the feed files
// through the batch importer, computes the eligibility check of the named household as of the
// named date and compares every figure the expected file lists. The expected values were
// computed by hand, from the spec, not from this code.

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "common/source_dir_for_tests.hpp"
#include "screen/screening_service.hpp"
#include "workflow/assistance/assistance_test_support.hpp"
#include "workflow/assistance/eligibility_service.hpp"

namespace faxian::workflow {
namespace {

namespace fs = std::filesystem;
using testing_support::AssistanceTest;

const fs::path kCases = fs::path(faxian_source_dir()) / "tests/cases/eligibility";

constexpr FeedKind kImportOrder[] = {
    FeedKind::kPopulation, FeedKind::kDeath,      FeedKind::kIncome,   FeedKind::kMedical,
    FeedKind::kEmployment, FeedKind::kDisability, FeedKind::kDisaster, FeedKind::kPovertyMonitoring,
    FeedKind::kEducation,  FeedKind::kAssets,     FeedKind::kHotline,  FeedKind::kApplications,
    FeedKind::kRegistry};

std::map<std::string, std::string> read_expected(const fs::path& file) {
  std::map<std::string, std::string> values;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos)
      continue;
    std::string key(trim(std::string_view(line).substr(0, eq)));
    values[key] = std::string(trim(std::string_view(line).substr(eq + 1)));
  }
  return values;
}

std::string yes_no(bool value) {
  return value ? "true" : "false";
}

// Every figure the expected file may name, as text.
std::map<std::string, std::string> actual_figures(const EligibilityCheck& c) {
  int severe = 0, failing = 0;
  for (const MemberFigure& m : c.members)
    severe += m.severe ? 1 : 0;
  for (const AssetFinding& a : c.assets)
    failing += a.fails ? 1 : 0;
  return {
      {"household_size", std::to_string(c.household_size)},
      {"working_age", std::to_string(c.working_age_count)},
      {"severe_members", std::to_string(severe)},
      {"supporters", std::to_string(c.supporters.size())},
      {"income_12m", c.income_12m.yuan_string()},
      {"income_records", std::to_string(c.income_records.size())},
      {"per_capita_income", c.per_capita_income.yuan_string()},
      {"standard", c.standard.yuan_string()},
      {"edge_line", c.edge_line.yuan_string()},
      {"tekun_standard", c.tekun_standard.yuan_string()},
      {"below_standard", yes_no(c.below_standard)},
      {"below_edge", yes_no(c.below_edge)},
      {"medical_selfpay_12m", c.medical_selfpay_12m.yuan_string()},
      {"medical_records", std::to_string(c.medical_records.size())},
      {"education_net_12m", c.education_net_12m.yuan_string()},
      {"education_records", std::to_string(c.education_records.size())},
      {"rigid_12m", c.rigid_12m.yuan_string()},
      {"rigid_over_share", yes_no(c.rigid_over_share)},
      {"disposable_ref", c.disposable_ref.yuan_string()},
      {"below_disposable", yes_no(c.below_disposable)},
      {"excluded_by_assets", yes_no(c.excluded_by_assets)},
      {"deposits_total", c.deposits_total.yuan_string()},
      {"deposit_limit", c.deposit_limit.yuan_string()},
      {"asset_records", std::to_string(c.assets.size())},
      {"failing_assets", std::to_string(failing)},
      {"serious_illness", yes_no(c.serious_illness)},
      {"illness_records", std::to_string(c.illness_records.size())},
      {"illness_exemption_possible", yes_no(c.illness_exemption_possible)},
      {"dibao", std::string(enum_key(c.finding(Programme::kDibao).recommendation))},
      {"dibao_edge", std::string(enum_key(c.finding(Programme::kDibaoEdge).recommendation))},
      {"expenditure_hardship",
       std::string(enum_key(c.finding(Programme::kExpenditureHardship).recommendation))},
      {"tekun", std::string(enum_key(c.finding(Programme::kTekun).recommendation))},
  };
}

bool fired(const screen::ScreeningResult& result, RuleId rule) {
  for (const WarningFinding& finding : result.findings)
    for (const FiredRule& fired_rule : finding.rules)
      if (fired_rule.rule == rule)
        return true;
  return false;
}

// The check and the screening rules read the same figures: R01, R02 and R04 fire exactly when
// the check's own figures say so (the cases hold no category, so none blocks a rule).
void expect_same_as_rules(Database& db, const EligibilityCheck& c) {
  auto inputs = screen::load_screening_inputs(db);
  ASSERT_TRUE(inputs.has_value()) << inputs.error().to_string();
  screen::ScreeningRequest request;
  request.as_of = c.as_of;
  request.households = std::vector<int64_t>{c.household_id};
  auto screening = screen::run_screening(db, *inputs, request);
  ASSERT_TRUE(screening.has_value()) << screening.error().to_string();
  const auto& result = screening->result;
  EXPECT_EQ(fired(result, RuleId::kR01), c.below_standard && !c.excluded_by_assets) << "R01";
  EXPECT_EQ(fired(result, RuleId::kR04), !c.below_standard && c.below_edge && !c.excluded_by_assets)
      << "R04";
  EXPECT_EQ(fired(result, RuleId::kR02),
            !c.excluded_by_assets && c.below_disposable && c.rigid_over_share)
      << "R02";
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCases))
    if (entry.is_directory())
      names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

class EligibilityCaseTest : public AssistanceTest,
                            public ::testing::WithParamInterface<std::string> {};

TEST_P(EligibilityCaseTest, FiguresAndRecommendationsMatchTheHandComputation) {
  const fs::path folder = kCases / GetParam();
  for (FeedKind feed : kImportOrder) {
    const fs::path file = folder / (std::string(feed_name(feed)) + ".csv");
    if (!fs::exists(file))
      continue;
    auto imported = testing_support::import_feed_file(db(), clock_, feed, file.string());
    ASSERT_TRUE(imported.has_value()) << imported.error().to_string();
  }
  auto expected = read_expected(folder / "expected.txt");
  ASSERT_TRUE(expected.count("as_of") && expected.count("household")) << "expected.txt";
  const Date as_of = Date::parse_iso(expected["as_of"]).value();
  const int64_t household = household_id(expected["household"]);
  auto check = EligibilityService(db(), clock_).compute(household, as_of);
  ASSERT_TRUE(check.has_value()) << check.error().to_string();
  const auto actual = actual_figures(*check);
  int compared = 0;
  for (const auto& [key, value] : expected) {
    if (key == "as_of" || key == "household")
      continue;
    auto found = actual.find(key);
    ASSERT_NE(found, actual.end()) << "unknown key in expected.txt: " << key;
    EXPECT_EQ(found->second, value) << GetParam() << ": " << key;
    ++compared;
  }
  EXPECT_GT(compared, 0);
  expect_same_as_rules(db(), *check);
}

INSTANTIATE_TEST_SUITE_P(Cases, EligibilityCaseTest, ::testing::ValuesIn(case_names()),
                         [](const auto& info) { return info.param; });

TEST(EligibilityCaseFolders, AtLeastEightCases) {
  EXPECT_GE(case_names().size(), 8u);
}

}  // namespace
}  // namespace faxian::workflow
