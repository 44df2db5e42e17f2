#pragma once
// The fixture of the lead scenario tests (lead_scenarios_test.cpp, lead_scenarios_money_test.cpp):
// the assistance fixture (a store initialised like `faxian init`, the shipped calendar, feeds
// imported through the importer) with the poor household of 大田坝村 (500241002200201), a
// township officer of its township 乌杨街道 (500241002), a county officer, department liaisons,
// need warnings opened through the screening store, and short ways to walk a lead to its
// verification and to read back what the store holds.

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/query.hpp"
#include "store/warning_repository.hpp"
#include "workflow/assistance/assistance_test_support.hpp"
#include "workflow/lead_decisions.hpp"
#include "workflow/leads/lead_service.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::workflow::testing_support {

inline const std::string kTownship = "500241002";
inline const std::string kVillage = "500241002200";

class LeadScenarioTest : public AssistanceTest {
 protected:
  void SetUp() override {
    AssistanceTest::SetUp();
    if (HasFatalFailure())
      return;
    officer_ = user("xiang", Role::kTownshipOfficer, kTownship);
    county_ = user("county", Role::kCountyOfficer);
    household_ = seed_poor_household();
    leads_ = std::make_unique<LeadService>(db(), clock_, calendar_);
  }

  LeadService& leads() { return *leads_; }
  ApplicationService applications() { return ApplicationService(db(), clock_, calendar_); }

  // A department liaison (the account's department stored, as an administrator would set it).
  Actor liaison(const std::string& username, const std::string& department) {
    User stored;
    stored.username = username;
    stored.role = Role::kDepartmentLiaison;
    stored.department = department;
    stored.password_hash = "x";
    auto id = UserRepository(db(), clock_).insert(stored);
    EXPECT_TRUE(id.has_value()) << id.error().to_string();
    stored.id = id.value_or(0);
    return Actor::of(stored);
  }

  // Opens a need warning (R03, yellow) for `household` through the screening store, as a
  // screening run as of `as_of` would; returns its id.
  int64_t open_need_warning(int64_t household, Date as_of) {
    WarningRepository warnings(db(), clock_);
    auto run = warnings.begin_run(as_of, RunMode::kFull, 1);
    EXPECT_TRUE(run.has_value()) << run.error().to_string();
    WarningFinding finding;
    finding.household_id = household;
    finding.kind = WarningKind::kNeed;
    finding.score = 30;
    finding.level = WarningLevel::kYellow;
    finding.rules = {FiredRule{RuleId::kR03,
                               30,
                               false,
                               {Evidence{FeedKind::kMedical, 7, day("2026-01-10"), std::nullopt}},
                               "近12个月个人自付医疗费用较高"}};
    const std::vector<int64_t> evaluated = {household};
    auto applied = warnings.apply(run.value_or(0), as_of, 1, evaluated,
                                  std::vector<WarningFinding>{finding}, SuppressionPolicy{});
    EXPECT_TRUE(applied.has_value()) << applied.error().to_string();
    EXPECT_EQ(applied->opened.size(), 1u);
    return applied.has_value() && !applied->opened.empty() ? applied->opened[0].warning_id : 0;
  }
  std::string warning_status(int64_t warning_id) {
    auto warning = WarningRepository(db(), clock_).find(warning_id);
    EXPECT_TRUE(warning.has_value() && warning->has_value());
    return warning.has_value() && warning->has_value()
               ? std::string(warning_status_key((*warning)->status))
               : std::string("missing");
  }
  // "reason@closed_on/cooldown" of the household's active need suppression ("" when none).
  std::string active_suppression(int64_t household) {
    auto found = query_one<std::string>(
        db(),
        "SELECT reason || '@' || closed_on || '/' || cooldown_days FROM warning_suppressions "
        "WHERE household_id = ? AND kind = 'need' AND lifted_at IS NULL",
        [&](Statement& statement) { statement.bind_int64(1, household); },
        [](const Statement& row) -> Result<std::string> {
          return std::string(row.column_text(0));
        });
    EXPECT_TRUE(found.has_value()) << found.error().to_string();
    return found.has_value() && found->has_value() ? **found : std::string();
  }
  int64_t count(const std::string& sql) {
    auto counted = query_int(db(), sql, [](Statement&) {});
    EXPECT_TRUE(counted.has_value()) << counted.error().to_string();
    return counted.value_or(-1);
  }

  // A report about the poor household (or `household`).
  IntakeRequest report(LeadSource source, std::string_view reported_on, std::string reference,
                       std::optional<int64_t> household = std::nullopt) {
    IntakeRequest request;
    request.source = source;
    request.reference = std::move(reference);
    request.household_id = household.value_or(household_);
    request.level = WarningLevel::kOrange;
    request.description = "家庭生活困难，需核实";
    request.reported_on = day(reported_on);
    return request;
  }
  Lead intake(const Actor& actor, const IntakeRequest& request) {
    auto result = leads().intake(actor, request);
    EXPECT_TRUE(result.has_value()) << result.error().to_string();
    EXPECT_FALSE(result.has_value() && result->attached);
    return result.has_value() ? result->lead : Lead{};
  }

  static VerificationRecord visit(std::string_view on, Willingness willingness, bool difficulty,
                                  bool policy_explained) {
    VerificationRecord record;
    record.visited_on = day(on);
    record.method = VerificationMethod::kHomeVisit;
    record.met = "户主本人";
    record.conditions.food = "口粮不足";
    record.conditions.medical = "配偶慢性病长期服药";
    record.willingness = willingness;
    record.ability = ApplyAbility::kNeedsHelp;
    record.policy_explained = policy_explained;
    if (policy_explained)
      record.policies = {"最低生活保障", "临时救助"};
    record.difficulty_found = difficulty;
    return record;
  }

  // Assigns the lead to the officer, contacts the household and records one verification, all
  // on `on`; returns the lead as stored.
  Lead verified(const Lead& lead, std::string_view on, Willingness willingness, bool difficulty,
                bool policy_explained = true) {
    auto assigned = leads().assign(officer_, lead.lead_no, lead.version, *officer_.user_id, "");
    EXPECT_TRUE(assigned.has_value()) << assigned.error().to_string();
    auto started = leads().start_verification(officer_, lead.lead_no,
                                              assigned.value_or(lead).version, day(on));
    EXPECT_TRUE(started.has_value()) << started.error().to_string();
    auto recorded =
        leads().record_verification(officer_, lead.lead_no, started.value_or(lead).version,
                                    visit(on, willingness, difficulty, policy_explained));
    EXPECT_TRUE(recorded.has_value()) << recorded.error().to_string();
    EXPECT_EQ(recorded.value_or(lead).status, LeadStatus::kVerifying);
    return recorded.value_or(lead);
  }

  Result<Lead> decide(const Actor& actor, const Lead& lead, LeadOutcome outcome,
                      const std::string& parameters, std::string_view on,
                      std::string_view reason = "核实后处置") {
    return decide_lead(leads(), actor, lead.lead_no, lead.version,
                       {OutcomeDecision{outcome, parameters}}, day(on), reason);
  }

  // The lead as stored now.
  Lead stored(std::string_view lead_no) {
    auto found = leads().find(lead_no);
    EXPECT_TRUE(found.has_value() && found->has_value()) << lead_no;
    return found.has_value() && found->has_value() ? **found : Lead{};
  }
  std::vector<std::string> history_actions(int64_t lead_id) {
    std::vector<std::string> actions;
    auto history = leads().history(lead_id);
    EXPECT_TRUE(history.has_value()) << history.error().to_string();
    for (const LeadEvent& event : history.value_or(std::vector<LeadEvent>{}))
      actions.push_back(event.action);
    return actions;
  }
  LeadEvent last_event(int64_t lead_id) {
    auto history = leads().history(lead_id);
    EXPECT_TRUE(history.has_value() && !history->empty());
    return history.has_value() && !history->empty() ? history->back() : LeadEvent{};
  }
  // Every task of a lead (any status), by due date.
  std::vector<Task> tasks_of(int64_t lead_id) {
    TaskQuery query;
    query.lead_id = lead_id;
    query.status.reset();
    auto tasks = TaskRepository(db(), clock_).list(query);
    EXPECT_TRUE(tasks.has_value()) << tasks.error().to_string();
    return tasks.value_or(std::vector<Task>{});
  }
  std::vector<Application> applications_of(int64_t household) {
    ApplicationQuery query;
    query.household_id = household;
    auto found = applications().list(query);
    EXPECT_TRUE(found.has_value()) << found.error().to_string();
    return found.value_or(std::vector<Application>{});
  }

  Actor officer_;
  Actor county_;
  int64_t household_ = 0;
  std::unique_ptr<LeadService> leads_;
};

}  // namespace faxian::workflow::testing_support
