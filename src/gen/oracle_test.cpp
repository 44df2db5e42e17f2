// The truth oracle against hand-written households: each test states a precise reading of
// 30-screening.md with its own figures (not the planting code's).

#include "gen/oracle.hpp"

#include <gtest/gtest.h>

#include "gen/catalogues.hpp"
#include "gen/id_allocator.hpp"

namespace faxian::gen {
namespace {

constexpr std::string_view kStandards = R"(
[[period]]
from = "2024-09-01"
dibao_urban = 750.00
dibao_rural = 610.00
tekun = 975.00
[[period]]
from = "2025-07-01"
dibao_urban = 770.00
dibao_rural = 630.00
tekun = 1001.00
[[disposable_income]]
year = 2024
urban = 50000
rural = 20000
[assets]
vehicle_exempt_value = 30000
deposit_months = 24
[rigid]
share_of_income = 0.60
[edge]
multiple = 1.5
)";

Date day(int y, int m, int d) {
  return *Date::from_ymd(y, m, d);
}
Money yuan(int64_t v) {
  return Money::from_yuan(v);
}
Money fen(int64_t v) {
  return Money::from_fen(v);
}

class OracleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto standards = parse_standards_toml(kStandards);
    ASSERT_TRUE(standards) << standards.error().to_string();
    standards_ = *standards;
    std::vector<Region> regions = {
        {"500241", "秀山县", RegionLevel::kCounty, "", ""},
        {"500241001", "中和街道", RegionLevel::kTownship, "500241", ""},
        {"500241001001", "东风社区", RegionLevel::kVillage, "500241001", "111"},
        {"500241001201", "高桥村", RegionLevel::kVillage, "500241001", "220"}};
    county_.emplace(*CountyMap::from_regions(regions));
    unit_.households.push_back({0, "500241001000001", 1, "高桥村1组1号"});  // rural: 630
    unit_.households.push_back({0, "500241001000002", 1, "高桥村1组2号"});
  }

  // A member of `household` from `joined` (a 新增 row), born `birth`.
  PersonIndex person(Date birth, int8_t household = 0, Date joined = day(2000, 1, 1)) {
    PersonRecord record;
    record.birth = birth;
    record.id = make_id("500241", birth, static_cast<int>(unit_.persons.size()) * 2 + 1);
    record.name = "测试";
    record.household = household;
    record.joined = std::max(joined, birth);
    unit_.persons.push_back(record);
    const auto index = static_cast<PersonIndex>(unit_.persons.size() - 1);
    unit_.population.push_back(
        {index, household, Relation::kHead, ChangeType::kAdd, record.joined});
    return index;
  }
  void income_12m(PersonIndex p, Money total, IncomeType type = IncomeType::kWage) {
    for (int i = 0; i < 12; ++i) {
      const Money amount = i == 0 ? total - fen(total.fen() / 12 * 11) : fen(total.fen() / 12);
      unit_.income.push_back({p, Month::of(d_).add_months(-i), type, amount, IncomeSource::kTax});
    }
  }
  void month_income(PersonIndex p, int months_back, Money amount) {
    unit_.income.push_back(
        {p, Month::of(d_).add_months(-months_back), IncomeType::kWage, amount, IncomeSource::kTax});
  }
  void bill(PersonIndex p, Date date, Money self_paid, SettleKind kind = SettleKind::kNormal,
            uint16_t diagnosis = dx::kGallstones) {
    MedicalRow row;
    row.serial = static_cast<int32_t>(unit_.medical.size() + 1);
    row.person = p;
    row.date = date;
    row.kind = kind;
    row.total = self_paid;
    row.self_paid = self_paid;
    row.diagnosis = diagnosis;
    unit_.medical.push_back(row);
  }
  RuleMask eval(int household = 0, OracleReadings readings = {}) {
    return TruthOracle(standards_, *county_, d_, readings)
        .evaluate(unit_)[static_cast<size_t>(household)];
  }
  Money s() const { return yuan(630); }
  // The smallest amount that is at least 60 % of `income`.
  static Money at_share(Money income) { return fen((income.fen() * 6000 + 9999) / 10000); }

  Standards standards_;
  std::optional<CountyMap> county_;
  Unit unit_;
  Date d_ = day(2026, 11, 20);
};

TEST_F(OracleTest, PerCapitaTestsCrossMultiplyInsteadOfRounding) {
  const auto head = person(day(1976, 5, 1));
  person(day(1978, 5, 1));
  person(day(2010, 5, 1));
  // S × 36 − 1 fen: pc_income rounds to S, yet the household is below the standard.
  income_12m(head, s() * 36 - fen(1));
  EXPECT_TRUE(eval().has(RuleId::kR01));
  unit_.income.clear();
  income_12m(head, s() * 36);
  EXPECT_FALSE(eval().has(RuleId::kR01));
  EXPECT_TRUE(eval().has(RuleId::kR04));
}

TEST_F(OracleTest, MoveOutOnTheAsOfDateEndsMembershipThatDay) {
  const auto head = person(day(1960, 1, 1));
  const auto son = person(day(1995, 1, 1));
  income_12m(head, s() * 12);  // exactly the standard for one person, below it for two
  EXPECT_TRUE(eval().has(RuleId::kR01));
  unit_.population.push_back({son, 0, Relation::kSon, ChangeType::kMoveOut, d_});
  EXPECT_FALSE(eval().has(RuleId::kR01));
}

TEST_F(OracleTest, ChangeRowMovesAPersonAndLeavingComesFirstOnADay) {
  const auto head = person(day(1960, 1, 1));
  const auto son = person(day(1990, 1, 1));
  income_12m(son, yuan(100000));
  const Date moved = day(2026, 3, 1);
  // Same date: a 迁出 and a 新增 into household 1 — the join must survive.
  unit_.population.push_back({son, 1, Relation::kHead, ChangeType::kAdd, moved});
  unit_.population.push_back({son, 0, Relation::kSon, ChangeType::kMoveOut, moved});
  EXPECT_TRUE(eval(0).has(RuleId::kR01));   // head alone, no income
  EXPECT_FALSE(eval(1).has(RuleId::kR01));  // the son's own household
  (void)head;
}

TEST_F(OracleTest, APersonWhoDiedOnTheAsOfDateIsNotAMember) {
  const auto old_man = person(day(1940, 1, 1));
  const auto wife = person(day(1944, 6, 1));
  income_12m(wife, yuan(1000));
  EXPECT_FALSE(eval().has(RuleId::kR08));
  unit_.deaths.push_back({old_man, d_});
  EXPECT_TRUE(eval().has(RuleId::kR08));
}

TEST_F(OracleTest, AHouseholdWithNoMemberIsNotScreened) {
  const auto only = person(day(1950, 1, 1));
  unit_.deaths.push_back({only, day(2026, 1, 1)});
  EXPECT_TRUE(eval().empty());
}

TEST_F(OracleTest, ReversalsSubtractTheirAbsoluteValueInTheirOwnWindow) {
  const auto head = person(day(1960, 1, 1));
  bill(head, day(2026, 6, 1), yuan(12000));
  bill(head, day(2026, 7, 1), yuan(2000), SettleKind::kReversal);  // written positive
  EXPECT_TRUE(eval().has(RuleId::kR03));                           // 10,000 exactly
  unit_.medical.back().self_paid = fen(-200001);                   // written negative
  EXPECT_FALSE(eval().has(RuleId::kR03));
}

TEST_F(OracleTest, WindowsIncludeTheAsOfDateAndExcludeTheStart) {
  const auto head = person(day(1960, 1, 1));
  bill(head, d_.add_days(-365), yuan(20000));
  EXPECT_FALSE(eval().has(RuleId::kR03));
  unit_.medical.back().date = d_.add_days(-364);
  EXPECT_TRUE(eval().has(RuleId::kR03));
}

TEST_F(OracleTest, ExcludedIncomeTypesDoNotCount) {
  const auto head = person(day(1960, 1, 1));
  income_12m(head, s() * 24, IncomeType::kOther);
  EXPECT_FALSE(eval().has(RuleId::kR01));
  standards_.excluded_income_types = {"其他"};
  EXPECT_TRUE(eval().has(RuleId::kR01));
}

TEST_F(OracleTest, RigidShareAndDisposableReferenceFromTheLatestEarlierYear) {
  const auto head = person(day(1970, 1, 1));
  person(day(1972, 1, 1));
  // D is 2026: the 2025 figure is missing, so 2024's 20,000 a person applies.
  income_12m(head, yuan(40000) - fen(1));
  bill(head, d_.add_days(-10), at_share(yuan(40000) - fen(1)));
  EXPECT_TRUE(eval().has(RuleId::kR02));
  unit_.medical.back().self_paid = at_share(yuan(40000) - fen(1)) - fen(1);
  EXPECT_FALSE(eval().has(RuleId::kR02));
  unit_.income.clear();
  income_12m(head, yuan(40000));
  unit_.medical.back().self_paid = yuan(40000);
  EXPECT_FALSE(eval().has(RuleId::kR02));
}

TEST_F(OracleTest, JobLossIsCancelledOnlyByAStrictlyLaterEmployment) {
  const auto head = person(day(1980, 1, 1));
  unit_.employment.push_back({head, EmploymentEvent::kUnemployed, d_.add_days(-30), -1, Money()});
  unit_.employment.push_back({head, EmploymentEvent::kEmployed, d_.add_days(-30), -1, Money()});
  EXPECT_TRUE(eval().has(RuleId::kR05));
  unit_.employment.back().date = d_.add_days(-29);
  EXPECT_FALSE(eval().has(RuleId::kR05));
  unit_.employment.back().event = EmploymentEvent::kFlexible;
  EXPECT_TRUE(eval().has(RuleId::kR05));
}

TEST_F(OracleTest, BreadwinnerDeathLeavingOnlyDependentsFiresWithoutIncome) {
  person(day(1950, 1, 1));  // 76: a dependent
  const auto mother = person(day(1990, 1, 1));
  person(day(2020, 1, 1));  // a child
  unit_.deaths.push_back({mother, d_.add_days(-100)});
  EXPECT_TRUE(eval().has(RuleId::kR06));
  unit_.deaths.back().date = d_.add_days(-180);
  EXPECT_FALSE(eval().has(RuleId::kR06));
}

TEST_F(OracleTest, RejectionIsEndedByALaterApprovalAndWithdrawalsNeverCount) {
  const auto head = person(day(1970, 1, 1));
  income_12m(head, s() * 12 * 3);
  unit_.applications.push_back({1, head, ApplicationType::kDibao, d_.add_days(-320),
                                ApplicationResult::kRejected, d_.add_days(-300), 0});
  bill(head, d_.add_days(-100), yuan(5000));
  EXPECT_TRUE(eval().has(RuleId::kR11));
  unit_.applications.push_back({2, head, ApplicationType::kTemporary, d_.add_days(-250),
                                ApplicationResult::kApproved, std::nullopt, 0});
  EXPECT_FALSE(eval().has(RuleId::kR11));  // approved (apply date stands for the result)
  unit_.applications.pop_back();
  unit_.applications.front().result = ApplicationResult::kWithdrawn;
  EXPECT_FALSE(eval().has(RuleId::kR11));
}

TEST_F(OracleTest, R11ReadingsDifferOnlyForOldJobLosses) {
  const auto head = person(day(1970, 1, 1));
  income_12m(head, s() * 12 * 3);
  unit_.applications.push_back({1, head, ApplicationType::kDibao, d_.add_days(-420),
                                ApplicationResult::kRejected, d_.add_days(-400), 0});
  unit_.employment.push_back({head, EmploymentEvent::kUnemployed, d_.add_days(-200), -1, Money()});
  OracleReadings strict;
  strict.r11_job_loss_within_180_days = true;
  EXPECT_TRUE(eval(0).has(RuleId::kR11));
  EXPECT_FALSE(eval(0, strict).has(RuleId::kR11));
}

TEST_F(OracleTest, MonitoringClearedWithABlankDateIsClearedFromIdentification) {
  const auto head = person(day(1970, 1, 1));
  income_12m(head, s() * 12 * 3);
  unit_.monitoring.push_back(
      {head, MonitorType::kEdge, Risk::kIllness, d_.add_days(-300), true, std::nullopt});
  bill(head, d_.add_days(-10), yuan(6000));
  EXPECT_FALSE(eval().has(RuleId::kR12));
  unit_.monitoring.back().cleared = false;
  EXPECT_TRUE(eval().has(RuleId::kR12));
}

TEST_F(OracleTest, SchoolYearCountsWhenItsFirstSeptemberIsInTheWindow) {
  const auto head = person(day(1975, 1, 1));
  const auto son = person(day(2007, 1, 1));
  income_12m(head, s() * 24);
  unit_.education.push_back({son, SchoolStage::kUndergraduate, 2025, yuan(9000), std::nullopt});
  EXPECT_FALSE(eval().has(RuleId::kR13));  // 2025-09-01 is more than 365 days before D
  unit_.education.back().first_year = 2026;
  EXPECT_TRUE(eval().has(RuleId::kR13));
  unit_.education.back().aid = fen(100001);
  EXPECT_FALSE(eval().has(RuleId::kR13));
}

TEST_F(OracleTest, HotlineTicketsWithoutIdDoNotCountAndNumbersCountOnce) {
  const auto head = person(day(1950, 1, 1));
  HotlineRow ticket;
  ticket.serial = 1;
  ticket.date = d_.add_days(-5);
  ticket.person = head;
  unit_.hotline.push_back(ticket);
  unit_.hotline.push_back(ticket);  // the same 工单号 twice
  EXPECT_FALSE(eval().has(RuleId::kR14));
  ticket.serial = 2;
  ticket.person.reset();
  unit_.hotline.push_back(ticket);
  EXPECT_FALSE(eval().has(RuleId::kR14));
  unit_.hotline.back().person = head;
  EXPECT_TRUE(eval().has(RuleId::kR14));
}

TEST_F(OracleTest, NewSevereDisabilityNeedsNoEarlierSevereCertificateOfAnyStatus) {
  const auto head = person(day(1965, 1, 1));
  unit_.disability.push_back({head, DisabilityCategory::kPhysical, 2, d_.add_days(-40), false});
  EXPECT_TRUE(eval().has(RuleId::kR15));
  unit_.disability.push_back({head, DisabilityCategory::kPhysical, 1, d_.add_days(-1000), true});
  EXPECT_FALSE(eval().has(RuleId::kR15));
}

TEST_F(OracleTest, ReviewNeedsEveryOneOfTheLastSixMonths) {
  const auto head = person(day(1970, 1, 1));
  person(day(1972, 1, 1));
  unit_.registry.push_back(
      {head, 0, RegistryCategory::kDibao, day(2024, 1, 1), std::nullopt, yuan(200), false});
  for (int back = 0; back < 6; ++back)
    month_income(head, back, s() * 3);  // 1.5 × S × 2
  EXPECT_TRUE(eval().has(RuleId::kV01));
  unit_.income[2].amount = s() * 3 - fen(1);
  EXPECT_FALSE(eval().has(RuleId::kV01));
}

TEST_F(OracleTest, AssetTestUsesTheSumOfDepositsAndEachVehicleAlone) {
  const auto head = person(day(1970, 1, 1));
  unit_.assets.push_back({head, AssetType::kVehicle, day(2020, 1, 1), "", yuan(30000), false});
  unit_.assets.push_back({head, AssetType::kVehicle, day(2021, 1, 1), "", yuan(30000), false});
  EXPECT_TRUE(eval().has(RuleId::kR01));
  unit_.assets.push_back({head, AssetType::kDeposit, day(2022, 1, 1), "", s() * 12, false});
  unit_.assets.push_back({head, AssetType::kDeposit, day(2023, 1, 1), "", s() * 12, false});
  EXPECT_TRUE(eval().has(RuleId::kR01));  // exactly n × S × 24
  unit_.assets.back().value = s() * 12 + fen(1);
  EXPECT_FALSE(eval().has(RuleId::kR01));
  unit_.assets.back().revoked = true;
  EXPECT_TRUE(eval().has(RuleId::kR01));
}

TEST_F(OracleTest, LeapDayBirthdaysComeOnTheFirstOfMarch) {
  // Born 1956-02-29: 70 (a dependent) only from 2026-03-01. A 40-year-old without income
  // died on 2026-01-01; R06 needs a dependent left without a working-age member.
  person(day(1956, 2, 29));
  const auto son = person(day(1985, 6, 1));
  unit_.deaths.push_back({son, day(2026, 1, 1)});
  d_ = day(2026, 2, 28);
  EXPECT_FALSE(eval().has(RuleId::kR06));
  d_ = day(2026, 3, 1);
  EXPECT_TRUE(eval().has(RuleId::kR06));
}

TEST_F(OracleTest, SeriousIllnessCodesByCategoryAndPrefix) {
  const auto head = person(day(1960, 1, 1));
  bill(head, d_.add_days(-10), yuan(100), SettleKind::kNormal, dx::kMultipleCancer);  // C97
  EXPECT_TRUE(eval().has(RuleId::kR09));
  unit_.medical.back().diagnosis = dx::kCkdStage4;  // N18.4
  EXPECT_FALSE(eval().has(RuleId::kR09));
  unit_.medical.back().diagnosis = dx::kEndStageRenal;  // N18.6
  EXPECT_TRUE(eval().has(RuleId::kR09));
  unit_.medical.back().diagnosis = dx::kCarotidStenosis;  // I65
  EXPECT_FALSE(eval().has(RuleId::kR09));
}

}  // namespace
}  // namespace faxian::gen
