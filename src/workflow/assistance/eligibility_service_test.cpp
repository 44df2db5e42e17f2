// The eligibility check from the store: the records behind every figure (feed, record id,
// date, amount; they add up to the figures), windows, excluded income types, the stored JSON,
// and errors for unknown households or dates without members.

#include "workflow/assistance/eligibility_service.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "workflow/assistance/assistance_test_support.hpp"
#include "workflow/assistance/eligibility_json.hpp"

namespace faxian::workflow {
namespace {

using testing_support::AssistanceTest;

class EligibilityServiceTest : public AssistanceTest {
 protected:
  void SetUp() override {
    AssistanceTest::SetUp();
    household_ = seed_poor_household();  // wages 12,000 in 2026-03
    import_csv(FeedKind::kIncome,
               "身份证号,姓名,所属期,收入类型,金额\n"
               "500241197202020041,彭秀兰,2025-07,养老金,600.00\n"
               "500241197202020041,彭秀兰,2025-06,养老金,600.00\n");
    import_csv(FeedKind::kMedical,
               "结算单号,身份证号,姓名,结算日期,结算类型,医疗总费用,个人自付\n"
               "YB1,500241197001010031,向德明,2026-01-10,正常,9000.00,7000.00\n"
               "YB1,500241197001010031,向德明,2026-02-01,冲销,500.00,500.00\n"
               "YB2,500241197001010031,向德明,2025-06-15,正常,3000.00,3000.00\n");
    import_csv(FeedKind::kAssets,
               "身份证号,姓名,财产类型,登记日期,估值,状态\n"
               "500241197202020041,彭秀兰,存款,2024-01-01,20000.00,有效\n"
               "500241197202020041,彭秀兰,不动产,2010-01-01,,有效\n");
  }
  EligibilityCheck compute(std::string_view as_of = "2026-06-15") {
    auto check = EligibilityService(db(), clock_).compute(household_, day(as_of));
    EXPECT_TRUE(check.has_value()) << check.error().to_string();
    return check.value_or(EligibilityCheck{});
  }
  int64_t household_ = 0;
};

int64_t sum(const std::vector<SourceRecord>& records) {
  int64_t total = 0;
  for (const SourceRecord& r : records)
    total += r.amount.fen();
  return total;
}

TEST_F(EligibilityServiceTest, IncomeRecordsAreTheTwelveMonthsEndingWithTheCheckMonth) {
  EligibilityCheck check = compute();
  EXPECT_EQ(check.income_from, Month::from_ym(2025, 7).value());
  EXPECT_EQ(check.income_to, Month::from_ym(2026, 6).value());
  ASSERT_EQ(check.income_records.size(), 2u);  // 2025-06 is outside
  EXPECT_EQ(check.income_records[0].feed, FeedKind::kIncome);
  EXPECT_EQ(check.income_records[0].date, day("2025-07-01"));
  EXPECT_EQ(check.income_records[0].amount, Money::from_yuan(600));
  EXPECT_EQ(check.income_records[1].date, day("2026-03-01"));
  EXPECT_NE(check.income_records[0].record_id, check.income_records[1].record_id);
  EXPECT_NE(check.income_records[0].person_id, check.income_records[1].person_id);
  EXPECT_EQ(check.income_12m, Money::from_yuan(12600));
  EXPECT_EQ(sum(check.income_records), check.income_12m.fen());
  EXPECT_EQ(check.per_capita_income, Money::from_yuan(525));  // 12,600 / 12 / 2
}

TEST_F(EligibilityServiceTest, MedicalRecordsIncludeReversalsAndStopAt365Days) {
  EligibilityCheck check = compute();
  ASSERT_EQ(check.medical_records.size(), 2u);  // 2025-06-15 is 365 days before: outside
  EXPECT_EQ(check.medical_records[0].amount, Money::from_yuan(7000));
  EXPECT_EQ(check.medical_records[1].amount, Money::from_yuan(-500));
  EXPECT_EQ(check.medical_records[1].date, day("2026-02-01"));
  EXPECT_EQ(check.medical_selfpay_12m, Money::from_yuan(6500));
  EXPECT_EQ(check.rigid_12m, Money::from_yuan(6500));
  // On 2026-06-14 the 2025-06-15 bill is 364 days old and counts.
  EligibilityCheck earlier = compute("2026-06-14");
  EXPECT_EQ(earlier.medical_records.size(), 3u);
  EXPECT_EQ(earlier.medical_selfpay_12m, Money::from_yuan(9500));
}

TEST_F(EligibilityServiceTest, AssetRecordsAreListedWithTheTest) {
  EligibilityCheck check = compute();
  ASSERT_EQ(check.assets.size(), 2u);
  EXPECT_EQ(check.dwellings, 1);
  EXPECT_EQ(check.deposits_total, Money::from_yuan(20000));
  EXPECT_EQ(check.deposit_limit, Money::from_yuan(30240));
  EXPECT_FALSE(check.excluded_by_assets);
  EXPECT_EQ(check.finding(Programme::kDibao).recommendation, Recommendation::kEligible);
}

TEST_F(EligibilityServiceTest, SecondDwellingExcludesAndTheReasonSaysSo) {
  import_csv(FeedKind::kAssets,
             "身份证号,姓名,财产类型,登记日期,估值,状态\n"
             "500241197001010031,向德明,不动产,2020-01-01,,有效\n");
  EligibilityCheck check = compute();
  EXPECT_TRUE(check.excluded_by_assets);
  EXPECT_EQ(check.dwellings, 2);
  const ProgrammeFinding& dibao = check.finding(Programme::kDibao);
  EXPECT_EQ(dibao.recommendation, Recommendation::kNotEligible);
  bool named = false;
  for (const std::string& reason : dibao.reasons)
    named = named || reason.find("2 处有效不动产") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST_F(EligibilityServiceTest, IllnessExemptionStopsAt50000PerPerson) {
  import_csv(FeedKind::kMedical,
             "结算单号,身份证号,姓名,结算日期,医疗总费用,个人自付,诊断编码\n"
             "YB9,500241197202020041,彭秀兰,2026-04-01,20000.00,5000.00,C50.9\n");
  import_csv(FeedKind::kAssets,
             "身份证号,姓名,财产类型,登记日期,估值\n"
             "500241197001010031,向德明,存款,2025-01-01,80000.00\n");
  EligibilityCheck within = compute();  // 20,000 + 80,000 = 100,000 = 50,000 × 2
  EXPECT_TRUE(within.excluded_by_assets);
  EXPECT_TRUE(within.serious_illness);
  ASSERT_EQ(within.illness_records.size(), 1u);
  EXPECT_TRUE(within.illness_exemption_possible);
  EXPECT_EQ(within.finding(Programme::kDibao).recommendation, Recommendation::kManualReview);
  import_csv(FeedKind::kAssets,
             "身份证号,姓名,财产类型,登记日期,估值\n"
             "500241197001010031,向德明,存款,2025-02-01,0.01\n");
  EligibilityCheck over = compute();
  EXPECT_EQ(over.deposits_total, Money::from_fen(10000001));
  EXPECT_FALSE(over.illness_exemption_possible);
  EXPECT_EQ(over.finding(Programme::kDibao).recommendation, Recommendation::kNotEligible);
}

TEST_F(EligibilityServiceTest, IncomeTypesExcludedByTheStandardsFileDoNotCount) {
  auto text = read_file(testing_support::kSourceDir + "/data/standards/chongqing.toml").value();
  const std::string from = "excluded_types = []";
  text.replace(text.find(from), from.size(), "excluded_types = [\"养老金\"]");
  ASSERT_TRUE(StandardsRepository(db(), clock_).add(text, "test", "exclude pensions").has_value());
  EligibilityCheck check = compute();
  EXPECT_EQ(check.income_12m, Money::from_yuan(12000));
  EXPECT_EQ(check.income_records.size(), 1u);
  ASSERT_EQ(check.excluded_income_types.size(), 1u);
  EXPECT_EQ(check.excluded_income_types[0], "pension");
  EXPECT_EQ(check.standards_version, 2);
}

TEST_F(EligibilityServiceTest, StoredJsonCarriesFiguresRecordsAndReasons) {
  EligibilityCheck check = compute();
  auto id = EligibilityService(db(), clock_).store(check, std::nullopt, Programme::kDibao, "test");
  ASSERT_TRUE(id.has_value()) << id.error().to_string();
  auto stored = EligibilityService(db(), clock_).find(*id)->value();
  EXPECT_EQ(stored.recommendation, Recommendation::kEligible);
  EXPECT_FALSE(stored.application_id.has_value());
  const auto json = nlohmann::json::parse(stored.figures);
  EXPECT_EQ(json["household_size"], 2);
  EXPECT_EQ(json["income"]["total"]["fen"], 1260000);
  EXPECT_EQ(json["income"]["records"].size(), 2u);
  EXPECT_EQ(json["income"]["records"][0]["feed"], "income");
  EXPECT_EQ(json["rigid"]["medical_records"][1]["amount_fen"], -50000);
  EXPECT_EQ(json["standard"]["dibao"]["yuan"], "630.00");
  EXPECT_EQ(json["programmes"][0]["programme"], "dibao");
  EXPECT_EQ(json["programmes"][0]["recommendation"], "eligible");
  const std::string reason = json["programmes"][0]["reasons"][0];
  EXPECT_NE(reason.find("人均月收入 525"), std::string::npos) << reason;
  EXPECT_NE(reason.find("低于农村低保标准 630"), std::string::npos) << reason;
}

TEST_F(EligibilityServiceTest, UnknownHouseholdAndDateWithoutMembersAreErrors) {
  EXPECT_EQ(EligibilityService(db(), clock_).compute(999999, day("2026-06-15")).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(EligibilityService(db(), clock_).compute(household_, day("1999-06-15")).error().code,
            ErrorCode::kUnavailable);
}

TEST_F(EligibilityServiceTest, MembersCarryAgeAndCapacity) {
  EligibilityCheck check = compute();
  ASSERT_EQ(check.members.size(), 2u);
  EXPECT_EQ(check.members[0].age, 56);
  EXPECT_TRUE(check.members[0].working_age);
  EXPECT_EQ(check.members[1].age, 54);
  EXPECT_EQ(check.working_age_count, 2);
  EXPECT_TRUE(check.supporters.empty());
}

}  // namespace
}  // namespace faxian::workflow
