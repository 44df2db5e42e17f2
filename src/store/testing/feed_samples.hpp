#pragma once
// One sample record per feed for the store tests, in two variants: 0 fills every field, 1
// changes the content and leaves the optional fields blank (a correction of variant 0).

#include "domain/feed_records.hpp"

namespace faxian::testing_support {

inline ResidentId sample_id() {
  return ResidentId::parse("50024119800101001X").value();
}
inline Date sample_day(std::string_view iso) {
  return Date::parse_iso(iso).value();
}

template <typename T>
T sample_record(int variant);

template <>
inline PopulationRecord sample_record<PopulationRecord>(int variant) {
  PopulationRecord record{.household_no = "5002410010010001",
                          .id_number = sample_id(),
                          .name = "张三",
                          .relation = Relation::kHead,
                          .village_code = "500241001001",
                          .address = "东风路1号",
                          .ethnicity = Ethnicity::kTujia,
                          .hukou_type = HukouType::kResident,
                          .phone = "13800001111",
                          .change_type = ChangeType::kAdd,
                          .change_date = sample_day("2020-01-15")};
  if (variant == 1) {
    record.address = "东风路2号";
    record.ethnicity.reset();
    record.hukou_type.reset();
  }
  return record;
}

template <>
inline MedicalRecord sample_record<MedicalRecord>(int variant) {
  MedicalRecord record{.settlement_no = "JS20240301001",
                       .id_number = sample_id(),
                       .name = "张三",
                       .settle_date = sample_day("2024-03-01"),
                       .settle_kind = SettleKind::kNormal,
                       .visit_type = VisitType::kInpatient,
                       .total_cost = Money::from_fen(3821050),
                       .fund_paid = Money::from_fen(2000000),
                       .critical_paid = Money::from_fen(500000),
                       .aid_paid = Money::from_fen(100000),
                       .self_paid = Money::from_fen(1221050),
                       .self_paid_derived = false,
                       .diagnosis_code = "C34.9",
                       .diagnosis_name = "肺恶性肿瘤",
                       .hospital = "秀山县人民医院"};
  if (variant == 1) {
    record.visit_type.reset();
    record.fund_paid.reset();
    record.critical_paid.reset();
    record.aid_paid.reset();
    record.self_paid = record.total_cost;
    record.self_paid_derived = true;
  }
  return record;
}

template <>
inline EmploymentRecord sample_record<EmploymentRecord>(int variant) {
  EmploymentRecord record{.id_number = sample_id(),
                          .name = "张三",
                          .event = EmploymentEvent::kUnemployed,
                          .date = sample_day("2024-02-10"),
                          .employer = "秀山某锰业公司",
                          .contribution_base = Money::from_yuan(3500)};
  if (variant == 1) {
    record.employer.clear();
    record.contribution_base.reset();
  }
  return record;
}

template <>
inline IncomeRecord sample_record<IncomeRecord>(int variant) {
  IncomeRecord record{.id_number = sample_id(),
                      .name = "张三",
                      .month = Month::from_ym(2024, 1).value(),
                      .income_type = IncomeType::kWage,
                      .amount = Money::from_fen(280050),
                      .source_dept = "税务"};
  if (variant == 1)
    record.amount = Money::from_fen(180000);
  return record;
}

template <>
inline DisabilityRecord sample_record<DisabilityRecord>(int variant) {
  DisabilityRecord record{.id_number = sample_id(),
                          .name = "张三",
                          .category = DisabilityCategory::kPhysical,
                          .grade = DisabilityGrade::kGrade2,
                          .issue_date = sample_day("2023-11-20"),
                          .status = RecordStatus::kValid};
  if (variant == 1)
    record.status = RecordStatus::kRevoked;
  return record;
}

template <>
inline DeathRecord sample_record<DeathRecord>(int variant) {
  return DeathRecord{.id_number = sample_id(),
                     .name = variant == 0 ? "张三" : "张叁",
                     .death_date = sample_day("2024-04-02")};
}

template <>
inline DisasterRecord sample_record<DisasterRecord>(int variant) {
  DisasterRecord record{.id_number = sample_id(),
                        .name = "张三",
                        .village_code = "500241101200",
                        .disaster_type = DisasterType::kFlood,
                        .date = sample_day("2024-05-18"),
                        .damage = DisasterDamage::kHouseCollapsed,
                        .loss = Money::from_yuan(80000)};
  if (variant == 1) {
    record.village_code.clear();
    record.loss.reset();
  }
  return record;
}

template <>
inline PovertyMonitoringRecord sample_record<PovertyMonitoringRecord>(int variant) {
  PovertyMonitoringRecord record{.id_number = sample_id(),
                                 .name = "张三",
                                 .monitor_type = MonitorType::kUnstable,
                                 .risk = PovertyRisk::kIllness,
                                 .identified_date = sample_day("2022-07-01"),
                                 .risk_cleared = true,
                                 .cleared_date = sample_day("2023-07-01")};
  if (variant == 1) {
    record.risk.reset();
    record.risk_cleared = false;
    record.cleared_date.reset();
  }
  return record;
}

template <>
inline EducationRecord sample_record<EducationRecord>(int variant) {
  EducationRecord record{.id_number = sample_id(),
                         .name = "张三",
                         .stage = EducationStage::kUndergraduate,
                         .school_year = SchoolYear::parse("2023-2024").value(),
                         .fees = Money::from_yuan(9800),
                         .aid = Money::from_yuan(4000)};
  if (variant == 1)
    record.aid.reset();
  return record;
}

template <>
inline AssetRecord sample_record<AssetRecord>(int variant) {
  AssetRecord record{.id_number = sample_id(),
                     .name = "张三",
                     .asset_type = AssetType::kVehicle,
                     .date = sample_day("2021-08-08"),
                     .description = "渝D·12345 小型轿车",
                     .value = Money::from_yuan(65000),
                     .status = RecordStatus::kValid};
  if (variant == 1) {
    record.description.clear();
    record.value.reset();
  }
  return record;
}

template <>
inline HotlineRecord sample_record<HotlineRecord>(int variant) {
  HotlineRecord record{.ticket_no = "12345-20240520-0001",
                       .call_time = LocalDateTime::parse_iso("2024-05-20 21:07:33").value(),
                       .caller_name = "李四",
                       .caller_phone = "13911112222",
                       .id_number = sample_id(),
                       .subject_name = "张三",
                       .village_code = "500241101200",
                       .address = "大寨村三组",
                       .category = HotlineCategory::kLiving,
                       .content = "老人独居，生活困难"};
  if (variant == 1) {
    record.id_number.reset();
    record.category.reset();
    record.content = "老人独居，无人照料";
  }
  return record;
}

template <>
inline ApplicationRecord sample_record<ApplicationRecord>(int variant) {
  ApplicationRecord record{.application_no = "SQ2023000123",
                           .id_number = sample_id(),
                           .name = "张三",
                           .type = ApplicationType::kDibao,
                           .apply_date = sample_day("2023-03-01"),
                           .result = ApplicationResult::kRejected,
                           .result_date = sample_day("2023-04-10"),
                           .reason = "家庭收入超过标准"};
  if (variant == 1) {
    record.result = ApplicationResult::kPending;
    record.result_date.reset();
    record.reason.clear();
  }
  return record;
}

template <>
inline RegistryRecord sample_record<RegistryRecord>(int variant) {
  RegistryRecord record{.id_number = sample_id(),
                        .name = "张三",
                        .household_no = "5002410010010001",
                        .category = RegistryCategory::kExpenditureHardship,
                        .start_date = sample_day("2023-01-01"),
                        .end_date = sample_day("2023-12-31"),
                        .monthly_amount = Money::from_fen(61000)};
  if (variant == 1) {
    record.end_date.reset();
    record.monthly_amount.reset();
  }
  return record;
}

}  // namespace faxian::testing_support
