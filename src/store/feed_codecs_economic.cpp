// Codecs of the feeds about money and circumstances: medical, employment, income, education,
// assets, disaster.

#include "store/feed_codecs.hpp"

namespace faxian {

void FeedCodec<MedicalRecord>::bind(ParamBinder& binder, const MedicalRecord& record) {
  binder.text(record.settlement_no)
      .text(record.name)
      .enumeration(record.settle_kind)
      .enumeration(record.visit_type)
      .money(record.total_cost)
      .money(record.fund_paid)
      .money(record.critical_paid)
      .money(record.aid_paid)
      .money(record.self_paid)
      .boolean(record.self_paid_derived)
      .text(record.diagnosis_code)
      .text(record.diagnosis_name)
      .text(record.hospital);
}

MedicalRecord FeedCodec<MedicalRecord>::read(RowReader& reader, Date event_date) {
  ResidentId id_number = reader.resident_id();
  return MedicalRecord{.settlement_no = reader.text(),
                       .id_number = std::move(id_number),
                       .name = reader.text(),
                       .settle_date = event_date,
                       .settle_kind = reader.enumeration<SettleKind>(),
                       .visit_type = reader.optional_enumeration<VisitType>(),
                       .total_cost = reader.money(),
                       .fund_paid = reader.optional_money(),
                       .critical_paid = reader.optional_money(),
                       .aid_paid = reader.optional_money(),
                       .self_paid = reader.money(),
                       .self_paid_derived = reader.boolean(),
                       .diagnosis_code = reader.text(),
                       .diagnosis_name = reader.text(),
                       .hospital = reader.text()};
}

void FeedCodec<EmploymentRecord>::bind(ParamBinder& binder, const EmploymentRecord& record) {
  binder.text(record.name)
      .enumeration(record.event)
      .text(record.employer)
      .money(record.contribution_base);
}

EmploymentRecord FeedCodec<EmploymentRecord>::read(RowReader& reader, Date event_date) {
  return EmploymentRecord{.id_number = reader.resident_id(),
                          .name = reader.text(),
                          .event = reader.enumeration<EmploymentEvent>(),
                          .date = event_date,
                          .employer = reader.text(),
                          .contribution_base = reader.optional_money()};
}

void FeedCodec<IncomeRecord>::bind(ParamBinder& binder, const IncomeRecord& record) {
  binder.text(record.name)
      .month(record.month)
      .enumeration(record.income_type)
      .money(record.amount)
      .text(record.source_dept);
}

IncomeRecord FeedCodec<IncomeRecord>::read(RowReader& reader, Date /*event_date*/) {
  return IncomeRecord{.id_number = reader.resident_id(),
                      .name = reader.text(),
                      .month = reader.month(),
                      .income_type = reader.enumeration<IncomeType>(),
                      .amount = reader.money(),
                      .source_dept = reader.text()};
}

void FeedCodec<EducationRecord>::bind(ParamBinder& binder, const EducationRecord& record) {
  binder.text(record.name)
      .enumeration(record.stage)
      .text(record.school_year.str())
      .money(record.fees)
      .money(record.aid);
}

EducationRecord FeedCodec<EducationRecord>::read(RowReader& reader, Date event_date) {
  EducationRecord record{.id_number = reader.resident_id(),
                         .name = reader.text(),
                         .stage = reader.enumeration<EducationStage>()};
  auto school_year = SchoolYear::parse(reader.text());
  // The CHECK constraint and the event date (1 September of the first year) agree; fall back
  // to the event date's year should the text ever be malformed.
  record.school_year = school_year ? *school_year : SchoolYear{event_date.year()};
  record.fees = reader.money();
  record.aid = reader.optional_money();
  return record;
}

void FeedCodec<AssetRecord>::bind(ParamBinder& binder, const AssetRecord& record) {
  binder.text(record.name)
      .enumeration(record.asset_type)
      .text(record.description)
      .money(record.value)
      .enumeration(record.status);
}

AssetRecord FeedCodec<AssetRecord>::read(RowReader& reader, Date event_date) {
  return AssetRecord{.id_number = reader.resident_id(),
                     .name = reader.text(),
                     .asset_type = reader.enumeration<AssetType>(),
                     .date = event_date,
                     .description = reader.text(),
                     .value = reader.optional_money(),
                     .status = reader.enumeration<RecordStatus>()};
}

void FeedCodec<DisasterRecord>::bind(ParamBinder& binder, const DisasterRecord& record) {
  binder.text(record.name)
      .text(record.village_code)
      .enumeration(record.disaster_type)
      .enumeration(record.damage)
      .money(record.loss);
}

DisasterRecord FeedCodec<DisasterRecord>::read(RowReader& reader, Date event_date) {
  return DisasterRecord{.id_number = reader.resident_id(),
                        .name = reader.text(),
                        .village_code = reader.text(),
                        .disaster_type = reader.enumeration<DisasterType>(),
                        .date = event_date,
                        .damage = reader.enumeration<DisasterDamage>(),
                        .loss = reader.optional_money()};
}

}  // namespace faxian
