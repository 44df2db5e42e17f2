#pragma once
// The enumerations of the feeds in 20-feeds.md, one enum each, with exactly the Chinese labels
// and English aliases listed there (tables in feed_enums.cpp). Person-related ones (relation,
// ethnicity, hukou type, disability category and grade) live in person_enums.hpp and
// ethnicity.hpp.

#include <optional>
#include <span>
#include <string_view>

#include "domain/enum_table.hpp"

namespace faxian {

// population 变动类型 (default 新增).
enum class ChangeType { kAdd, kMoveOut, kDeath, kUpdate };

// medical 结算类型 (default 正常); a 冲销 row subtracts.
enum class SettleKind { kNormal, kReversal };

// medical 就诊类型.
enum class VisitType { kOutpatient, kInpatient, kChronic };

// employment 事件类型.
enum class EmploymentEvent {
  kUnemployed,           // 失业登记
  kEmployed,             // 就业登记
  kContributionStopped,  // 社保断缴
  kUnemploymentBenefit,  // 领取失业保险金
  kFlexible,             // 灵活就业登记
  kRetired,              // 退休
};

// income 收入类型.
enum class IncomeType { kWage, kPension, kUnemploymentBenefit, kBusiness, kOther };

// disability and assets 状态 (default 有效).
enum class RecordStatus { kValid, kRevoked };

// disaster 灾害类型.
enum class DisasterType {
  kFlood,
  kGeological,
  kHail,
  kDrought,
  kFire,
  kEarthquake,
  kEpidemic,
  kOther,
};

// disaster 受灾程度.
enum class DisasterDamage {
  kHouseCollapsed,  // 房屋倒塌
  kHouseSevere,     // 房屋严重损坏
  kHouseMinor,      // 房屋一般损坏
  kCropTotalLoss,   // 农作物绝收
  kCropDamage,      // 农作物受损
  kCasualty,        // 人员伤亡
  kOther,
};

// poverty_monitoring 监测对象类别.
enum class MonitorType {
  kAlleviated,      // 脱贫户 — gives 脱贫 only
  kUnstable,        // 脱贫不稳定户
  kEdge,            // 边缘易致贫户
  kSuddenHardship,  // 突发严重困难户
};

// poverty_monitoring 主要风险.
enum class PovertyRisk {
  kIllness,
  kDisability,
  kEducation,
  kDisaster,
  kAccident,
  kEmployment,
  kBusiness,
  kOther,
};

// poverty_monitoring 风险是否消除: 是/否 (default 否). The spec lists no English alias.
enum class YesNo { kYes, kNo };

// education 学段. The spec lists no English aliases.
enum class EducationStage {
  kPreschool,            // 学前
  kPrimary,              // 小学
  kJuniorMiddle,         // 初中
  kSeniorHigh,           // 高中
  kSecondaryVocational,  // 中职
  kHigherVocational,     // 高职
  kUndergraduate,        // 本科
  kPostgraduate,         // 研究生
};

// assets 财产类型.
enum class AssetType { kVehicle, kRealEstate, kBusiness, kDeposit, kOther };

// hotline 诉求类型.
enum class HotlineCategory {
  kLiving,
  kMedical,
  kHousing,
  kEducation,
  kEmployment,
  kDisability,
  kElderly,
  kOther,
};

// applications 申请类别.
enum class ApplicationType {
  kDibao,
  kTekun,
  kTemporary,
  kMedical,
  kEducation,
  kHousing,
  kOther,
};

// applications 审批结果.
enum class ApplicationResult { kApproved, kRejected, kWithdrawn, kPending };

// registry 类别. 刚性支出困难 and its former name 支出型困难 are the same category.
enum class RegistryCategory {
  kDibao,
  kTekun,
  kDibaoEdge,
  kExpenditureHardship,
  kTempAssisted,
  kOrphan,
  kUnsupportedChild,
};

FAXIAN_DECLARE_ENUM_TABLE(ChangeType, "变动类型", ChangeType::kAdd);
FAXIAN_DECLARE_ENUM_TABLE(SettleKind, "结算类型", SettleKind::kNormal);
FAXIAN_DECLARE_ENUM_TABLE(VisitType, "就诊类型", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(EmploymentEvent, "事件类型", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(IncomeType, "收入类型", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(RecordStatus, "状态", RecordStatus::kValid);
FAXIAN_DECLARE_ENUM_TABLE(DisasterType, "灾害类型", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(DisasterDamage, "受灾程度", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(MonitorType, "监测对象类别", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(PovertyRisk, "主要风险", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(YesNo, "风险是否消除", YesNo::kNo);
FAXIAN_DECLARE_ENUM_TABLE(EducationStage, "学段", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(AssetType, "财产类型", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(HotlineCategory, "诉求类型", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(ApplicationType, "申请类别", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(ApplicationResult, "审批结果", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(RegistryCategory, "类别", std::nullopt);

}  // namespace faxian
