#include "domain/feed_records.hpp"

#include <gtest/gtest.h>

#include "domain/import_batch.hpp"

namespace faxian {
namespace {

Date day(std::string_view iso) {
  return Date::parse_iso(iso).value();
}
ResidentId some_id() {
  return ResidentId::parse("50024119800101001X").value();
}

TEST(FeedRecordsTest, MedicalReversalAlwaysSubtractsItsAbsoluteSelfPay) {
  MedicalRecord record{.settlement_no = "JS1",
                       .id_number = some_id(),
                       .name = "张三",
                       .settle_date = day("2024-03-01"),
                       .total_cost = Money::from_yuan(1000),
                       .self_paid = Money::from_yuan(400)};
  EXPECT_EQ(record.counted_self_paid(), Money::from_yuan(400));
  record.settle_kind = SettleKind::kReversal;
  EXPECT_EQ(record.counted_self_paid(), Money::from_yuan(-400));
  record.self_paid = Money::from_yuan(-400);
  EXPECT_EQ(record.counted_self_paid(), Money::from_yuan(-400));
  EXPECT_EQ(record.event_date(), day("2024-03-01"));
  EXPECT_EQ(record.kFeed, FeedKind::kMedical);
}

TEST(FeedRecordsTest, DerivedSelfPayIsTotalMinusFundsWithBlanksAsZero) {
  EXPECT_EQ(MedicalRecord::derive_self_paid(Money::from_fen(100000), Money::from_fen(60000),
                                            std::nullopt, Money::from_fen(5050)),
            Money::from_fen(34950));
  EXPECT_EQ(MedicalRecord::derive_self_paid(Money::from_fen(100), std::nullopt, std::nullopt,
                                            std::nullopt),
            Money::from_fen(100));
}

TEST(FeedRecordsTest, EventDatesFollowEachFeedsDateColumn) {
  IncomeRecord income{.id_number = some_id(), .month = Month::from_ym(2024, 2).value()};
  EXPECT_EQ(income.event_date(), day("2024-02-01"));
  EducationRecord education{.id_number = some_id(),
                            .school_year = SchoolYear::parse("2023-2024").value()};
  EXPECT_EQ(education.event_date(), day("2023-09-01"));
  HotlineRecord hotline{.ticket_no = "GD1",
                        .call_time = LocalDateTime::parse_iso("2024-01-02 23:59:59").value()};
  EXPECT_EQ(hotline.event_date(), day("2024-01-02"));
  EXPECT_FALSE(hotline.id_number.has_value());
  PopulationRecord population{.id_number = some_id(), .change_date = day("2020-05-06")};
  EXPECT_EQ(population.event_date(), day("2020-05-06"));
  EXPECT_EQ(population.change_type, ChangeType::kAdd);
  RegistryRecord registry{.id_number = some_id(), .start_date = day("2021-01-01")};
  EXPECT_EQ(registry.event_date(), day("2021-01-01"));
  DeathRecord death{.id_number = some_id(), .death_date = day("2024-06-30")};
  EXPECT_EQ(death.event_date(), day("2024-06-30"));
}

TEST(SchoolYearTest, ParsesConsecutiveYearsOnly) {
  auto year = SchoolYear::parse("2023-2024");
  ASSERT_TRUE(year.has_value());
  EXPECT_EQ(year->start(), day("2023-09-01"));
  EXPECT_EQ(year->str(), "2023-2024");
  EXPECT_FALSE(SchoolYear::parse("2023-2025").has_value());
  EXPECT_FALSE(SchoolYear::parse("2023/2024").has_value());
  EXPECT_FALSE(SchoolYear::parse("23-24").has_value());
  EXPECT_FALSE(SchoolYear::parse("").has_value());
}

TEST(LocalDateTimeTest, ParsesFormatsAndConvertsToUnixAsChinaTime) {
  auto time = LocalDateTime::parse_iso("2024-01-01 08:00:00");
  ASSERT_TRUE(time.has_value());
  EXPECT_EQ(time->to_unix(), 1704067200);  // 2024-01-01T00:00:00Z
  EXPECT_EQ(time->iso(), "2024-01-01 08:00:00");
  EXPECT_EQ(LocalDateTime::parse_iso("2024-01-01T23:05:09")->iso(), "2024-01-01 23:05:09");
  EXPECT_FALSE(LocalDateTime::parse_iso("2024-01-01 24:00:00").has_value());
  EXPECT_FALSE(LocalDateTime::parse_iso("2024-02-30 10:00:00").has_value());
  EXPECT_FALSE(LocalDateTime::parse_iso("2024-01-01 10:00").has_value());
  EXPECT_LT(*LocalDateTime::parse_iso("2024-01-01 10:00:00"),
            *LocalDateTime::parse_iso("2024-01-01 10:00:01"));
}

TEST(ImportBatchTest, StatusKeysRoundTrip) {
  for (BatchStatus status : {BatchStatus::kRunning, BatchStatus::kCommitted, BatchStatus::kRejected,
                             BatchStatus::kFailed}) {
    EXPECT_EQ(enum_from_key<BatchStatus>(enum_key(status)), status);
  }
  ImportBatch batch;
  EXPECT_EQ(batch.status, BatchStatus::kRunning);
  EXPECT_TRUE(batch.errors.empty());
}

}  // namespace
}  // namespace faxian
