#pragma once
// How each feed record type maps to its table's feed-specific columns (migration 2). The common
// columns (batch, row, keys, person, event date, history) are handled by FeedRecordRepository.
// For each record type: kTable, kColumns (in bind/read order), bind() and read(). A record's
// own date column is the table's event_date, so read() gets it from there.

#include <optional>
#include <string_view>

#include "common/date.hpp"
#include "domain/feed_records.hpp"
#include "store/row_codec.hpp"

namespace faxian {

template <typename T>
struct FeedCodec;

#define FAXIAN_FEED_CODEC_FUNCTIONS(T)                                               \
  static void bind(ParamBinder& binder, const T& record);                            \
  /* Reads the linked person's resident ID column, then kColumns. Hotline tickets */ \
  /* skip the former: they keep the ID as written in their own column. */            \
  static T read(RowReader& reader, Date event_date)

template <>
struct FeedCodec<PopulationRecord> {
  static constexpr std::string_view kTable = "feed_population";
  static constexpr std::string_view kColumns[] = {"household_no", "name",    "relation",
                                                  "village_code", "address", "ethnicity",
                                                  "hukou_type",   "phone",   "change_type"};
  FAXIAN_FEED_CODEC_FUNCTIONS(PopulationRecord);
};

template <>
struct FeedCodec<MedicalRecord> {
  static constexpr std::string_view kTable = "feed_medical";
  static constexpr std::string_view kColumns[] = {
      "settlement_no",  "name",           "settle_kind", "visit_type", "total_cost",
      "fund_paid",      "critical_paid",  "aid_paid",    "self_paid",  "self_paid_derived",
      "diagnosis_code", "diagnosis_name", "hospital"};
  FAXIAN_FEED_CODEC_FUNCTIONS(MedicalRecord);
};

template <>
struct FeedCodec<EmploymentRecord> {
  static constexpr std::string_view kTable = "feed_employment";
  static constexpr std::string_view kColumns[] = {"name", "event", "employer", "contribution_base"};
  FAXIAN_FEED_CODEC_FUNCTIONS(EmploymentRecord);
};

template <>
struct FeedCodec<IncomeRecord> {
  static constexpr std::string_view kTable = "feed_income";
  static constexpr std::string_view kColumns[] = {"name", "month", "income_type", "amount",
                                                  "source_dept"};
  FAXIAN_FEED_CODEC_FUNCTIONS(IncomeRecord);
};

template <>
struct FeedCodec<DisabilityRecord> {
  static constexpr std::string_view kTable = "feed_disability";
  static constexpr std::string_view kColumns[] = {"name", "category", "grade", "status"};
  FAXIAN_FEED_CODEC_FUNCTIONS(DisabilityRecord);
};

template <>
struct FeedCodec<DeathRecord> {
  static constexpr std::string_view kTable = "feed_death";
  static constexpr std::string_view kColumns[] = {"name"};
  FAXIAN_FEED_CODEC_FUNCTIONS(DeathRecord);
};

template <>
struct FeedCodec<DisasterRecord> {
  static constexpr std::string_view kTable = "feed_disaster";
  static constexpr std::string_view kColumns[] = {"name", "village_code", "disaster_type", "damage",
                                                  "loss"};
  FAXIAN_FEED_CODEC_FUNCTIONS(DisasterRecord);
};

template <>
struct FeedCodec<PovertyMonitoringRecord> {
  static constexpr std::string_view kTable = "feed_poverty_monitoring";
  static constexpr std::string_view kColumns[] = {"name", "monitor_type", "risk", "risk_cleared",
                                                  "cleared_date"};
  FAXIAN_FEED_CODEC_FUNCTIONS(PovertyMonitoringRecord);
};

template <>
struct FeedCodec<EducationRecord> {
  static constexpr std::string_view kTable = "feed_education";
  static constexpr std::string_view kColumns[] = {"name", "stage", "school_year", "fees", "aid"};
  FAXIAN_FEED_CODEC_FUNCTIONS(EducationRecord);
};

template <>
struct FeedCodec<AssetRecord> {
  static constexpr std::string_view kTable = "feed_assets";
  static constexpr std::string_view kColumns[] = {"name", "asset_type", "description", "value",
                                                  "status"};
  FAXIAN_FEED_CODEC_FUNCTIONS(AssetRecord);
};

template <>
struct FeedCodec<HotlineRecord> {
  static constexpr std::string_view kTable = "feed_hotline";
  static constexpr std::string_view kColumns[] = {
      "ticket_no",    "call_time",    "caller_name", "caller_phone", "id_number",
      "subject_name", "village_code", "address",     "category",     "content"};
  FAXIAN_FEED_CODEC_FUNCTIONS(HotlineRecord);
};

template <>
struct FeedCodec<ApplicationRecord> {
  static constexpr std::string_view kTable = "feed_applications";
  static constexpr std::string_view kColumns[] = {"application_no", "name",        "type",
                                                  "result",         "result_date", "reason"};
  FAXIAN_FEED_CODEC_FUNCTIONS(ApplicationRecord);
};

template <>
struct FeedCodec<RegistryRecord> {
  static constexpr std::string_view kTable = "feed_registry";
  static constexpr std::string_view kColumns[] = {"name", "household_no", "category", "end_date",
                                                  "monthly_amount"};
  FAXIAN_FEED_CODEC_FUNCTIONS(RegistryRecord);
};

#undef FAXIAN_FEED_CODEC_FUNCTIONS

}  // namespace faxian
