// Lead intake: numbering, deadlines by level from the working-day calendar (春节 2026 with its
// make-up workdays, checked against the npm chinese-days oracle), deduplication onto the
// household's open lead, unidentified subjects and their candidates, the history row.

#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "common/node_oracle_for_tests.hpp"
#include "store/person_repository.hpp"
#include "store/query.hpp"
#include "workflow/leads/lead_numbering.hpp"
#include "workflow/leads/lead_test_support.hpp"

namespace faxian::workflow {
namespace {

using testing_support::day;
using testing_support::LeadTest;

class LeadIntakeTest : public LeadTest {};

TEST_P(LeadIntakeTest, NumbersLeadsByReportedDayWithTheCountyPrefix) {
  const Lead first = open_lead(warning_report(household_a_, WarningLevel::kRed));
  const Lead second = open_lead(warning_report(household_b_, WarningLevel::kYellow));
  IntakeRequest next_day = warning_report(household_a_, WarningLevel::kRed, "2026-11-21", "9");
  next_day.household_id.reset();
  next_day.subject.name = "李四";
  next_day.village_code = "500241101200";
  const Lead third = open_lead(next_day);
  EXPECT_EQ(first.lead_no, "XS20261120-0001");
  EXPECT_EQ(second.lead_no, "XS20261120-0002");
  EXPECT_EQ(third.lead_no, "XS20261121-0001");
}

TEST_P(LeadIntakeTest, PrefixIsThePinyinInitialsOfTheCountyUnlessConfigured) {
  EXPECT_EQ(pinyin_initials("秀山县"), "XS");
  EXPECT_EQ(pinyin_initials("秀山土家族苗族自治县"), "XS");
  EXPECT_EQ(pinyin_initials("酉阳土家族苗族自治县"), "YY");
  EXPECT_EQ(pinyin_initials("渝中区"), "YZ");
  EXPECT_EQ(pinyin_initials("Springfield"), "");
  ASSERT_TRUE(db().run("INSERT INTO workflow_settings VALUES ('lead.number_prefix', 'QX', 'a', 0)")
                  .has_value());
  EXPECT_EQ(open_lead(warning_report(household_a_, WarningLevel::kRed)).lead_no, "QX20261120-0001");
}

TEST_P(LeadIntakeTest, PlacesTheLeadInTheHouseholdsTownshipInboxWithDeadlinesOfItsLevel) {
  const Lead lead = open_lead(warning_report(household_a_, WarningLevel::kOrange));
  EXPECT_EQ(lead.township_code, "500241001");
  EXPECT_EQ(lead.village_code, "500241001001");
  EXPECT_EQ(lead.household_no, "5002410010010001");
  EXPECT_EQ(lead.status, LeadStatus::kNew);
  EXPECT_EQ(lead.version, 1);
  EXPECT_EQ(lead.created_on, day("2026-11-20"));         // a Friday
  EXPECT_EQ(lead.first_contact_due, day("2026-11-25"));  // 3 working days
  EXPECT_EQ(lead.verification_due, day("2026-12-01"));   // 7 working days
  ASSERT_EQ(lead.sources.size(), 1u);
  EXPECT_EQ(lead.sources[0].source, LeadSource::kDataWarning);
  auto history = leads().history(lead.id);
  ASSERT_TRUE(history.has_value());
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].action, "intake");
  EXPECT_EQ((*history)[0].actor, "system");
}

TEST_P(LeadIntakeTest, RedLeadOfFridayBeforeSpringFestivalIsDueOnTheMakeUpSaturday) {
  // 2026-02-13 is the Friday before 春节 (holidays 02-15…02-23); 02-14 (Saturday) is a make-up
  // working day, so one working day later is that Saturday, and three are 02-14, 02-24, 02-25.
  const Lead lead = open_lead(warning_report(household_a_, WarningLevel::kRed, "2026-02-13"));
  EXPECT_EQ(lead.first_contact_due, day("2026-02-14"));
  EXPECT_EQ(lead.verification_due, day("2026-02-25"));
  const Lead yellow = open_lead(warning_report(household_b_, WarningLevel::kYellow, "2026-02-13"));
  // Seven: 02-14, 02-24, 02-25, 02-26, 02-27, 02-28 (the second make-up Saturday), 03-02.
  EXPECT_EQ(yellow.first_contact_due, day("2026-03-02"));
}

TEST_P(LeadIntakeTest, DeadlinesAcrossSpringFestival2026EqualTheChineseDaysOracle) {
  // For every reported day of January–March 2026 and every level, the deadlines equal
  // chinese-days' findWorkday(n, day) for the level's working days.
  auto lines = faxian::testing_support::run_node_oracle("check_workdays.mjs",
                                                        "2026-01-01 2026-03-31", "chinese-days");
  ASSERT_TRUE(lines.has_value());
  const DeadlinePolicy policy;
  int checked = 0;
  for (const std::string& line : *lines) {
    if (line.empty())
      continue;
    std::istringstream fields(line);
    std::string iso, workday, f1, f5, f10, f20;
    fields >> iso >> workday >> f1 >> f5 >> f10 >> f20;
    const std::map<int, std::string> oracle = {{1, f1}, {5, f5}, {10, f10}, {20, f20}};
    for (WarningLevel level : {WarningLevel::kYellow, WarningLevel::kOrange, WarningLevel::kRed}) {
      const LeadDeadlines due = lead_deadlines(calendar_, policy, day(iso), level);
      ASSERT_TRUE(due.first_contact && due.verification);
      const int first = policy.first_contact_days(level);
      if (auto expected = oracle.find(first); expected != oracle.end()) {
        EXPECT_EQ(due.first_contact->iso(), expected->second) << iso << " level " << int(level);
        ++checked;
      }
      // Every other count is checked by walking the oracle's own working-day flags below.
    }
  }
  EXPECT_EQ(checked, 90);  // red (1 working day) on each of the 90 days
  // Every count the policy uses, against the oracle's per-day working flags.
  std::vector<std::pair<std::string, bool>> days;
  for (const std::string& line : *lines) {
    std::istringstream fields(line);
    std::string iso, workday;
    fields >> iso >> workday;
    if (!iso.empty())
      days.emplace_back(iso, workday == "1");
  }
  for (size_t start = 0; start < 40; ++start) {
    for (WarningLevel level : {WarningLevel::kYellow, WarningLevel::kOrange, WarningLevel::kRed}) {
      for (int n : {policy.first_contact_days(level), policy.verification_days(level)}) {
        size_t index = start;
        for (int counted = 0; counted < n;) {
          ++index;
          ASSERT_LT(index, days.size());
          counted += days[index].second ? 1 : 0;
        }
        EXPECT_EQ(working_days_after(calendar_, day(days[start].first), n)->iso(),
                  days[index].first)
            << days[start].first << " + " << n;
      }
    }
  }
}

TEST_P(LeadIntakeTest, DeadlineInAYearWithoutCalendarIsUnknownNotGuessed) {
  const Lead lead = open_lead(warning_report(household_a_, WarningLevel::kYellow, "2026-12-28"));
  EXPECT_FALSE(lead.first_contact_due.has_value());  // runs into 2027, which has no calendar
  EXPECT_FALSE(lead.verification_due.has_value());
}

TEST_P(LeadIntakeTest, ASecondReportOnAHouseholdAttachesToItsOpenLead) {
  const Lead first = open_lead(warning_report(household_a_, WarningLevel::kYellow));
  IntakeRequest hotline;
  hotline.source = LeadSource::kHotline;
  hotline.reference = "RX-1";
  hotline.household_id = household_a_;
  hotline.level = WarningLevel::kRed;
  hotline.description = "邻居反映老人独居无人照料";
  hotline.reported_on = day("2026-11-24");
  auto attached = leads().intake(Actor::system(), hotline);
  ASSERT_TRUE(attached.has_value()) << attached.error().to_string();
  EXPECT_TRUE(attached->attached);
  EXPECT_EQ(attached->lead.lead_no, first.lead_no);
  EXPECT_EQ(attached->lead.level, WarningLevel::kRed);
  ASSERT_EQ(attached->lead.sources.size(), 2u);
  EXPECT_EQ(attached->lead.sources[1].source, LeadSource::kHotline);
  // Red from 11-24: first contact 11-25, earlier than yellow's 12-01 from 11-20.
  EXPECT_EQ(attached->lead.first_contact_due, day("2026-11-25"));
  EXPECT_EQ(attached->lead.version, 2);
  // The same report again adds nothing.
  auto again = leads().intake(Actor::system(), hotline);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->lead.sources.size(), 2u);
  EXPECT_EQ(again->lead.version, 2);
  auto count = leads().count(LeadQuery{});
  ASSERT_TRUE(count.has_value());
  EXPECT_EQ(*count, 1);
}

TEST_P(LeadIntakeTest, UnidentifiedSubjectNeedsANameAndAKnownPlace) {
  IntakeRequest request;
  request.source = LeadSource::kSocialReport;
  request.reported_on = day("2026-11-20");
  request.village_code = "500241001001";
  auto nameless = leads().intake(Actor::system(), request);
  ASSERT_FALSE(nameless.has_value());
  EXPECT_EQ(nameless.error().code, ErrorCode::kInvalidArgument);
  request.subject.name = "王五";
  request.village_code = "500241999999";
  auto unknown = leads().intake(Actor::system(), request);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  request.village_code = "";
  request.township_code = "500241101";
  auto by_township = leads().intake(Actor::system(), request);
  ASSERT_TRUE(by_township.has_value()) << by_township.error().to_string();
  EXPECT_EQ(by_township->lead.township_code, "500241101");
  EXPECT_EQ(by_township->lead.village_code, "");
  EXPECT_FALSE(by_township->lead.household_id.has_value());
}

TEST_P(LeadIntakeTest, CandidatesMatchNamePhoneAndVillageStrongestFirst) {
  const int64_t same_name = seed_person(faxian::testing_support::kIdMan1980, "王五");
  const int64_t same_phone = seed_person(faxian::testing_support::kIdWoman1990, "赵六");
  ASSERT_TRUE(
      db().run("UPDATE persons SET phone = '13800001234' WHERE id = " + std::to_string(same_phone))
          .has_value());
  for (auto [person, household] :
       {std::pair{same_name, household_a_}, std::pair{same_phone, household_b_}}) {
    ASSERT_TRUE(db().run(fmt::format("INSERT INTO memberships (household_id, person_id, "
                                     "from_date) VALUES ({}, {}, '2000-01-01')",
                                     household, person))
                    .has_value());
  }
  IntakeRequest request;
  request.source = LeadSource::kSocialReport;
  request.reported_on = day("2026-11-20");
  request.village_code = "500241001001";
  request.subject = {"王五", "138-0000-1234", "东风路"};
  const Lead lead = open_lead(request);
  auto candidates = leads().candidates(lead.lead_no);
  ASSERT_TRUE(candidates.has_value()) << candidates.error().to_string();
  ASSERT_EQ(candidates->size(), 2u);
  EXPECT_EQ((*candidates)[0].name, "王五");  // name + village beat phone + village
  EXPECT_TRUE((*candidates)[0].name_matches && (*candidates)[0].village_matches);
  EXPECT_TRUE((*candidates)[1].phone_matches);
  EXPECT_EQ((*candidates)[1].masked_phone, "138****1234");
}

FAXIAN_INSTANTIATE_STORE_TEST(LeadIntakeTest);

}  // namespace
}  // namespace faxian::workflow
