// POST /api/v1/leads/{lead_no}/actions {action, version, ...} (50-api-security.md): assign,
// start_verification, record_verification, decide, close, reopen, merge — each mapped to
// workflow::LeadService (decide through workflow::decide_lead, so that every outcome's effect
// happens). Order of checks: the lead must be visible (404), the version present (400), the
// caller's role allowed to take the action on this lead (403, lead_access.hpp), then the
// workflow checks the version (409) and the state machine (422). Answers 200 with the lead as
// it is afterwards (its new version).

#include <fmt/format.h>

#include "api/lead_access.hpp"
#include "api/lead_json.hpp"
#include "api/lead_routes.hpp"
#include "store/user_repository.hpp"
#include "workflow/lead_decisions.hpp"

namespace faxian::api {
namespace {

using nlohmann::json;
using workflow::LeadAction;

// What every action handler gets.
struct ActionCall {
  Call& call;
  workflow::LeadService& leads;
  const Lead& lead;
  int64_t version = 0;
  const json& body;
};

Error bad_field(std::string_view field, std::string_view expected) {
  return Error(ErrorCode::kInvalidArgument, fmt::format("字段 {} 应为{}", field, expected),
               fmt::format("bad field {}", field));
}

// An enum field given by its key.
template <typename E>
Result<E> required_enum(const json& body, std::string_view field, std::string_view expected) {
  auto text = optional_string(body, field);
  std::optional<E> value = text ? enum_from_key<E>(*text) : std::nullopt;
  if (!value)
    return tl::unexpected(bad_field(field, expected));
  return *value;
}

Result<bool> optional_bool(const json& body, std::string_view field) {
  auto found = body.find(field);
  if (found == body.end() || found->is_null())
    return false;
  if (!found->is_boolean())
    return tl::unexpected(bad_field(field, "true 或 false"));
  return found->get<bool>();
}

// The date field `field`, today when absent.
Result<Date> date_or_today(const ActionCall& action, std::string_view field) {
  std::optional<Date> date;
  FAXIAN_TRY_ASSIGN(date, optional_date(action.body, field));
  return date.value_or(action.call.today());
}

// A lead the caller names as a merge target must be visible to it too.
Result<void> check_target(const ActionCall& action, std::string_view lead_no) {
  Lead target;
  FAXIAN_TRY_ASSIGN(target, visible_lead(action.call, action.leads, lead_no));
  return ok();
}

Result<Lead> assign(const ActionCall& action) {
  std::string username;
  FAXIAN_TRY_ASSIGN(username, required_string(action.body, "assignee"));
  std::optional<User> user;
  FAXIAN_TRY_ASSIGN(user,
                    UserRepository(action.call.db, action.call.clock()).find_by_username(username));
  if (!user) {
    return fail(ErrorCode::kInvalidArgument, fmt::format("被分派人 {} 不存在", username),
                "assignee not found");
  }
  return action.leads.assign(action.call.actor(), action.lead.lead_no, action.version, user->id,
                             optional_string(action.body, "reason").value_or(""));
}

Result<Lead> start_verification(const ActionCall& action) {
  Date contact_on;
  FAXIAN_TRY_ASSIGN(contact_on, date_or_today(action, "contact_on"));
  return action.leads.start_verification(action.call.actor(), action.lead.lead_no, action.version,
                                         contact_on);
}

Result<LivingConditions> conditions_of(const json& body) {
  LivingConditions conditions;
  auto found = body.find("conditions");
  if (found == body.end() || found->is_null())
    return conditions;
  if (!found->is_object())
    return tl::unexpected(
        bad_field("conditions", "对象（food、housing、medical、schooling、care）"));
  conditions.food = optional_string(*found, "food").value_or("");
  conditions.housing = optional_string(*found, "housing").value_or("");
  conditions.medical = optional_string(*found, "medical").value_or("");
  conditions.schooling = optional_string(*found, "schooling").value_or("");
  conditions.care = optional_string(*found, "care").value_or("");
  return conditions;
}

Result<std::vector<std::string>> policies_of(const json& body) {
  std::vector<std::string> policies;
  auto found = body.find("policies");
  if (found == body.end() || found->is_null())
    return policies;
  if (!found->is_array())
    return tl::unexpected(bad_field("policies", "文本数组"));
  for (const json& policy : *found) {
    if (!policy.is_string())
      return tl::unexpected(bad_field("policies", "文本数组"));
    policies.push_back(policy.get<std::string>());
  }
  return policies;
}

Result<Lead> record_verification(const ActionCall& action) {
  const json& body = action.body;
  VerificationRecord record;
  FAXIAN_TRY_ASSIGN(record.visited_on, date_or_today(action, "visited_on"));
  FAXIAN_TRY_ASSIGN(record.method, required_enum<VerificationMethod>(
                                       body, "method", " home_visit、phone 或 office"));
  record.met = optional_string(body, "met").value_or("");
  FAXIAN_TRY_ASSIGN(record.conditions, conditions_of(body));
  FAXIAN_TRY_ASSIGN(record.willingness,
                    required_enum<Willingness>(body, "willingness", " yes、no 或 undecided"));
  FAXIAN_TRY_ASSIGN(record.ability,
                    required_enum<ApplyAbility>(body, "ability", " able 或 needs_help"));
  FAXIAN_TRY_ASSIGN(record.policy_explained, optional_bool(body, "policy_explained"));
  FAXIAN_TRY_ASSIGN(record.policies, policies_of(body));
  FAXIAN_TRY_ASSIGN(record.difficulty_found, optional_bool(body, "difficulty_found"));
  record.notes = optional_string(body, "notes").value_or("");
  return action.leads.record_verification(action.call.actor(), action.lead.lead_no, action.version,
                                          record);
}

Result<std::vector<workflow::OutcomeDecision>> outcomes_of(const ActionCall& action) {
  auto found = action.body.find("outcomes");
  if (found == action.body.end() || !found->is_array() || found->empty())
    return tl::unexpected(bad_field("outcomes", "非空数组 [{outcome, params}]"));
  std::vector<workflow::OutcomeDecision> decisions;
  for (const json& entry : *found) {
    if (!entry.is_object())
      return tl::unexpected(bad_field("outcomes", "对象数组 [{outcome, params}]"));
    workflow::OutcomeDecision decision;
    FAXIAN_TRY_ASSIGN(decision.outcome,
                      required_enum<LeadOutcome>(entry, "outcome", "有效的处置结果代码"));
    auto params = entry.find("params");
    if (params != entry.end() && !params->is_null() && !params->is_object())
      return tl::unexpected(bad_field("params", "对象"));
    const json parameters = params == entry.end() || params->is_null() ? json::object() : *params;
    if (decision.outcome == LeadOutcome::kDuplicate) {
      if (auto into = optional_string(parameters, "into"))
        FAXIAN_TRY(check_target(action, *into));
    }
    decision.parameters = parameters.dump(-1, ' ', false, json::error_handler_t::replace);
    decisions.push_back(std::move(decision));
  }
  return decisions;
}

Result<Lead> decide(const ActionCall& action) {
  std::vector<workflow::OutcomeDecision> outcomes;
  FAXIAN_TRY_ASSIGN(outcomes, outcomes_of(action));
  Date on;
  FAXIAN_TRY_ASSIGN(on, date_or_today(action, "on"));
  return workflow::decide_lead(action.leads, action.call.actor(), action.lead.lead_no,
                               action.version, outcomes, on,
                               optional_string(action.body, "reason").value_or(""));
}

Result<Lead> close(const ActionCall& action) {
  std::optional<Date> follow_up_on;
  FAXIAN_TRY_ASSIGN(follow_up_on, optional_date(action.body, "follow_up_on"));
  Date on;
  FAXIAN_TRY_ASSIGN(on, date_or_today(action, "on"));
  return action.leads.close(action.call.actor(), action.lead.lead_no, action.version, follow_up_on,
                            optional_string(action.body, "note").value_or(""), on);
}

Result<Lead> reopen(const ActionCall& action) {
  return action.leads.reopen(action.call.actor(), action.lead.lead_no, action.version,
                             optional_string(action.body, "reason").value_or(""));
}

Result<Lead> merge(const ActionCall& action) {
  std::string into;
  FAXIAN_TRY_ASSIGN(into, required_string(action.body, "into"));
  FAXIAN_TRY(check_target(action, into));
  return action.leads.merge(action.call.actor(), action.lead.lead_no, action.version, into,
                            optional_string(action.body, "reason").value_or(""));
}

Result<Lead> run_action(LeadAction kind, const ActionCall& action) {
  switch (kind) {
    case LeadAction::kAssign:
      return assign(action);
    case LeadAction::kStartVerification:
      return start_verification(action);
    case LeadAction::kRecordVerification:
      return record_verification(action);
    case LeadAction::kDecide:
      return decide(action);
    case LeadAction::kClose:
      return close(action);
    case LeadAction::kReopen:
      return reopen(action);
    case LeadAction::kMerge:
      return merge(action);
    default:
      break;
  }
  return fail(ErrorCode::kInvalidArgument, "不支持的操作", "action not offered by the API");
}

// The action named in the body, when the API offers it.
Result<LeadAction> action_of(const json& body) {
  std::string key;
  FAXIAN_TRY_ASSIGN(key, required_string(body, "action"));
  std::optional<LeadAction> action = workflow::find_lead_action(key);
  if (action) {
    for (LeadAction offered : kApiLeadActions) {
      if (offered == *action)
        return *action;
    }
  }
  return fail(ErrorCode::kInvalidArgument,
              "操作 action 应为 assign、start_verification、record_verification、decide、close、"
              "reopen 或 merge 之一",
              "unknown lead action");
}

Result<Reply> act_on_lead(Call& call) {
  LeadAction kind;
  FAXIAN_TRY_ASSIGN(kind, action_of(call.body()));
  std::unique_ptr<LeadDesk> desk;
  FAXIAN_TRY_ASSIGN(desk, LeadDesk::open(call, true));
  Lead lead;
  FAXIAN_TRY_ASSIGN(lead, visible_lead(call, desk->leads(), call.param(0)));
  int64_t version = 0;
  FAXIAN_TRY_ASSIGN(version, required_integer(call.body(), "version"));
  if (!may_act(call.actor(), lead, kind)) {
    return fail(ErrorCode::kPermissionDenied, "当前角色无权对该线索执行此操作",
                fmt::format("role may not {} this lead", workflow::lead_action_key(kind)));
  }
  Lead after;
  FAXIAN_TRY_ASSIGN(after,
                    run_action(kind, ActionCall{call, desk->leads(), lead, version, call.body()}));
  json body = lead_json(call.actor(), after);
  body["allowed_actions"] = json::array();
  for (LeadAction next : available_actions(call.actor(), after))
    body["allowed_actions"].push_back(workflow::lead_action_key(next));
  return Reply::json(std::move(body));
}

}  // namespace

void register_lead_action_route(Router& router) {
  router.add("POST", "/api/v1/leads/{lead_no}/actions",
             Access::only({Role::kCountyAdmin, Role::kCountyOfficer, Role::kTownshipOfficer,
                           Role::kVillageCoordinator}),
             act_on_lead);
}

}  // namespace faxian::api
