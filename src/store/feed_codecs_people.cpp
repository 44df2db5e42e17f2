// Codecs of the feeds about who people are and what they hold: population, death, disability,
// poverty monitoring, applications, registry, hotline.

#include "store/feed_codecs.hpp"

namespace faxian {

void FeedCodec<PopulationRecord>::bind(ParamBinder& binder, const PopulationRecord& record) {
  binder.text(record.household_no)
      .text(record.name)
      .enumeration(record.relation)
      .text(record.village_code)
      .text(record.address)
      .enumeration(record.ethnicity)
      .enumeration(record.hukou_type)
      .text(record.phone)
      .enumeration(record.change_type);
}

PopulationRecord FeedCodec<PopulationRecord>::read(RowReader& reader, Date event_date) {
  ResidentId id_number = reader.resident_id();
  return PopulationRecord{.household_no = reader.text(),
                          .id_number = std::move(id_number),
                          .name = reader.text(),
                          .relation = reader.enumeration<Relation>(),
                          .village_code = reader.text(),
                          .address = reader.text(),
                          .ethnicity = reader.optional_enumeration<Ethnicity>(),
                          .hukou_type = reader.optional_enumeration<HukouType>(),
                          .phone = reader.text(),
                          .change_type = reader.enumeration<ChangeType>(),
                          .change_date = event_date};
}

void FeedCodec<DeathRecord>::bind(ParamBinder& binder, const DeathRecord& record) {
  binder.text(record.name);
}

DeathRecord FeedCodec<DeathRecord>::read(RowReader& reader, Date event_date) {
  return DeathRecord{
      .id_number = reader.resident_id(), .name = reader.text(), .death_date = event_date};
}

void FeedCodec<DisabilityRecord>::bind(ParamBinder& binder, const DisabilityRecord& record) {
  binder.text(record.name)
      .enumeration(record.category)
      .integer(disability_grade_number(record.grade))
      .enumeration(record.status);
}

DisabilityRecord FeedCodec<DisabilityRecord>::read(RowReader& reader, Date event_date) {
  DisabilityRecord record{.id_number = reader.resident_id(),
                          .name = reader.text(),
                          .category = reader.enumeration<DisabilityCategory>()};
  const int64_t grade = reader.integer();
  record.grade = static_cast<DisabilityGrade>(grade >= 1 && grade <= 4 ? grade : 4);
  record.issue_date = event_date;
  record.status = reader.enumeration<RecordStatus>();
  return record;
}

void FeedCodec<PovertyMonitoringRecord>::bind(ParamBinder& binder,
                                              const PovertyMonitoringRecord& record) {
  binder.text(record.name)
      .enumeration(record.monitor_type)
      .enumeration(record.risk)
      .boolean(record.risk_cleared)
      .date(record.cleared_date);
}

PovertyMonitoringRecord FeedCodec<PovertyMonitoringRecord>::read(RowReader& reader,
                                                                 Date event_date) {
  return PovertyMonitoringRecord{.id_number = reader.resident_id(),
                                 .name = reader.text(),
                                 .monitor_type = reader.enumeration<MonitorType>(),
                                 .risk = reader.optional_enumeration<PovertyRisk>(),
                                 .identified_date = event_date,
                                 .risk_cleared = reader.boolean(),
                                 .cleared_date = reader.optional_date()};
}

void FeedCodec<ApplicationRecord>::bind(ParamBinder& binder, const ApplicationRecord& record) {
  binder.text(record.application_no)
      .text(record.name)
      .enumeration(record.type)
      .enumeration(record.result)
      .date(record.result_date)
      .text(record.reason);
}

ApplicationRecord FeedCodec<ApplicationRecord>::read(RowReader& reader, Date event_date) {
  ResidentId id_number = reader.resident_id();
  return ApplicationRecord{.application_no = reader.text(),
                           .id_number = std::move(id_number),
                           .name = reader.text(),
                           .type = reader.enumeration<ApplicationType>(),
                           .apply_date = event_date,
                           .result = reader.enumeration<ApplicationResult>(),
                           .result_date = reader.optional_date(),
                           .reason = reader.text()};
}

void FeedCodec<RegistryRecord>::bind(ParamBinder& binder, const RegistryRecord& record) {
  binder.text(record.name)
      .text(record.household_no)
      .enumeration(record.category)
      .date(record.end_date)
      .money(record.monthly_amount);
}

RegistryRecord FeedCodec<RegistryRecord>::read(RowReader& reader, Date event_date) {
  return RegistryRecord{.id_number = reader.resident_id(),
                        .name = reader.text(),
                        .household_no = reader.text(),
                        .category = reader.enumeration<RegistryCategory>(),
                        .start_date = event_date,
                        .end_date = reader.optional_date(),
                        .monthly_amount = reader.optional_money()};
}

void FeedCodec<HotlineRecord>::bind(ParamBinder& binder, const HotlineRecord& record) {
  binder.text(record.ticket_no)
      .text(record.call_time.iso())
      .text(record.caller_name)
      .text(record.caller_phone);
  if (record.id_number) {
    binder.resident_id(*record.id_number);
  } else {
    binder.null();
  }
  binder.text(record.subject_name)
      .text(record.village_code)
      .text(record.address)
      .enumeration(record.category)
      .text(record.content);
}

HotlineRecord FeedCodec<HotlineRecord>::read(RowReader& reader, Date event_date) {
  reader.skip();  // the linked person's ID; the ticket keeps its own
  HotlineRecord record{.ticket_no = reader.text()};
  const std::string call_time = reader.text();
  auto parsed = LocalDateTime::parse_iso(call_time);
  // A malformed stored time keeps the event date; the CHECK constraint makes it unreachable.
  record.call_time = parsed ? *parsed : LocalDateTime{event_date, 0};
  record.caller_name = reader.text();
  record.caller_phone = reader.text();
  record.id_number = reader.optional_resident_id();
  record.subject_name = reader.text();
  record.village_code = reader.text();
  record.address = reader.text();
  record.category = reader.optional_enumeration<HotlineCategory>();
  record.content = reader.text();
  return record;
}

}  // namespace faxian
