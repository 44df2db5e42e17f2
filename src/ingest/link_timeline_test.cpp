// The 户籍 readings of 30-screening.md, on hand-written rows: joining, leaving, moving, the same
// date, the latest description, the earliest 死亡注销.

#include "ingest/link_timeline.hpp"

#include <gtest/gtest.h>

#include "ingest/import_test_support.hpp"

namespace faxian::ingest {
namespace {

using testing_support::day;
using testing_support::valid_id;

PopulationRecord row(std::string household_no, ChangeType change, std::string_view date,
                     Relation relation = Relation::kSon) {
  PopulationRecord record{.household_no = std::move(household_no),
                          .id_number = ResidentId::parse(valid_id("19800101", 11)).value()};
  record.name = "张三";
  record.relation = relation;
  record.village_code = "500241001001";
  record.change_type = change;
  record.change_date = day(date);
  return record;
}

PersonTimeline timeline_of(const std::vector<PopulationRecord>& records) {
  std::vector<TimelineRow> rows;
  for (std::size_t index = 0; index < records.size(); ++index)
    rows.push_back({&records[index], static_cast<int64_t>(index + 1)});
  return build_person_timeline(std::move(rows));
}

TEST(PersonTimeline, JoinsOnAddAndLeavesOnMoveOutExclusive) {
  const auto timeline = timeline_of(
      {row("H1", ChangeType::kAdd, "2020-01-01"), row("H1", ChangeType::kMoveOut, "2023-05-01")});
  ASSERT_EQ(timeline.spans.size(), 1u);
  EXPECT_EQ(timeline.spans[0],
            (TimelineSpan{"H1", day("2020-01-01"), day("2023-05-01"), Relation::kSon}));
  EXPECT_FALSE(timeline.death_cancelled);
}

TEST(PersonTimeline, RowsInAnyOrderGiveTheSameTimeline) {
  const auto forward = timeline_of({row("H1", ChangeType::kAdd, "2020-01-01"),
                                    row("H2", ChangeType::kUpdate, "2022-03-01"),
                                    row("H2", ChangeType::kMoveOut, "2024-01-01")});
  const auto backward = timeline_of({row("H2", ChangeType::kMoveOut, "2024-01-01"),
                                     row("H2", ChangeType::kUpdate, "2022-03-01"),
                                     row("H1", ChangeType::kAdd, "2020-01-01")});
  EXPECT_EQ(forward.spans, backward.spans);
  ASSERT_EQ(forward.spans.size(), 2u);
  EXPECT_EQ(forward.spans[0].to, day("2022-03-01"));
  EXPECT_EQ(forward.spans[1].household_no, "H2");
  EXPECT_EQ(forward.spans[1].to, day("2024-01-01"));
}

TEST(PersonTimeline, AnUpdateInTheSameHouseholdDoesNotMoveButChangesTheRelation) {
  const auto timeline =
      timeline_of({row("H1", ChangeType::kAdd, "2020-01-01", Relation::kSon),
                   row("H1", ChangeType::kUpdate, "2023-01-01", Relation::kHead)});
  ASSERT_EQ(timeline.spans.size(), 1u);
  EXPECT_FALSE(timeline.spans[0].to);
  EXPECT_EQ(timeline.spans[0].relation, Relation::kHead);
}

TEST(PersonTimeline, OnOneDateLeavingIsAppliedBeforeJoining) {
  // Written join-first, on the same date: the person still ends up a member of H2.
  const auto timeline = timeline_of({row("H1", ChangeType::kAdd, "2020-01-01"),
                                     row("H2", ChangeType::kAdd, "2023-06-01"),
                                     row("H1", ChangeType::kMoveOut, "2023-06-01")});
  ASSERT_EQ(timeline.spans.size(), 2u);
  EXPECT_EQ(timeline.spans[0].to, day("2023-06-01"));
  EXPECT_EQ(timeline.spans[1].household_no, "H2");
  EXPECT_FALSE(timeline.spans[1].to);
}

TEST(PersonTimeline, LeavingAndRejoiningOnOneDateKeepsTheMembership) {
  const auto timeline = timeline_of(
      {row("H1", ChangeType::kAdd, "2023-06-01"), row("H1", ChangeType::kMoveOut, "2023-06-01")});
  ASSERT_EQ(timeline.spans.size(), 1u);
  EXPECT_FALSE(timeline.spans[0].to);
}

TEST(PersonTimeline, TheEarliestDeathCancellationIsKeptAndEndsTheMembership) {
  const auto timeline = timeline_of({row("H1", ChangeType::kAdd, "2000-01-01"),
                                     row("H1", ChangeType::kDeath, "2024-03-09"),
                                     row("H1", ChangeType::kDeath, "2024-03-02")});
  EXPECT_EQ(timeline.death_cancelled, day("2024-03-02"));
  ASSERT_EQ(timeline.spans.size(), 1u);
  EXPECT_EQ(timeline.spans[0].to, day("2024-03-02"));
}

TEST(PersonTimeline, TheLatestRowsDescribeThePersonFieldByField) {
  auto first = row("H1", ChangeType::kAdd, "2000-01-01");
  first.ethnicity = Ethnicity::kTujia;
  first.phone = "13800000000";
  auto later = row("H1", ChangeType::kUpdate, "2024-01-01", Relation::kHead);
  later.name = "张叁";
  later.hukou_type = HukouType::kResident;
  const auto timeline = timeline_of({later, first});
  ASSERT_TRUE(timeline.registration);
  EXPECT_EQ(timeline.registration->name, "张叁");
  EXPECT_EQ(timeline.registration->relation, Relation::kHead);
  EXPECT_EQ(timeline.registration->ethnicity, Ethnicity::kTujia);
  EXPECT_EQ(timeline.registration->hukou_type, HukouType::kResident);
  EXPECT_EQ(timeline.registration->phone, "13800000000");
  ASSERT_EQ(timeline.sightings.size(), 2u);
  EXPECT_TRUE(timeline.sightings[1].by_head);
}

TEST(PersonTimeline, AMoveOutBeforeAnyJoinLeavesNoSpan) {
  const auto timeline = timeline_of({row("H1", ChangeType::kMoveOut, "2023-01-01")});
  EXPECT_TRUE(timeline.spans.empty());
  EXPECT_TRUE(timeline.registration.has_value());
}

}  // namespace
}  // namespace faxian::ingest
