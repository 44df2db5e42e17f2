// The daily deadline sweep: overdue leads notify their township once per day, met deadlines do
// not, and from 1 November a missing next-year calendar is flagged to the county admins.

#include "workflow/deadline_sweep.hpp"

#include <gtest/gtest.h>

#include "workflow/leads/lead_test_support.hpp"
#include "workflow/leads/notification_repository.hpp"

namespace faxian::workflow {
namespace {

using testing_support::day;
using testing_support::LeadTest;

class DeadlineSweepTest : public LeadTest {
 protected:
  SweepCounts sweep(std::string_view on) {
    auto counts = run_deadline_sweep(db(), clock_, calendar_, DeadlinePolicy{}, day(on));
    EXPECT_TRUE(counts.has_value()) << counts.error().to_string();
    return counts.value_or(SweepCounts{});
  }
  std::vector<Notification> notices(std::string_view region) {
    auto listed = NotificationRepository(db(), clock_).list(region, std::nullopt, false);
    EXPECT_TRUE(listed.has_value());
    return listed.value_or(std::vector<Notification>{});
  }
};

TEST_P(DeadlineSweepTest, AnOverdueLeadNotifiesItsTownshipOncePerDay) {
  // Red on Monday 2026-03-02: first contact due 03-03, verification due 03-05.
  const Lead lead = open_lead(warning_report(household_a_, WarningLevel::kRed, "2026-03-02"));
  EXPECT_EQ(sweep("2026-03-03").overdue_leads, 0);  // due today: not yet overdue
  const SweepCounts late = sweep("2026-03-04");
  EXPECT_EQ(late.overdue_leads, 1);
  EXPECT_EQ(late.notices, 1);
  EXPECT_EQ(sweep("2026-03-04").notices, 0);  // the same day again: nothing new
  const std::vector<Notification> stored = notices("500241001");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].kind, "lead_overdue");
  EXPECT_EQ(stored[0].role, "township_officer");
  EXPECT_EQ(stored[0].subject_id, lead.id);
  EXPECT_NE(stored[0].message.find("首次联系（时限 2026-03-03）"), std::string::npos);
  EXPECT_TRUE(notices("500241101").empty());  // not the other township's business
}

TEST_P(DeadlineSweepTest, AMetFirstContactLeavesOnlyTheVerificationDeadline) {
  const Lead lead = open_lead(warning_report(household_a_, WarningLevel::kRed, "2026-03-02"));
  const Actor actor = Actor::of(officer_);
  auto assigned = leads().assign(actor, lead.lead_no, lead.version, officer_.id, "");
  ASSERT_TRUE(assigned.has_value());
  auto contacted =
      leads().start_verification(actor, lead.lead_no, assigned->version, day("2026-03-03"));
  ASSERT_TRUE(contacted.has_value());
  EXPECT_EQ(sweep("2026-03-05").overdue_leads, 0);  // verification due 03-05
  const SweepCounts late = sweep("2026-03-06");
  EXPECT_EQ(late.overdue_leads, 1);
  const std::vector<Notification> stored = notices("500241001");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_NE(stored[0].message.find("核实（时限 2026-03-05）"), std::string::npos);
}

TEST_P(DeadlineSweepTest, ClosedLeadsAreNeverOverdue) {
  const Lead lead =
      verified(open_lead(warning_report(household_a_, WarningLevel::kYellow, "2026-11-20")),
               Willingness::kNo, false);
  auto closed =
      leads().decide(Actor::of(officer_), lead.lead_no, lead.version,
                     {OutcomeDecision{LeadOutcome::kNoNeed, "{}"}}, day("2026-11-25"), nullptr, "");
  ASSERT_TRUE(closed.has_value()) << closed.error().to_string();
  EXPECT_EQ(sweep("2026-12-31").overdue_leads, 0);
}

TEST_P(DeadlineSweepTest, FromNovemberAMissingNextYearCalendarIsFlaggedToTheCounty) {
  EXPECT_FALSE(sweep("2026-10-31").calendar_missing);
  const SweepCounts november = sweep("2026-11-02");
  EXPECT_TRUE(november.calendar_missing);
  EXPECT_EQ(november.notices, 1);
  auto stored = NotificationRepository(db(), clock_).list("", std::nullopt, true);
  ASSERT_TRUE(stored.has_value());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ((*stored)[0].kind, "calendar_missing");
  EXPECT_EQ((*stored)[0].role, "county_admin");
  EXPECT_NE((*stored)[0].message.find("2027"), std::string::npos);
}

FAXIAN_INSTANTIATE_STORE_TEST(DeadlineSweepTest);

}  // namespace
}  // namespace faxian::workflow
