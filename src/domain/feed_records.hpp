#pragma once
// One record type per department feed of 20-feeds.md, with typed, already-normalised fields
// (the ingest parsers build them; the store keeps them). Blank optional enums have already taken
// their listed default. Every record knows its feed and its event date — the date screening's
// "as of" compares with.

#include <optional>
#include <string>

#include "common/date.hpp"
#include "common/money.hpp"
#include "common/resident_id.hpp"
#include "domain/ethnicity.hpp"
#include "domain/feed_enums.hpp"
#include "domain/feed_kind.hpp"
#include "domain/local_date_time.hpp"
#include "domain/person_enums.hpp"
#include "domain/school_year.hpp"

namespace faxian {

// population 户籍人口 (公安) — key: 身份证号 + 变动类型 + 变动日期.
struct PopulationRecord {
  static constexpr FeedKind kFeed = FeedKind::kPopulation;
  std::string household_no{};  // 户号
  ResidentId id_number;
  std::string name{};
  Relation relation = Relation::kOther;
  std::string village_code{};  // 12 digits
  std::string address{};
  std::optional<Ethnicity> ethnicity{};
  std::optional<HukouType> hukou_type{};
  std::string phone{};
  ChangeType change_type = ChangeType::kAdd;
  Date change_date{};  // the import date when the cell was blank

  Date event_date() const { return change_date; }

  bool operator==(const PopulationRecord&) const = default;
};

// medical 医保结算 (医保局) — key: 结算单号 + 结算类型.
struct MedicalRecord {
  static constexpr FeedKind kFeed = FeedKind::kMedical;
  std::string settlement_no{};
  ResidentId id_number;
  std::string name{};
  Date settle_date{};
  SettleKind settle_kind = SettleKind::kNormal;
  std::optional<VisitType> visit_type{};
  Money total_cost{};  // amounts as written (a reversal may be written negative or positive)
  std::optional<Money> fund_paid{};
  std::optional<Money> critical_paid{};
  std::optional<Money> aid_paid{};
  Money self_paid{};               // as written, or derived when blank
  bool self_paid_derived = false;  // true when derived: total − fund − critical − aid
  std::string diagnosis_code{};    // ICD-10
  std::string diagnosis_name{};
  std::string hospital{};

  Date event_date() const { return settle_date; }
  // Self-pay as it counts: a 冲销 row subtracts the absolute value of its amount.
  Money counted_self_paid() const;
  // total − fund − critical − aid (blank amounts count as 0).
  static Money derive_self_paid(Money total, std::optional<Money> fund,
                                std::optional<Money> critical, std::optional<Money> aid);

  bool operator==(const MedicalRecord&) const = default;
};

// employment 就业与社保变动 (人社局) — key: row.
struct EmploymentRecord {
  static constexpr FeedKind kFeed = FeedKind::kEmployment;
  ResidentId id_number;
  std::string name{};
  EmploymentEvent event = EmploymentEvent::kEmployed;
  Date date{};  // 事件日期
  std::string employer{};
  std::optional<Money> contribution_base{};  // monthly

  Date event_date() const { return date; }

  bool operator==(const EmploymentRecord&) const = default;
};

// income 收入 (人社/税务/公积金) — key: 身份证号 + 所属期 + 收入类型 + 来源.
struct IncomeRecord {
  static constexpr FeedKind kFeed = FeedKind::kIncome;
  ResidentId id_number;
  std::string name{};
  Month month{};  // 所属期
  IncomeType income_type = IncomeType::kOther;
  Money amount{};  // that month
  std::string source_dept{};

  // The first day of the month: the income of D's month already counts on D (30-screening.md
  // counts the 12 calendar months ending with D's month, even when D is mid-month).
  Date event_date() const { return month.first_day(); }

  bool operator==(const IncomeRecord&) const = default;
};

// disability 残疾人 (残联) — key: 身份证号 + 发证日期.
struct DisabilityRecord {
  static constexpr FeedKind kFeed = FeedKind::kDisability;
  ResidentId id_number;
  std::string name{};
  DisabilityCategory category = DisabilityCategory::kMultiple;
  DisabilityGrade grade = DisabilityGrade::kGrade4;
  Date issue_date{};
  RecordStatus status = RecordStatus::kValid;

  Date event_date() const { return issue_date; }

  bool operator==(const DisabilityRecord&) const = default;
};

// death 死亡 (公安/殡葬) — key: 身份证号.
struct DeathRecord {
  static constexpr FeedKind kFeed = FeedKind::kDeath;
  ResidentId id_number;
  std::string name{};
  Date death_date{};

  Date event_date() const { return death_date; }

  bool operator==(const DeathRecord&) const = default;
};

// disaster 受灾 (应急管理局) — key: row.
struct DisasterRecord {
  static constexpr FeedKind kFeed = FeedKind::kDisaster;
  ResidentId id_number;  // the household member reported
  std::string name{};
  std::string village_code{};
  DisasterType disaster_type = DisasterType::kOther;
  Date date{};  // 受灾日期
  DisasterDamage damage = DisasterDamage::kOther;
  std::optional<Money> loss{};  // 直接经济损失

  Date event_date() const { return date; }

  bool operator==(const DisasterRecord&) const = default;
};

// poverty_monitoring 防返贫监测 (乡村振兴/农业农村) — key: 身份证号 + 识别日期.
struct PovertyMonitoringRecord {
  static constexpr FeedKind kFeed = FeedKind::kPovertyMonitoring;
  ResidentId id_number;  // household head
  std::string name{};
  MonitorType monitor_type = MonitorType::kAlleviated;
  std::optional<PovertyRisk> risk{};
  Date identified_date{};
  bool risk_cleared = false;  // 风险是否消除 (default 否)
  std::optional<Date> cleared_date{};

  Date event_date() const { return identified_date; }

  bool operator==(const PovertyMonitoringRecord&) const = default;
};

// education 教育 (教育局) — key: 身份证号 + 学年.
struct EducationRecord {
  static constexpr FeedKind kFeed = FeedKind::kEducation;
  ResidentId id_number;  // student
  std::string name{};
  EducationStage stage = EducationStage::kPrimary;
  SchoolYear school_year{};
  Money fees{};                // 学费住宿费, yuan per year
  std::optional<Money> aid{};  // 已获资助, yuan per year

  // 1 September of the school year's first year.
  Date event_date() const { return school_year.start(); }

  bool operator==(const EducationRecord&) const = default;
};

// assets 财产 (车管/不动产/市场监管/金融) — key: row.
struct AssetRecord {
  static constexpr FeedKind kFeed = FeedKind::kAssets;
  ResidentId id_number;
  std::string name{};
  AssetType asset_type = AssetType::kOther;
  Date date{};  // 登记日期
  std::string description{};
  std::optional<Money> value{};  // 估值
  RecordStatus status = RecordStatus::kValid;

  Date event_date() const { return date; }

  bool operator==(const AssetRecord&) const = default;
};

// hotline 热线工单 (12345/12349) — key: 工单号. The ID of the person in need is optional.
struct HotlineRecord {
  static constexpr FeedKind kFeed = FeedKind::kHotline;
  std::string ticket_no{};
  LocalDateTime call_time{};
  std::string caller_name{};
  std::string caller_phone{};
  std::optional<ResidentId> id_number{};
  std::string subject_name{};  // 求助人姓名
  std::string village_code{};
  std::string address{};
  std::optional<HotlineCategory> category{};
  std::string content{};

  Date event_date() const { return call_time.date; }

  bool operator==(const HotlineRecord&) const = default;
};

// applications 救助申请历史 — key: 申请编号.
struct ApplicationRecord {
  static constexpr FeedKind kFeed = FeedKind::kApplications;
  std::string application_no{};
  ResidentId id_number;  // applicant
  std::string name{};
  ApplicationType type = ApplicationType::kOther;
  Date apply_date{};
  ApplicationResult result = ApplicationResult::kPending;
  std::optional<Date> result_date{};
  std::string reason{};

  Date event_date() const { return apply_date; }

  bool operator==(const ApplicationRecord&) const = default;
};

// registry 救助对象名册 — key: 身份证号 + 类别 + 开始日期.
struct RegistryRecord {
  static constexpr FeedKind kFeed = FeedKind::kRegistry;
  ResidentId id_number;
  std::string name{};
  std::string household_no{};
  RegistryCategory category = RegistryCategory::kDibao;
  Date start_date{};
  std::optional<Date> end_date{};  // inclusive; blank = open
  std::optional<Money> monthly_amount{};

  Date event_date() const { return start_date; }

  bool operator==(const RegistryRecord&) const = default;
};

}  // namespace faxian
