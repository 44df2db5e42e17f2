// The engine on hand-built feature stores: levels and scores, explanations with their figures,
// evidence, membership on D, R02's department, disabled rules, and that evaluating one
// household alone gives what a full run gives for it.

#include "screen/screening.hpp"

#include <gtest/gtest.h>

#include "common/source_dir_for_tests.hpp"
#include "screen/feature_store_grouping.hpp"

namespace faxian::screen {
namespace {

Day day(std::string_view iso) {
  return Date::parse_iso(iso)->days_since_epoch();
}
int32_t month(std::string_view iso) {
  return Month::parse_iso(iso)->index();
}

const RuleSet& default_rules() {
  static const RuleSet rules =
      *load_rule_set_file(faxian_source_dir() + "/data/rules/default.toml");
  return rules;
}
const Standards& shipped_standards() {
  static const Standards standards =
      *load_standards_file(faxian_source_dir() + "/data/standards/chongqing.toml");
  return standards;
}

// A county of hand-made households; rows are added per person and grouped on build().
class StoreBuilder {
 public:
  StoreBuilder() {  // ids start at 1, as in the store
    store_.persons.emplace_back();
    store_.households.emplace_back();
  }
  uint32_t household(bool urban = false) {
    HouseholdFacts facts;
    facts.exists = true;
    facts.urban = urban;
    facts.household_no = fmt::format("5002410010{:05}", store_.households.size());
    facts.township = 0;
    store_.households.push_back(facts);
    return static_cast<uint32_t>(store_.households.size() - 1);
  }
  uint32_t person(uint32_t household, std::string_view birth,
                  std::string_view joined = "2000-01-01",
                  std::optional<std::string_view> left = std::nullopt) {
    PersonFacts facts;
    facts.exists = true;
    facts.birth = day(birth);
    store_.persons.push_back(facts);
    auto id = static_cast<uint32_t>(store_.persons.size() - 1);
    members_.add(household, {id, day(joined), left ? day(*left) : kNoDay});
    return id;
  }
  void died(uint32_t person, std::string_view date) { store_.persons[person].death = day(date); }
  void income(uint32_t person, std::string_view first, int months, int64_t yuan_per_month) {
    for (int i = 0; i < months; ++i)
      income_.add(person, {month(first) + i, yuan_per_month * 100, next_id_++});
  }
  void medical(uint32_t person, std::string_view date, int64_t self_paid_fen,
               std::string_view code = "J18.9") {
    medical_.add(person, {day(date), self_paid_fen, code_id(code), next_id_++});
  }
  void education(uint32_t person, std::string_view start, int64_t net_fen, EducationStage stage) {
    education_.add(person, {day(start), net_fen, stage, next_id_++});
  }
  void disability(uint32_t person, std::string_view issued, int grade) {
    disability_.add(person, {day(issued), static_cast<int8_t>(grade), false, next_id_++});
  }
  void category(uint32_t person, CategoryKind kind, std::string_view start) {
    categories_.add(person, {day(start), kNoDay, kind, next_id_++});
  }

  FeatureStore build() {
    auto shift = [](auto rows) { return rows; };
    const size_t persons = store_.persons.size();
    auto by_day = [](const auto& r) { return std::pair(r.date, r.record_id); };
    store_.members = group_rows(std::move(members_), store_.households.size(),
                                [](const MembershipRow& m) { return std::pair(m.from, m.person); });
    store_.income = group_rows(shift(std::move(income_)), persons,
                               [](const IncomeRow& r) { return std::pair(r.month, r.record_id); });
    store_.medical = group_rows(shift(std::move(medical_)), persons, by_day);
    store_.education = group_rows(shift(std::move(education_)), persons, [](const EducationRow& r) {
      return std::pair(r.start, r.record_id);
    });
    store_.disability = group_rows(shift(std::move(disability_)), persons, by_day);
    store_.categories =
        group_rows(shift(std::move(categories_)), persons,
                   [](const CategoryRow& r) { return std::pair(r.start, r.category_id); });
    store_.household_categories = group_rows(OwnedRows<CategoryRow>{}, store_.households.size(),
                                             [](const CategoryRow& r) { return r.start; });
    store_.townships = {"500241001000"};
    return std::move(store_);
  }

 private:
  int32_t code_id(std::string_view code) {
    for (size_t i = 0; i < store_.diagnosis_codes.size(); ++i)
      if (store_.diagnosis_codes[i] == code)
        return static_cast<int32_t>(i);
    store_.diagnosis_codes.emplace_back(code);
    return static_cast<int32_t>(store_.diagnosis_codes.size() - 1);
  }

  FeatureStore store_;
  OwnedRows<MembershipRow> members_;
  OwnedRows<IncomeRow> income_;
  OwnedRows<MedicalRow> medical_;
  OwnedRows<EducationRow> education_;
  OwnedRows<DisabilityRow> disability_;
  OwnedRows<CategoryRow> categories_;
  int64_t next_id_ = 1;
};

std::vector<WarningFinding> screen_one(const FeatureStore& store, uint32_t household,
                                       std::string_view as_of,
                                       const RuleSet& rules = default_rules()) {
  auto parameters =
      make_screening_parameters(*Date::parse_iso(as_of), rules, shipped_standards(), store);
  EXPECT_TRUE(parameters.has_value());
  std::vector<WarningFinding> findings;
  evaluate_household(store, *parameters, household, findings);
  return findings;
}

const FiredRule* find(const WarningFinding& finding, RuleId rule) {
  for (const FiredRule& fired : finding.rules)
    if (fired.rule == rule)
      return &fired;
  return nullptr;
}

TEST(Screening, HighSelfPayExplainsTheFiguresAndListsTheBills) {
  StoreBuilder b;
  uint32_t h = b.household();
  uint32_t p = b.person(h, "1970-05-01");
  b.income(p, "2025-12", 12, 2527);  // 30,324 a year: above 2 × 630 per month
  b.medical(p, "2026-03-02", 2000000);
  b.medical(p, "2026-06-10", 1821000);
  b.medical(p, "2026-07-01", -400000);  // a reversal
  b.medical(p, "2026-07-02", 400000);
  auto store = b.build();
  auto findings = screen_one(store, h, "2026-11-20");
  ASSERT_EQ(findings.size(), 1u);
  const FiredRule* r03 = find(findings[0], RuleId::kR03);
  ASSERT_NE(r03, nullptr);
  EXPECT_EQ(r03->explanation, "近365天个人自付医疗费用 38,210 元，为家庭收入的 126%");
  ASSERT_EQ(r03->evidence.size(), 4u);
  EXPECT_EQ(r03->evidence[0].feed, FeedKind::kMedical);
  EXPECT_EQ(r03->evidence[1].amount, Money::from_fen(-400000));
  const auto& departments = findings[0].departments;
  EXPECT_NE(std::find(departments.begin(), departments.end(), "医保局"), departments.end());
}

TEST(Screening, ScoreIsCappedAndTheLevelTakesTheHighestOfFloorsAndCutOffs) {
  StoreBuilder b;
  uint32_t h = b.household();
  uint32_t p = b.person(h, "1970-05-01");
  b.income(p, "2025-12", 12, 500);      // 500 < 630: R01 (60, orange floor)
  b.medical(p, "2026-10-01", 1200000);  // R03 (40) and R02 (60)
  auto store = b.build();
  auto findings = screen_one(store, h, "2026-11-20");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].score, 100);  // 60 + 60 + 40 capped
  EXPECT_EQ(findings[0].level, WarningLevel::kRed);
  ASSERT_EQ(findings[0].rules.size(), 3u);
  EXPECT_EQ(findings[0].rules[0].rule, RuleId::kR01);
  EXPECT_EQ(findings[0].rules[1].rule, RuleId::kR02);
  EXPECT_EQ(findings[0].rules[2].rule, RuleId::kR03);
}

TEST(Screening, FloorLiftsALowScore) {
  StoreBuilder b;
  uint32_t h = b.household();
  uint32_t p = b.person(h, "1951-05-01");  // 75, alone, severe disability, no carer
  b.income(p, "2025-12", 12, 1000);        // between the 低保 standard and 1.5 ×: no R01/R04
  b.disability(p, "2010-01-01", 1);
  auto store = b.build();
  auto findings = screen_one(store, h, "2026-11-20");
  ASSERT_EQ(findings.size(), 1u);
  ASSERT_EQ(findings[0].rules.size(), 1u);
  EXPECT_EQ(findings[0].rules[0].rule, RuleId::kR07);  // 40 points would be yellow …
  EXPECT_EQ(findings[0].score, 40);
  EXPECT_EQ(findings[0].level, WarningLevel::kOrange);  // … its floor makes it orange
}

TEST(Screening, MembersAreThoseActiveAndAliveOnTheDate) {
  StoreBuilder b;
  uint32_t h = b.household();
  uint32_t stays = b.person(h, "1980-01-01");
  uint32_t left = b.person(h, "1981-01-01", "2000-01-01", "2026-11-20");  // leaves on D
  uint32_t joins = b.person(h, "1982-01-01", "2026-11-20");               // joins on D
  uint32_t dies = b.person(h, "1983-01-01");
  b.income(stays, "2025-12", 12, 1000);
  b.income(left, "2025-12", 12, 9000);
  b.income(joins, "2025-12", 12, 1000);
  b.income(dies, "2025-12", 12, 9000);
  auto store = b.build();
  store.persons[dies].death = day("2026-11-20");  // dies on D: not alive on D
  auto findings = screen_one(store, h, "2026-11-20");
  ASSERT_EQ(findings.size(), 1u);
  // Members on D: `stays` and `joins` (n = 2, 1,000 a month each: no R01, and 1,000 ≥ 1.5 × 630
  // so no R04); the one who died on D was the breadwinner (9,000 of 19,000 a month, aged 43):
  // R06. Had `left` or `dies` counted, the income test would differ.
  EXPECT_NE(find(findings[0], RuleId::kR06), nullptr);
  EXPECT_EQ(find(findings[0], RuleId::kR04), nullptr);
  EXPECT_EQ(find(findings[0], RuleId::kR01), nullptr);
}

TEST(Screening, RigidExpenditureNamesTheDepartmentOfTheLargerPart) {
  StoreBuilder b;
  uint32_t h = b.household();
  uint32_t parent = b.person(h, "1975-01-01");
  uint32_t child = b.person(h, "2007-01-01");
  b.income(parent, "2025-12", 12, 1500);  // 750 a month each: above 630, R04 fires too
  b.education(child, "2026-09-01", 1500000, EducationStage::kUndergraduate);
  b.medical(parent, "2026-05-01", 200000);
  auto store = b.build();
  auto findings = screen_one(store, h, "2026-11-20");
  ASSERT_EQ(findings.size(), 1u);
  ASSERT_NE(find(findings[0], RuleId::kR02), nullptr);
  const auto& departments = findings[0].departments;
  EXPECT_NE(std::find(departments.begin(), departments.end(), "教育局"), departments.end());
  EXPECT_EQ(std::find(departments.begin(), departments.end(), "医保局"), departments.end());
}

TEST(Screening, DisabledRulesDoNotFire) {
  StoreBuilder b;
  uint32_t h = b.household();
  uint32_t p = b.person(h, "1970-05-01");
  b.income(p, "2025-12", 12, 500);
  auto store = b.build();
  RuleSet rules = default_rules();
  rules.rules[static_cast<size_t>(RuleId::kR01)].enabled = false;
  EXPECT_TRUE(screen_one(store, h, "2026-11-20", rules).empty());
  EXPECT_EQ(screen_one(store, h, "2026-11-20").size(), 1u);
}

TEST(Screening, ReviewRulesMakeASeparateWarningWithoutScoreOrLevel) {
  StoreBuilder b;
  uint32_t h = b.household();
  uint32_t p = b.person(h, "1970-05-01");
  uint32_t q = b.person(h, "1972-05-01");
  b.income(p, "2025-12", 12, 500);
  b.category(p, CategoryKind::kDibao, "2020-01-01");
  auto store = b.build();
  store.persons[q].death = day("2026-10-01");
  auto findings = screen_one(store, h, "2026-11-20");
  ASSERT_EQ(findings.size(), 1u);  // 低保 blocks R01; the death is not a breadwinner's
  EXPECT_EQ(findings[0].kind, WarningKind::kReview);
  EXPECT_EQ(findings[0].level, std::nullopt);
  EXPECT_EQ(findings[0].score, 0);
  EXPECT_EQ(findings[0].rules[0].rule, RuleId::kV01);
  EXPECT_EQ(findings[0].rules[0].points, 0);
}

TEST(Screening, OneHouseholdAloneEqualsItsPartOfAFullRun) {
  StoreBuilder b;
  std::vector<uint32_t> households;
  for (int i = 0; i < 50; ++i) {
    uint32_t h = b.household(i % 3 == 0);
    households.push_back(h);
    uint32_t p = b.person(h, "1950-01-01");
    b.income(p, "2025-12", 12, 300 + 40 * i);
    if (i % 4 == 0)
      b.medical(p, "2026-06-01", 100000 * i);
  }
  auto store = b.build();
  auto parameters = *make_screening_parameters(*Date::parse_iso("2026-11-20"), default_rules(),
                                               shipped_standards(), store);
  auto full = screen_households(store, parameters, {}, 2);
  std::vector<WarningFinding> alone;
  for (uint32_t h : households)
    evaluate_household(store, parameters, h, alone);
  EXPECT_EQ(full.findings, alone);
  EXPECT_EQ(full.screened.size(), 50u);
}

TEST(StoreNumbering, DenseNumbersAreTheIdsAndCompactOnesCountInIdOrder) {
  StoreNumbering dense;
  EXPECT_EQ(dense.number_of(42), 42u);
  EXPECT_EQ(dense.id_of(42), 42);
  EXPECT_EQ(dense.number_of(-1), StoreNumbering::kAbsent);
  StoreNumbering compact;
  compact.ids = {7, 300000, 650001};
  EXPECT_EQ(compact.number_of(7), 0u);
  EXPECT_EQ(compact.number_of(650001), 2u);
  EXPECT_EQ(compact.id_of(1), 300000);
  EXPECT_EQ(compact.number_of(8), StoreNumbering::kAbsent);
  EXPECT_EQ(compact.number_of(1), StoreNumbering::kAbsent);
}

}  // namespace
}  // namespace faxian::screen
