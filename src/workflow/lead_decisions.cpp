#include "workflow/lead_decisions.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/query.hpp"
#include "store/rule_set_repository.hpp"
#include "store/warning_repository.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::workflow {
namespace {

Result<nlohmann::json> parameters_of(const OutcomeDecision& decision) {
  auto parsed = nlohmann::json::parse(decision.parameters, nullptr, false);
  if (!parsed.is_object()) {
    return fail(ErrorCode::kInvalidArgument, "处置参数应为 JSON 对象",
                "outcome parameters are not a JSON object");
  }
  return parsed;
}

Result<int64_t> household_of(const Lead& lead, LeadOutcome outcome) {
  if (lead.household_id)
    return *lead.household_id;
  return fail(ErrorCode::kInvalidArgument,
              fmt::format("「{}」须先确认当事人所在的户", enum_label(outcome)),
              "outcome needs an identified household");
}

// Money in yuan from a JSON string ("1200.50") or number (1200).
Result<Money> amount_of(const nlohmann::json& parameters, std::string_view key) {
  const auto found = parameters.find(std::string(key));
  if (found == parameters.end())
    return fail(ErrorCode::kInvalidArgument, "请填写金额", "amount missing");
  std::string text;
  if (found->is_string())
    text = found->get<std::string>();
  else if (found->is_number_integer())
    text = std::to_string(found->get<int64_t>());
  else if (found->is_number())
    text = fmt::format("{:.2f}", found->get<double>());
  auto money = Money::parse_yuan(text);
  if (!money || money->fen() <= 0) {
    return fail(ErrorCode::kInvalidArgument, fmt::format("金额“{}”无效", text),
                "amount is not a positive yuan amount");
  }
  return *money;
}

// A text parameter: `fallback` when absent, kInvalidArgument when not a string.
Result<std::string> text_parameter(const nlohmann::json& parameters, std::string_view key,
                                   std::string fallback = {}) {
  const auto found = parameters.find(std::string(key));
  if (found == parameters.end() || found->is_null())
    return fallback;
  if (!found->is_string()) {
    return fail(ErrorCode::kInvalidArgument, fmt::format("处置参数 {} 应为文字", key),
                fmt::format("parameter '{}' is not a string", key));
  }
  return found->get<std::string>();
}

template <typename E>
Result<E> enum_parameter(const nlohmann::json& parameters, std::string_view key, E fallback) {
  std::string text;
  FAXIAN_TRY_ASSIGN(text, text_parameter(parameters, key));
  if (text.empty())
    return fallback;
  if (auto value = enum_from_key<E>(text))
    return *value;
  return parse_enum<E>(text);
}

}  // namespace

LeadDecisions::LeadDecisions(Database& db, const Clock& clock, const WorkCalendar& calendar,
                             DeadlinePolicy policy)
    : assistance_(db, clock, calendar, policy),
      referrals_(db, clock, calendar, policy),
      coordination_(db, clock, calendar, policy),
      casework_(referrals_, coordination_) {}

Result<EffectResult> LeadDecisions::apply(const Actor& actor, const Lead& lead,
                                          const OutcomeDecision& decision, Date on) {
  switch (decision.outcome) {
    case LeadOutcome::kAssistedApplication:
      return assisted_application(actor, lead, decision, on);
    case LeadOutcome::kApplication:
      return self_application(actor, lead, on);
    case LeadOutcome::kEmergencyAid:
      return emergency_aid(actor, lead, decision, on);
    case LeadOutcome::kCaseByCase:
      return case_by_case(actor, lead, decision, on);
    case LeadOutcome::kReferral:
    case LeadOutcome::kCoordination:
      return casework_.apply(actor, lead, decision, on);
    case LeadOutcome::kNoNeed:
    case LeadOutcome::kDeclined:
    case LeadOutcome::kDuplicate:
      break;
  }
  return fail(ErrorCode::kInternal, "处置结果不需要额外办理", "outcome has no effect");
}

Result<EffectResult> LeadDecisions::assisted_application(const Actor& actor, const Lead& lead,
                                                         const OutcomeDecision& decision, Date on) {
  nlohmann::json parameters;
  FAXIAN_TRY_ASSIGN(parameters, parameters_of(decision));
  int64_t household = 0;
  FAXIAN_TRY_ASSIGN(household, household_of(lead, decision.outcome));
  ApplicationKind kind = ApplicationKind::kDibao;
  FAXIAN_TRY_ASSIGN(kind, enum_parameter(parameters, "kind", ApplicationKind::kDibao));
  std::string description;
  FAXIAN_TRY_ASSIGN(description, text_parameter(parameters, "description", lead.description));
  Application application;
  FAXIAN_TRY_ASSIGN(application, assistance_.open_assisted_application(actor, lead.id, household,
                                                                       kind, on, description));
  return EffectResult{OutcomeState::kDone, application.application_no};
}

Result<EffectResult> LeadDecisions::self_application(const Actor& actor, const Lead& lead,
                                                     Date on) {
  int64_t household = 0;
  FAXIAN_TRY_ASSIGN(household, household_of(lead, LeadOutcome::kApplication));
  std::optional<Application> linked;
  FAXIAN_TRY_ASSIGN(linked, assistance_.link_open_application(actor, lead.id, household, on));
  if (linked)
    return EffectResult{OutcomeState::kDone, linked->application_no};
  return EffectResult{OutcomeState::kPending, ""};
}

Result<EffectResult> LeadDecisions::emergency_aid(const Actor& actor, const Lead& lead,
                                                  const OutcomeDecision& decision, Date on) {
  nlohmann::json parameters;
  FAXIAN_TRY_ASSIGN(parameters, parameters_of(decision));
  EmergencyAidRequest request;
  FAXIAN_TRY_ASSIGN(request.household_id, household_of(lead, decision.outcome));
  request.lead_id = lead.id;
  FAXIAN_TRY_ASSIGN(request.amount, amount_of(parameters, "amount"));
  FAXIAN_TRY_ASSIGN(request.kind,
                    enum_parameter(parameters, "kind", ApplicationKind::kTemporaryEmergency));
  FAXIAN_TRY_ASSIGN(request.method, enum_parameter(parameters, "method", PaymentMethod::kCash));
  FAXIAN_TRY_ASSIGN(request.reason, text_parameter(parameters, "reason"));
  request.on = on;
  EmergencyAidResult granted;
  FAXIAN_TRY_ASSIGN(granted, assistance_.grant_emergency_aid(actor, request));
  return EffectResult{OutcomeState::kDone, granted.application.application_no};
}

Result<EffectResult> LeadDecisions::case_by_case(const Actor& actor, const Lead& lead,
                                                 const OutcomeDecision& decision, Date on) {
  nlohmann::json parameters;
  FAXIAN_TRY_ASSIGN(parameters, parameters_of(decision));
  CaseByCaseRequest request;
  FAXIAN_TRY_ASSIGN(request.household_id, household_of(lead, decision.outcome));
  request.lead_id = lead.id;
  FAXIAN_TRY_ASSIGN(request.amount, amount_of(parameters, "amount"));
  FAXIAN_TRY_ASSIGN(request.kind,
                    enum_parameter(parameters, "kind", ApplicationKind::kTemporaryEmergency));
  FAXIAN_TRY_ASSIGN(request.reasons, text_parameter(parameters, "reasons"));
  request.on = on;
  CaseByCaseOutcome requested;
  FAXIAN_TRY_ASSIGN(requested, assistance_.request_case_by_case(actor, request));
  return EffectResult{OutcomeState::kPending, requested.application.application_no};
}

Result<Lead> decide_lead(LeadService& leads, const Actor& actor, std::string_view lead_no,
                         int64_t version, const std::vector<OutcomeDecision>& outcomes, Date on,
                         std::string_view reason) {
  LeadDecisions effects(leads.database(), leads.clock(), leads.calendar(), leads.policy());
  return leads.decide(actor, lead_no, version, outcomes, on, &effects, reason);
}

Result<DecisionResult> decide_application(Database& db, const Clock& clock,
                                          const WorkCalendar& calendar,
                                          const DeadlinePolicy& policy, const Actor& actor,
                                          std::string_view application_no, int64_t version,
                                          const DecisionRequest& request) {
  return in_transaction(db, [&]() -> Result<DecisionResult> {
    ApplicationService applications(db, clock, calendar, policy);
    DecisionResult result;
    FAXIAN_TRY_ASSIGN(result, applications.decide(actor, application_no, version, request));
    if (result.not_eligible && result.application.lead_id) {
      FAXIAN_TRY(on_application_refused(db, clock, calendar, policy, actor,
                                        *result.application.lead_id, application_no,
                                        request.decided_on));
    }
    return result;
  });
}

Result<void> on_application_refused(Database& db, const Clock& clock, const WorkCalendar& calendar,
                                    const DeadlinePolicy& policy, const Actor& actor,
                                    int64_t lead_id, std::string_view application_no, Date on) {
  LeadService leads(db, clock, calendar, policy);
  std::optional<Lead> lead;
  FAXIAN_TRY_ASSIGN(lead, leads.find_by_id(lead_id));
  if (!lead || !lead->household_id)
    return ok();
  RuleSetRepository rule_sets(db, clock);
  auto rules = rule_sets.load_latest();
  if (!rules)
    return tl::unexpected(rules.error());
  auto suppressed = WarningRepository(db, clock).suppress(*lead->household_id, WarningKind::kNeed,
                                                          SuppressionReason::kNotEligible, on,
                                                          SuppressionPolicy::of(*rules));
  if (!suppressed && suppressed.error().code != ErrorCode::kNotFound)
    return suppressed;
  // Follow up a household found in difficulty but not eligible (40-workflow.md "closed").
  auto in_difficulty = query_int(db,
                                 "SELECT COUNT(*) FROM lead_verifications WHERE lead_id = ? AND "
                                 "difficulty_found = 1",
                                 [&](Statement& statement) { statement.bind_int64(1, lead_id); });
  if (!in_difficulty)
    return tl::unexpected(in_difficulty.error());
  const std::string title = fmt::format("回访（申请 {} 不予批准）", application_no);
  TaskRepository tasks(db, clock);
  TaskQuery existing;
  existing.lead_id = lead_id;
  existing.kind = TaskKind::kFollowUp;
  existing.status.reset();
  std::vector<Task> already;
  FAXIAN_TRY_ASSIGN(already, tasks.list(existing));
  for (const Task& task : already) {
    if (task.title == title)
      return ok();
  }
  if (*in_difficulty == 0)
    return ok();
  Task follow_up;
  follow_up.kind = TaskKind::kFollowUp;
  follow_up.household_id = lead->household_id;
  follow_up.lead_id = lead_id;
  follow_up.township_code = lead->township_code;
  follow_up.village_code = lead->village_code;
  follow_up.title = title;
  follow_up.due_on = working_days_after(calendar, on, policy.follow_up);
  follow_up.created_on = on;
  follow_up.created_by = actor.name;
  auto created = tasks.create(follow_up);
  if (!created)
    return tl::unexpected(created.error());
  return ok();
}

}  // namespace faxian::workflow
