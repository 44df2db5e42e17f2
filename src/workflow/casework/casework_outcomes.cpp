// Referral and coordination outcomes of a lead decision (casework_outcomes.hpp).

#include "workflow/casework/casework_outcomes.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

namespace faxian::workflow {
namespace {

using nlohmann::json;

Result<json> parameters_of(const OutcomeDecision& decision) {
  json parameters = json::parse(decision.parameters, nullptr, false);
  if (parameters.is_discarded() || !parameters.is_object())
    return fail(ErrorCode::kInvalidArgument, "处置参数格式错误", "outcome parameters not JSON");
  return parameters;
}

std::string text_of(const json& parameters, const char* key) {
  const auto found = parameters.find(key);
  return found != parameters.end() && found->is_string() ? found->get<std::string>() : "";
}

Result<Department> department_of(const json& parameters) {
  const std::string name = text_of(parameters, "department");
  DepartmentTarget target;
  FAXIAN_TRY_ASSIGN(target, normalise_department(name));
  if (target.township)
    return fail(ErrorCode::kInvalidArgument, "乡镇（街道）本身不是转介对象，请选择专项救助部门",
                "township is not a referral department");
  return *target.department;
}

Result<std::vector<DepartmentTaskRequest>> tasks_of(const json& parameters) {
  const auto list = parameters.find("departments");
  if (list == parameters.end() || !list->is_array())
    return fail(ErrorCode::kInvalidArgument, "县级协调须列明参与部门及其任务",
                "coordination departments missing");
  std::vector<DepartmentTaskRequest> tasks;
  for (const json& item : *list) {
    if (!item.is_object())
      return fail(ErrorCode::kInvalidArgument, "参与部门格式错误", "department item not object");
    DepartmentTaskRequest task;
    FAXIAN_TRY_ASSIGN(task.department, department_of(item));
    task.task = text_of(item, "task");
    tasks.push_back(std::move(task));
  }
  return tasks;
}

}  // namespace

Result<EffectResult> apply_referral_outcome(ReferralService& referrals, const Actor& actor,
                                            const Lead& lead, const OutcomeDecision& decision,
                                            Date on) {
  json parameters;
  FAXIAN_TRY_ASSIGN(parameters, parameters_of(decision));
  ReferralRequest request;
  FAXIAN_TRY_ASSIGN(request.department, department_of(parameters));
  request.lead_id = lead.id;
  request.reason = text_of(parameters, "reason");
  request.sent_on = on;
  Referral referral;
  FAXIAN_TRY_ASSIGN(referral, referrals.send(actor, request));
  return EffectResult{OutcomeState::kPending, referral.referral_no};
}

Result<EffectResult> apply_coordination_outcome(CoordinationService& coordination,
                                                const Actor& actor, const Lead& lead,
                                                const OutcomeDecision& decision, Date on) {
  json parameters;
  FAXIAN_TRY_ASSIGN(parameters, parameters_of(decision));
  OpenCoordinationRequest request;
  request.lead_no = lead.lead_no;
  request.reason = text_of(parameters, "reason");
  FAXIAN_TRY_ASSIGN(request.departments, tasks_of(parameters));
  const std::string meeting = text_of(parameters, "meeting_on");
  if (!meeting.empty())
    FAXIAN_TRY_ASSIGN(request.meeting_on, Date::parse_iso(meeting));
  request.measures = text_of(parameters, "measures");
  request.opened_on = on;
  CoordinationCase opened;
  FAXIAN_TRY_ASSIGN(opened, coordination.open(actor, request));
  return EffectResult{OutcomeState::kPending, opened.case_no};
}

Result<EffectResult> CaseworkOutcomes::apply(const Actor& actor, const Lead& lead,
                                             const OutcomeDecision& decision, Date on) {
  switch (decision.outcome) {
    case LeadOutcome::kReferral:
      return apply_referral_outcome(referrals_, actor, lead, decision, on);
    case LeadOutcome::kCoordination:
      return apply_coordination_outcome(coordination_, actor, lead, decision, on);
    default:
      return fail(ErrorCode::kInvalidArgument,
                  fmt::format("处置「{}」不由转介与协调模块办理", enum_label(decision.outcome)),
                  "outcome not handled by casework");
  }
}

}  // namespace faxian::workflow
