#pragma once
// The lead test fixture (src/workflow/leads/lead_test_support.hpp) plus what the casework tests
// need: department liaisons, a hotline operator, a household with members (IDs and phones to
// mask), an open need warning, and the three casework services.

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/membership_repository.hpp"
#include "store/person_repository.hpp"
#include "store/warning_repository.hpp"
#include "workflow/casework/coordination_service.hpp"
#include "workflow/casework/hotline_service.hpp"
#include "workflow/casework/referral_service.hpp"
#include "workflow/leads/audit_log.hpp"
#include "workflow/leads/lead_test_support.hpp"

namespace faxian::workflow::testing_support {

using faxian::testing_support::kIdMan1980;
using faxian::testing_support::kIdWoman1990;
using faxian::testing_support::rid;

class CaseworkTest : public LeadTest {
 protected:
  void SetUp() override {
    LeadTest::SetUp();
    if (HasFatalFailure())
      return;
    medical_liaison_ = add_user("yibao", Role::kDepartmentLiaison, "");
    set_department("yibao", "医保局");
    hr_liaison_ = add_user("renshe", Role::kDepartmentLiaison, "");
    set_department("renshe", "human_resources");
    operator_ = add_user("rexian", Role::kHotlineOperator, "");
    head_ = add_member(kIdMan1980, "王建国", "13812345678", Relation::kHead);
    add_member(kIdWoman1990, "李秀英", "", Relation::kSpouse);
    referrals_ = std::make_unique<ReferralService>(db(), clock_, calendar_);
    coordination_ = std::make_unique<CoordinationService>(db(), clock_, calendar_);
    hotline_ = std::make_unique<HotlineService>(db(), clock_, calendar_);
  }

  // UserRepository::insert keeps the department; set it by SQL to be independent of that.
  void set_department(const std::string& username, const std::string& department) {
    auto statement = db().prepare("UPDATE users SET department = ? WHERE username = ?");
    ASSERT_TRUE(statement.has_value());
    (*statement)->bind_text(1, department);
    (*statement)->bind_text(2, username);
    ASSERT_TRUE((*statement)->run().has_value());
  }

  // A person with a phone, member of household A from 2000-01-01; returns the person id.
  int64_t add_member(std::string_view id, const std::string& name, const std::string& phone,
                     Relation relation) {
    Person person = Person::from_id(rid(id), name);
    person.phone = phone;
    auto person_id = PersonRepository(db(), clock_).insert(person);
    EXPECT_TRUE(person_id.has_value()) << person_id.error().to_string();
    Membership membership;
    membership.household_id = household_a_;
    membership.person_id = person_id.value_or(0);
    membership.from = day("2000-01-01");
    membership.relation = relation;
    auto added = MembershipRepository(db()).add(membership);
    EXPECT_TRUE(added.has_value()) << added.error().to_string();
    return person_id.value_or(0);
  }

  // Opens a need warning for household A with the given departments; returns it.
  Warning open_warning(const std::vector<std::string>& departments) {
    WarningRepository warnings(db(), clock_);
    auto run = warnings.begin_run(day("2026-11-20"), RunMode::kFull, 1);
    EXPECT_TRUE(run.has_value());
    WarningFinding finding;
    finding.household_id = household_a_;
    finding.kind = WarningKind::kNeed;
    finding.score = 40;
    finding.level = WarningLevel::kYellow;
    finding.rules = {FiredRule{RuleId::kR03,
                               40,
                               false,
                               {Evidence{FeedKind::kMedical, 7, day("2026-10-01"), std::nullopt}},
                               "近12个月个人自付医疗费用38,210元，为家庭收入的126%"}};
    finding.departments = departments;
    const std::vector<int64_t> evaluated = {household_a_};
    auto applied = warnings.apply(*run, day("2026-11-20"), 1, evaluated,
                                  std::vector<WarningFinding>{finding}, SuppressionPolicy{});
    EXPECT_TRUE(applied.has_value()) << applied.error().to_string();
    auto stored = warnings.find(applied->opened.at(0).warning_id);
    EXPECT_TRUE(stored.has_value() && stored->has_value());
    return stored->value();
  }

  // The state of the lead's first outcome of `outcome`, or nullopt.
  std::optional<OutcomeState> outcome_state(int64_t lead_id, LeadOutcome outcome) {
    auto lead = leads().find_by_id(lead_id);
    EXPECT_TRUE(lead.has_value() && lead->has_value());
    for (const LeadOutcomeEntry& entry : lead->value().outcomes) {
      if (entry.outcome == outcome)
        return entry.state;
    }
    return std::nullopt;
  }

  // Audit actions recorded for an object, oldest first.
  std::vector<std::string> audit_actions(std::string_view type, std::string_view id) {
    auto records = AuditLog(db(), clock_).for_object(type, id);
    EXPECT_TRUE(records.has_value());
    std::vector<std::string> actions;
    for (const AuditRecord& record : records.value_or(std::vector<AuditRecord>{}))
      actions.push_back(record.entry.action);
    return actions;
  }

  Actor county() const { return Actor::of(county_); }
  Actor officer() const { return Actor::of(officer_); }
  Actor medical() const {
    Actor actor = Actor::of(medical_liaison_);
    actor.department = "医保局";
    return actor;
  }
  Actor hr() const {
    Actor actor = Actor::of(hr_liaison_);
    actor.department = "human_resources";
    return actor;
  }
  Actor hotline_operator() const { return Actor::of(operator_); }

  ReferralService& referrals() { return *referrals_; }
  CoordinationService& coordination() { return *coordination_; }
  HotlineService& hotline() { return *hotline_; }

  User medical_liaison_;
  User hr_liaison_;
  User operator_;
  int64_t head_ = 0;
  std::unique_ptr<ReferralService> referrals_;
  std::unique_ptr<CoordinationService> coordination_;
  std::unique_ptr<HotlineService> hotline_;
};

}  // namespace faxian::workflow::testing_support
