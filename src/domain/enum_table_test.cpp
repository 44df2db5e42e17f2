#include "domain/enum_table.hpp"

#include <set>

#include <gtest/gtest.h>

#include "domain/category.hpp"
#include "domain/ethnicity.hpp"
#include "domain/feed_enums.hpp"
#include "domain/feed_kind.hpp"
#include "domain/person_enums.hpp"

namespace faxian {
namespace {

// Every table: keys unique per value, each value's canonical label non-empty, and every label,
// alias, code and key finds its own value again.
template <typename E>
void expect_consistent_table() {
  std::set<std::string_view> keys;
  for (const auto& entry : EnumTable<E>::entries()) {
    EXPECT_FALSE(entry.label.empty()) << entry.key;
    EXPECT_EQ(find_enum<E>(entry.label), entry.value) << entry.label;
    EXPECT_EQ(enum_from_key<E>(entry.key), entry.value) << entry.key;
    if (!entry.alias.empty()) {
      EXPECT_EQ(enum_from_alias<E>(entry.alias), entry.value);
    }
    if (!entry.code.empty()) {
      EXPECT_EQ(enum_from_code<E>(entry.code), entry.value);
    }
    if (enum_key(entry.value) == entry.key && enum_label(entry.value) == entry.label) {
      EXPECT_TRUE(keys.insert(entry.key).second) << "duplicate key " << entry.key;
    }
  }
}

TEST(EnumTableTest, EveryTableIsConsistent) {
  expect_consistent_table<Relation>();
  expect_consistent_table<Sex>();
  expect_consistent_table<HukouType>();
  expect_consistent_table<HealthStatus>();
  expect_consistent_table<SelfCareAbility>();
  expect_consistent_table<EmploymentStatus>();
  expect_consistent_table<DisabilityCategory>();
  expect_consistent_table<DisabilityGrade>();
  expect_consistent_table<Ethnicity>();
  expect_consistent_table<ChangeType>();
  expect_consistent_table<SettleKind>();
  expect_consistent_table<VisitType>();
  expect_consistent_table<EmploymentEvent>();
  expect_consistent_table<IncomeType>();
  expect_consistent_table<RecordStatus>();
  expect_consistent_table<DisasterType>();
  expect_consistent_table<DisasterDamage>();
  expect_consistent_table<MonitorType>();
  expect_consistent_table<PovertyRisk>();
  expect_consistent_table<YesNo>();
  expect_consistent_table<EducationStage>();
  expect_consistent_table<AssetType>();
  expect_consistent_table<HotlineCategory>();
  expect_consistent_table<ApplicationType>();
  expect_consistent_table<ApplicationResult>();
  expect_consistent_table<RegistryCategory>();
  expect_consistent_table<FeedKind>();
  expect_consistent_table<CategoryKind>();
  expect_consistent_table<CategorySource>();
}

TEST(EnumTableTest, AliasesAreCaseInsensitiveAndCellsAreTrimmed) {
  EXPECT_EQ(find_enum<SettleKind>("Reversal"), SettleKind::kReversal);
  EXPECT_EQ(find_enum<SettleKind>("  REVERSAL "), SettleKind::kReversal);
  EXPECT_EQ(find_enum<SettleKind>(" 冲销\u3000"), SettleKind::kReversal);
  EXPECT_EQ(find_enum<ChangeType>("MOVE_OUT"), ChangeType::kMoveOut);
  EXPECT_FALSE(find_enum<SettleKind>("").has_value());
  EXPECT_FALSE(find_enum<SettleKind>("reverse").has_value());
  // Labels are matched exactly, not case-folded or by prefix.
  EXPECT_FALSE(find_enum<ChangeType>("新").has_value());
}

TEST(EnumTableTest, SynonymsMapToOneValueWithOneCanonicalLabel) {
  EXPECT_EQ(find_enum<RegistryCategory>("刚性支出困难"), RegistryCategory::kExpenditureHardship);
  EXPECT_EQ(find_enum<RegistryCategory>("支出型困难"), RegistryCategory::kExpenditureHardship);
  EXPECT_EQ(find_enum<RegistryCategory>("expenditure_hardship"),
            RegistryCategory::kExpenditureHardship);
  EXPECT_EQ(enum_label(RegistryCategory::kExpenditureHardship), "刚性支出困难");
  EXPECT_EQ(enum_label(CategoryKind::kExpenditureHardship), "刚性支出困难");
  EXPECT_EQ(find_enum<CategoryKind>("支出型困难"), CategoryKind::kExpenditureHardship);
  // The label list names each value once.
  EXPECT_EQ(enum_label_list<RegistryCategory>().find("支出型困难"), std::string::npos);
}

TEST(EnumTableTest, ParseEnumErrorsNameTheFieldAndListLabels) {
  auto parsed = parse_enum<ApplicationResult>("通过");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(parsed.error().message.find("审批结果"), std::string::npos);
  EXPECT_NE(parsed.error().message.find("不予批准"), std::string::npos);
  EXPECT_EQ(parse_enum<ApplicationResult>("rejected").value(), ApplicationResult::kRejected);
}

TEST(EnumTableTest, DefaultsOfBlankOptionalCells) {
  EXPECT_EQ(EnumTable<ChangeType>::kDefault, ChangeType::kAdd);
  EXPECT_EQ(EnumTable<SettleKind>::kDefault, SettleKind::kNormal);
  EXPECT_EQ(EnumTable<RecordStatus>::kDefault, RecordStatus::kValid);
  EXPECT_EQ(EnumTable<YesNo>::kDefault, YesNo::kNo);
  EXPECT_FALSE(EnumTable<VisitType>::kDefault.has_value());
}

TEST(EnumTableTest, DisabilityGradesByLabelAndDigit) {
  EXPECT_EQ(find_enum<DisabilityGrade>("一级"), DisabilityGrade::kGrade1);
  EXPECT_EQ(find_enum<DisabilityGrade>("四级"), DisabilityGrade::kGrade4);
  EXPECT_EQ(find_enum<DisabilityGrade>("2"), DisabilityGrade::kGrade2);
  EXPECT_EQ(find_enum<DisabilityGrade>(" 3 "), DisabilityGrade::kGrade3);
  EXPECT_FALSE(find_enum<DisabilityGrade>("5").has_value());
  EXPECT_FALSE(find_enum<DisabilityGrade>("0").has_value());
  EXPECT_EQ(disability_grade_number(DisabilityGrade::kGrade3), 3);
  EXPECT_TRUE(is_severe(DisabilityGrade::kGrade2));
  EXPECT_FALSE(is_severe(DisabilityGrade::kGrade3));
}

TEST(EnumTableTest, RelationByLabelAliasAndGb4761Code) {
  EXPECT_EQ(find_enum<Relation>("户主"), Relation::kHead);
  EXPECT_EQ(find_enum<Relation>("Spouse"), Relation::kSpouse);
  EXPECT_EQ(find_enum<Relation>("02"), Relation::kHead);
  EXPECT_EQ(find_enum<Relation>("01"), Relation::kHead);    // 本人
  EXPECT_EQ(find_enum<Relation>("12"), Relation::kSpouse);  // 妻
  EXPECT_EQ(find_enum<Relation>("22"), Relation::kSon);     // 长子
  EXPECT_EQ(find_enum<Relation>("33"), Relation::kDaughter);
  EXPECT_EQ(find_enum<Relation>("41"), Relation::kGrandchild);
  EXPECT_EQ(find_enum<Relation>("51"), Relation::kParent);
  EXPECT_EQ(find_enum<Relation>("61"), Relation::kGrandparent);
  EXPECT_EQ(find_enum<Relation>("71"), Relation::kSibling);
  EXPECT_EQ(find_enum<Relation>("99"), Relation::kOther);  // 非亲属
  EXPECT_FALSE(find_enum<Relation>("03").has_value());
  EXPECT_FALSE(find_enum<Relation>("2").has_value());
  EXPECT_FALSE(find_enum<Relation>("123").has_value());
  EXPECT_EQ(enum_code(Relation::kHead), "02");
}

TEST(EnumTableTest, FiftySixEthnicGroupsWithCodesAndNames) {
  int groups = 0;
  for (const auto& entry : EnumTable<Ethnicity>::entries()) {
    const int code = static_cast<int>(entry.value);
    if (code >= 1 && code <= 56) {
      ++groups;
      EXPECT_EQ(entry.code, fmt::format("{:02}", code));
      EXPECT_TRUE(entry.label.ends_with("族")) << entry.label;
    }
  }
  EXPECT_EQ(groups, kEthnicGroupCount);
  EXPECT_EQ(find_enum<Ethnicity>("土家族"), Ethnicity::kTujia);
  EXPECT_EQ(find_enum<Ethnicity>("15"), Ethnicity::kTujia);
  EXPECT_EQ(find_enum<Ethnicity>("tujia"), Ethnicity::kTujia);
  EXPECT_EQ(find_enum<Ethnicity>("06"), Ethnicity::kMiao);
  EXPECT_EQ(find_enum<Ethnicity>("6"), Ethnicity::kMiao);  // leading zero lost
  EXPECT_EQ(find_enum<Ethnicity>("01"), Ethnicity::kHan);
  EXPECT_EQ(enum_label(Ethnicity::kJino), "基诺族");
  EXPECT_EQ(enum_code(Ethnicity::kJino), "56");
  EXPECT_FALSE(find_enum<Ethnicity>("57").has_value());
  EXPECT_FALSE(find_enum<Ethnicity>("0").has_value());
}

TEST(EnumTableTest, FeedEnumsMatchTheFeedSpec) {
  EXPECT_EQ(find_enum<EmploymentEvent>("社保断缴"), EmploymentEvent::kContributionStopped);
  EXPECT_EQ(find_enum<EmploymentEvent>("contribution_stopped"),
            EmploymentEvent::kContributionStopped);
  EXPECT_EQ(find_enum<IncomeType>("失业保险金"), IncomeType::kUnemploymentBenefit);
  EXPECT_EQ(find_enum<DisasterDamage>("农作物绝收"), DisasterDamage::kCropTotalLoss);
  EXPECT_EQ(find_enum<MonitorType>("突发严重困难户"), MonitorType::kSuddenHardship);
  EXPECT_EQ(find_enum<PovertyRisk>("因务工就业不稳"), PovertyRisk::kEmployment);
  EXPECT_EQ(find_enum<YesNo>("是"), YesNo::kYes);
  EXPECT_EQ(find_enum<EducationStage>("中职"), EducationStage::kSecondaryVocational);
  EXPECT_EQ(find_enum<AssetType>("REAL_ESTATE"), AssetType::kRealEstate);
  EXPECT_EQ(find_enum<HotlineCategory>("养老"), HotlineCategory::kElderly);
  EXPECT_EQ(find_enum<ApplicationType>("temporary"), ApplicationType::kTemporary);
  EXPECT_EQ(find_enum<RegistryCategory>("事实无人抚养儿童"), RegistryCategory::kUnsupportedChild);
  EXPECT_EQ(find_enum<VisitType>("门诊慢特病"), VisitType::kChronic);
  EXPECT_EQ(find_enum<HukouType>("non_agricultural"), HukouType::kNonAgricultural);
  EXPECT_EQ(find_enum<DisabilityCategory>("精神"), DisabilityCategory::kMental);
  EXPECT_EQ(find_enum<Sex>("女"), Sex::kFemale);
  EXPECT_EQ(enum_alias(EducationStage::kPrimary), "");
  EXPECT_EQ(enum_key(EducationStage::kPrimary), "primary");
}

TEST(EnumTableTest, FeedKindNamesDepartmentsAndLookup) {
  EXPECT_EQ(kAllFeeds.size(), 13u);
  std::set<std::string_view> names;
  for (FeedKind feed : kAllFeeds) {
    names.insert(feed_name(feed));
    EXPECT_FALSE(feed_department(feed).empty());
    EXPECT_EQ(find_feed(feed_name(feed)), feed);
  }
  EXPECT_EQ(names.size(), 13u);
  EXPECT_EQ(find_feed("Poverty_Monitoring"), FeedKind::kPovertyMonitoring);
  EXPECT_EQ(find_feed("医保结算"), FeedKind::kMedical);
  EXPECT_FALSE(find_feed("medicals").has_value());
  EXPECT_EQ(feed_department(FeedKind::kMedical), "医保局");
}

}  // namespace
}  // namespace faxian
