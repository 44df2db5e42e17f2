#include "domain/feed_enums.hpp"

// Labels and aliases exactly as 20-feeds.md lists them ({value, key, label, alias, code}).

namespace faxian {
namespace {

constexpr EnumEntry<ChangeType> kChangeTypes[] = {
    {ChangeType::kAdd, "add", "新增", "add", ""},
    {ChangeType::kMoveOut, "move_out", "迁出", "move_out", ""},
    {ChangeType::kDeath, "death", "死亡注销", "death", ""},
    {ChangeType::kUpdate, "update", "变更", "update", ""},
};

constexpr EnumEntry<SettleKind> kSettleKinds[] = {
    {SettleKind::kNormal, "normal", "正常", "normal", ""},
    {SettleKind::kReversal, "reversal", "冲销", "reversal", ""},
};

constexpr EnumEntry<VisitType> kVisitTypes[] = {
    {VisitType::kOutpatient, "outpatient", "门诊", "outpatient", ""},
    {VisitType::kInpatient, "inpatient", "住院", "inpatient", ""},
    {VisitType::kChronic, "chronic", "门诊慢特病", "chronic", ""},
};

using EE = EmploymentEvent;
constexpr EnumEntry<EmploymentEvent> kEmploymentEvents[] = {
    {EE::kUnemployed, "unemployed", "失业登记", "unemployed", ""},
    {EE::kEmployed, "employed", "就业登记", "employed", ""},
    {EE::kContributionStopped, "contribution_stopped", "社保断缴", "contribution_stopped", ""},
    {EE::kUnemploymentBenefit, "unemployment_benefit", "领取失业保险金", "unemployment_benefit",
     ""},
    {EE::kFlexible, "flexible", "灵活就业登记", "flexible", ""},
    {EE::kRetired, "retired", "退休", "retired", ""},
};

using IT = IncomeType;
constexpr EnumEntry<IncomeType> kIncomeTypes[] = {
    {IT::kWage, "wage", "工资薪金", "wage", ""},
    {IT::kPension, "pension", "养老金", "pension", ""},
    {IT::kUnemploymentBenefit, "unemployment_benefit", "失业保险金", "unemployment_benefit", ""},
    {IT::kBusiness, "business", "经营所得", "business", ""},
    {IT::kOther, "other", "其他", "other", ""},
};

constexpr EnumEntry<RecordStatus> kRecordStatuses[] = {
    {RecordStatus::kValid, "valid", "有效", "valid", ""},
    {RecordStatus::kRevoked, "revoked", "注销", "revoked", ""},
};

using DT = DisasterType;
constexpr EnumEntry<DisasterType> kDisasterTypes[] = {
    {DT::kFlood, "flood", "洪涝", "flood", ""},
    {DT::kGeological, "geological", "地质灾害", "geological", ""},
    {DT::kHail, "hail", "风雹", "hail", ""},
    {DT::kDrought, "drought", "干旱", "drought", ""},
    {DT::kFire, "fire", "火灾", "fire", ""},
    {DT::kEarthquake, "earthquake", "地震", "earthquake", ""},
    {DT::kEpidemic, "epidemic", "疫情", "epidemic", ""},
    {DT::kOther, "other", "其他", "other", ""},
};

using DD = DisasterDamage;
constexpr EnumEntry<DisasterDamage> kDisasterDamages[] = {
    {DD::kHouseCollapsed, "house_collapsed", "房屋倒塌", "house_collapsed", ""},
    {DD::kHouseSevere, "house_severe", "房屋严重损坏", "house_severe", ""},
    {DD::kHouseMinor, "house_minor", "房屋一般损坏", "house_minor", ""},
    {DD::kCropTotalLoss, "crop_total_loss", "农作物绝收", "crop_total_loss", ""},
    {DD::kCropDamage, "crop_damage", "农作物受损", "crop_damage", ""},
    {DD::kCasualty, "casualty", "人员伤亡", "casualty", ""},
    {DD::kOther, "other", "其他", "other", ""},
};

constexpr EnumEntry<MonitorType> kMonitorTypes[] = {
    {MonitorType::kAlleviated, "alleviated", "脱贫户", "alleviated", ""},
    {MonitorType::kUnstable, "unstable", "脱贫不稳定户", "unstable", ""},
    {MonitorType::kEdge, "edge", "边缘易致贫户", "edge", ""},
    {MonitorType::kSuddenHardship, "sudden_hardship", "突发严重困难户", "sudden_hardship", ""},
};

using PR = PovertyRisk;
constexpr EnumEntry<PovertyRisk> kPovertyRisks[] = {
    {PR::kIllness, "illness", "因病", "illness", ""},
    {PR::kDisability, "disability", "因残", "disability", ""},
    {PR::kEducation, "education", "因学", "education", ""},
    {PR::kDisaster, "disaster", "因灾", "disaster", ""},
    {PR::kAccident, "accident", "因意外事故", "accident", ""},
    {PR::kEmployment, "employment", "因务工就业不稳", "employment", ""},
    {PR::kBusiness, "business", "因产业项目失败", "business", ""},
    {PR::kOther, "other", "其他", "other", ""},
};

constexpr EnumEntry<YesNo> kYesNo[] = {
    {YesNo::kYes, "yes", "是", "", ""},
    {YesNo::kNo, "no", "否", "", ""},
};

using ST = EducationStage;
constexpr EnumEntry<EducationStage> kEducationStages[] = {
    {ST::kPreschool, "preschool", "学前", "", ""},
    {ST::kPrimary, "primary", "小学", "", ""},
    {ST::kJuniorMiddle, "junior_middle", "初中", "", ""},
    {ST::kSeniorHigh, "senior_high", "高中", "", ""},
    {ST::kSecondaryVocational, "secondary_vocational", "中职", "", ""},
    {ST::kHigherVocational, "higher_vocational", "高职", "", ""},
    {ST::kUndergraduate, "undergraduate", "本科", "", ""},
    {ST::kPostgraduate, "postgraduate", "研究生", "", ""},
};

using AT = AssetType;
constexpr EnumEntry<AssetType> kAssetTypes[] = {
    {AT::kVehicle, "vehicle", "机动车", "vehicle", ""},
    {AT::kRealEstate, "real_estate", "不动产", "real_estate", ""},
    {AT::kBusiness, "business", "工商登记", "business", ""},
    {AT::kDeposit, "deposit", "存款", "deposit", ""},
    {AT::kOther, "other", "其他", "other", ""},
};

using HC = HotlineCategory;
constexpr EnumEntry<HotlineCategory> kHotlineCategories[] = {
    {HC::kLiving, "living", "生活困难", "living", ""},
    {HC::kMedical, "medical", "医疗", "medical", ""},
    {HC::kHousing, "housing", "住房", "housing", ""},
    {HC::kEducation, "education", "就学", "education", ""},
    {HC::kEmployment, "employment", "就业", "employment", ""},
    {HC::kDisability, "disability", "残疾", "disability", ""},
    {HC::kElderly, "elderly", "养老", "elderly", ""},
    {HC::kOther, "other", "其他", "other", ""},
};

using AP = ApplicationType;
constexpr EnumEntry<ApplicationType> kApplicationTypes[] = {
    {AP::kDibao, "dibao", "低保", "dibao", ""},
    {AP::kTekun, "tekun", "特困", "tekun", ""},
    {AP::kTemporary, "temporary", "临时救助", "temporary", ""},
    {AP::kMedical, "medical", "医疗救助", "medical", ""},
    {AP::kEducation, "education", "教育救助", "education", ""},
    {AP::kHousing, "housing", "住房救助", "housing", ""},
    {AP::kOther, "other", "其他", "other", ""},
};

using AR = ApplicationResult;
constexpr EnumEntry<ApplicationResult> kApplicationResults[] = {
    {AR::kApproved, "approved", "批准", "approved", ""},
    {AR::kRejected, "rejected", "不予批准", "rejected", ""},
    {AR::kWithdrawn, "withdrawn", "撤回", "withdrawn", ""},
    {AR::kPending, "pending", "审核中", "pending", ""},
};

using RC = RegistryCategory;
constexpr EnumEntry<RegistryCategory> kRegistryCategories[] = {
    {RC::kDibao, "dibao", "低保", "dibao", ""},
    {RC::kTekun, "tekun", "特困", "tekun", ""},
    {RC::kDibaoEdge, "dibao_edge", "低保边缘", "dibao_edge", ""},
    {RC::kExpenditureHardship, "expenditure_hardship", "刚性支出困难", "expenditure_hardship", ""},
    {RC::kExpenditureHardship, "expenditure_hardship", "支出型困难", "", ""},
    {RC::kTempAssisted, "temp_assisted", "临时救助", "temp_assisted", ""},
    {RC::kOrphan, "orphan", "孤儿", "orphan", ""},
    {RC::kUnsupportedChild, "unsupported_child", "事实无人抚养儿童", "unsupported_child", ""},
};

}  // namespace

#define FAXIAN_DEFINE_ENTRIES(E, table)                   \
  std::span<const EnumEntry<E>> EnumTable<E>::entries() { \
    return table;                                         \
  }

FAXIAN_DEFINE_ENTRIES(ChangeType, kChangeTypes)
FAXIAN_DEFINE_ENTRIES(SettleKind, kSettleKinds)
FAXIAN_DEFINE_ENTRIES(VisitType, kVisitTypes)
FAXIAN_DEFINE_ENTRIES(EmploymentEvent, kEmploymentEvents)
FAXIAN_DEFINE_ENTRIES(IncomeType, kIncomeTypes)
FAXIAN_DEFINE_ENTRIES(RecordStatus, kRecordStatuses)
FAXIAN_DEFINE_ENTRIES(DisasterType, kDisasterTypes)
FAXIAN_DEFINE_ENTRIES(DisasterDamage, kDisasterDamages)
FAXIAN_DEFINE_ENTRIES(MonitorType, kMonitorTypes)
FAXIAN_DEFINE_ENTRIES(PovertyRisk, kPovertyRisks)
FAXIAN_DEFINE_ENTRIES(YesNo, kYesNo)
FAXIAN_DEFINE_ENTRIES(EducationStage, kEducationStages)
FAXIAN_DEFINE_ENTRIES(AssetType, kAssetTypes)
FAXIAN_DEFINE_ENTRIES(HotlineCategory, kHotlineCategories)
FAXIAN_DEFINE_ENTRIES(ApplicationType, kApplicationTypes)
FAXIAN_DEFINE_ENTRIES(ApplicationResult, kApplicationResults)
FAXIAN_DEFINE_ENTRIES(RegistryCategory, kRegistryCategories)

#undef FAXIAN_DEFINE_ENTRIES

}  // namespace faxian
