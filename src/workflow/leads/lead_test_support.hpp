#pragma once
// A migrated store with 秀山's test regions, two households, one officer per township and a
// coordinator, the shipped working-day calendar and a LeadService — for the workflow tests.

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "common/file_util.hpp"
#include "common/source_dir_for_tests.hpp"
#include "common/work_calendar.hpp"
#include "store/rule_set_repository.hpp"
#include "store/testing/store_test_support.hpp"
#include "store/user_repository.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::workflow::testing_support {

using faxian::testing_support::day;

class LeadTest : public faxian::testing_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    seed_regions();
    household_a_ = seed_household("5002410010010001");
    household_b_ = seed_household("5002410010010002");
    auto calendar = load_calendar_dir(faxian_source_dir() + "/data/calendar");
    ASSERT_TRUE(calendar.has_value()) << calendar.error().to_string();
    calendar_ = std::move(*calendar);
    officer_ = add_user("zhong_he", Role::kTownshipOfficer, "500241001");
    other_officer_ = add_user("qing_xi", Role::kTownshipOfficer, "500241101");
    coordinator_ = add_user("dong_feng", Role::kVillageCoordinator, "500241001001");
    county_ = add_user("county", Role::kCountyOfficer, "");
    auto rules = read_file(faxian_source_dir() + "/data/rules/default.toml");
    ASSERT_TRUE(rules.has_value());
    auto stored = RuleSetRepository(db(), clock_).add(*rules, "test", "");
    ASSERT_TRUE(stored.has_value()) << stored.error().to_string();
    service_ = std::make_unique<LeadService>(db(), clock_, calendar_);
  }

  User add_user(const std::string& name, Role role, const std::string& region) {
    User user;
    user.username = name;
    user.role = role;
    user.region_code = region;
    user.password_hash = "x";
    auto id = UserRepository(db(), clock_).insert(user);
    EXPECT_TRUE(id.has_value()) << id.error().to_string();
    user.id = id.value_or(0);
    return user;
  }

  LeadService& leads() { return *service_; }

  // A data-warning lead for `household` reported on `reported_on`.
  IntakeRequest warning_report(int64_t household, WarningLevel level,
                               std::string_view reported_on = "2026-11-20",
                               std::string reference = "1") {
    IntakeRequest request;
    request.source = LeadSource::kDataWarning;
    request.reference = std::move(reference);
    request.household_id = household;
    request.level = level;
    request.description = "近12个月个人自付医疗费用较高";
    request.reported_on = day(reported_on);
    return request;
  }

  // Intake that must succeed.
  Lead open_lead(const IntakeRequest& request) {
    auto result = leads().intake(Actor::system(), request);
    EXPECT_TRUE(result.has_value()) << result.error().to_string();
    return result.has_value() ? result->lead : Lead{};
  }

  // A verification record with the given willingness and difficulty.
  static VerificationRecord visit(std::string_view on, Willingness willingness, bool difficulty,
                                  bool policy_explained = true) {
    VerificationRecord record;
    record.visited_on = day(on);
    record.method = VerificationMethod::kHomeVisit;
    record.met = "户主本人";
    record.conditions.food = "基本保障";
    record.willingness = willingness;
    record.ability = ApplyAbility::kNeedsHelp;
    record.policy_explained = policy_explained;
    if (policy_explained)
      record.policies = {"最低生活保障", "临时救助"};
    record.difficulty_found = difficulty;
    return record;
  }

  // Walks a new lead to verifying with one verification record; returns it.
  Lead verified(const Lead& lead, Willingness willingness, bool difficulty,
                bool policy_explained = true) {
    const Actor actor = Actor::of(officer_);
    auto assigned = leads().assign(actor, lead.lead_no, lead.version, officer_.id, "");
    EXPECT_TRUE(assigned.has_value()) << assigned.error().to_string();
    auto started =
        leads().start_verification(actor, lead.lead_no, assigned->version, day("2026-11-23"));
    EXPECT_TRUE(started.has_value()) << started.error().to_string();
    auto recorded =
        leads().record_verification(actor, lead.lead_no, started->version,
                                    visit("2026-11-24", willingness, difficulty, policy_explained));
    EXPECT_TRUE(recorded.has_value()) << recorded.error().to_string();
    return recorded.value_or(Lead{});
  }

  int64_t household_a_ = 0;
  int64_t household_b_ = 0;
  WorkCalendar calendar_;
  User officer_;
  User other_officer_;
  User coordinator_;
  User county_;
  std::unique_ptr<LeadService> service_;
};

}  // namespace faxian::workflow::testing_support
