// AssistanceOutcomes::request_temporary_aid, ::request_case_by_case and ::decide_case_by_case:
// the amount asked for a 临时救助 application on its track (小额快救 within 3 calendar days,
// township, 一事一议). 一事一议: a 临时救助 amount above the township's limit goes to the county;
// county_officer or county_admin approves (the application is decided and the payment recorded) or
// rejects (the application stays with the township, which may still grant an amount within its own
// limit) within 5 working days.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "workflow/assistance/application_repository.hpp"
#include "workflow/assistance/application_service.hpp"
#include "workflow/assistance/assistance_outcomes.hpp"
#include "workflow/leads/audit_log.hpp"

namespace faxian::workflow {
namespace {

Result<void> require_county(const Actor& actor) {
  if (!actor.is_system() &&
      (actor.role == Role::kCountyOfficer || actor.role == Role::kCountyAdmin))
    return ok();
  return fail(ErrorCode::kIllegalTransition,
              "一事一议须由县民政局审批（县社会救助科或县级管理员），当前账号无权审批",
              fmt::format("case-by-case decision by role '{}'",
                          actor.is_system() ? "system" : enum_key(actor.role)));
}

std::string role_key(const Actor& actor) {
  return actor.is_system() ? std::string() : std::string(enum_key(actor.role));
}

// A history row and an audit entry for the request on its application (no field changes).
Result<void> log_on_application(Database& db, const Clock& clock, const Actor& actor,
                                const Application& application, std::string_view action,
                                std::string_view reason, Date on, const std::string& detail) {
  ApplicationEvent event{0,          std::string(action), application.status,  application.status,
                         actor.name, role_key(actor),     std::string(reason), detail,
                         on};
  FAXIAN_TRY(ApplicationRepository(db, clock).add_event(application.id, event));
  FAXIAN_TRY(AuditLog(db, clock).append({actor.name, role_key(actor), actor.source_address,
                                         fmt::format("application.{}", action), "application",
                                         application.application_no, std::string(reason), detail}));
  return ok();
}

}  // namespace

Result<AidRequest> AssistanceOutcomes::request_temporary_aid(const Actor& actor,
                                                             std::string_view application_no,
                                                             Money amount, std::string_view reasons,
                                                             Date on) {
  if (reasons.empty())
    return fail(ErrorCode::kInvalidArgument, "临时救助请示须写明理由", "no reasons");
  return in_transaction(db_, [&]() -> Result<AidRequest> {
    std::optional<Application> application;
    FAXIAN_TRY_ASSIGN(application, ApplicationRepository(db_, clock_).find(application_no));
    if (!application)
      return fail(ErrorCode::kNotFound, fmt::format("救助申请 {} 不存在", application_no),
                  "application not found");
    if (!is_temporary(application->kind))
      return fail(ErrorCode::kInvalidArgument, "只有临时救助申请可以请示救助金额", "not temporary");
    if (application->decision || application->status == ApplicationStatus::kEnded)
      return fail(ErrorCode::kIllegalTransition, "申请已审批或已退出", "application decided");
    AidProposal proposal;
    FAXIAN_TRY_ASSIGN(proposal, propose(application->household_id, amount, on));
    AidRequest aid;
    aid.application_id = application->id;
    aid.household_id = application->household_id;
    aid.township_code = application->township_code;
    aid.lead_id = application->lead_id;
    aid.track = proposal.track;
    aid.amount = amount;
    aid.standard = proposal.standard;
    aid.reasons = fmt::format("{}；{}", reasons, proposal.explanation);
    aid.requested_on = on;
    if (proposal.track == AidTrack::kQuick)
      aid.decision_due = on.add_days(policy_.quick_aid_calendar_days);
    if (proposal.track == AidTrack::kCaseByCase)
      aid.decision_due = working_days_after(calendar_, on, policy_.case_by_case_decision);
    aid.created_by = actor.name;
    AidRequest stored;
    FAXIAN_TRY_ASSIGN(stored, AidRequestRepository(db_, clock_).insert(aid));
    FAXIAN_TRY(log_on_application(
        db_, clock_, actor, *application, fmt::format("aid_request.{}", enum_key(proposal.track)),
        reasons, on,
        nlohmann::json{{"request_id", stored.id}, {"amount_fen", amount.fen()}}.dump()));
    return stored;
  });
}

Result<CaseByCaseOutcome> AssistanceOutcomes::request_case_by_case(
    const Actor& actor, const CaseByCaseRequest& request) {
  if (request.reasons.empty())
    return fail(ErrorCode::kInvalidArgument, "一事一议请示须写明理由", "no reasons");
  if (!is_temporary(request.kind))
    return fail(ErrorCode::kInvalidArgument, "一事一议只适用于临时救助", "not temporary");
  AidProposal proposal;
  FAXIAN_TRY_ASSIGN(proposal, propose(request.household_id, request.amount, request.on));
  if (proposal.track != AidTrack::kCaseByCase)
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("金额 {} 元未超过乡镇审批上限 {} 元，由乡镇审批，无需一事一议",
                            request.amount.yuan_display(), proposal.township_cap.yuan_display()),
                "amount within the township limit");
  return in_transaction(db_, [&]() -> Result<CaseByCaseOutcome> {
    CaseByCaseOutcome outcome;
    SubmitRequest submit;
    submit.kind = request.kind;
    submit.household_id = request.household_id;
    submit.applicant_person_id = request.applicant_person_id;
    submit.assisted = request.lead_id.has_value();
    submit.lead_id = request.lead_id;
    submit.description = request.reasons;
    submit.submitted_on = request.on;
    submit.completes_lead_outcome = false;
    FAXIAN_TRY_ASSIGN(outcome.application,
                      ApplicationService(db_, clock_, calendar_, policy_).submit(actor, submit));
    FAXIAN_TRY_ASSIGN(outcome.request,
                      request_temporary_aid(actor, outcome.application.application_no,
                                            request.amount, request.reasons, request.on));
    return outcome;
  });
}

Result<CaseByCaseOutcome> AssistanceOutcomes::decide_case_by_case(
    const Actor& actor, int64_t request_id, int64_t version, const CaseByCaseDecision& decision) {
  FAXIAN_TRY(require_county(actor));
  if (!decision.approve && decision.reason.empty())
    return fail(ErrorCode::kInvalidArgument, "不予批准一事一议须填写理由", "no reason");
  ApplicationService applications(db_, clock_, calendar_, policy_);
  return in_transaction(db_, [&]() -> Result<CaseByCaseOutcome> {
    AidRequestRepository requests(db_, clock_);
    std::optional<AidRequest> found;
    FAXIAN_TRY_ASSIGN(found, requests.find(request_id));
    if (!found || found->track != AidTrack::kCaseByCase)
      return fail(ErrorCode::kNotFound, "一事一议请示不存在", "case-by-case request not found");
    if (found->version != version)
      return fail(ErrorCode::kConflict, "该请示已被他人处理，请刷新后重试", "stale version");
    if (found->status != AidRequestStatus::kRequested)
      return fail(ErrorCode::kIllegalTransition, "该一事一议请示已审批", "already decided");
    CaseByCaseOutcome outcome;
    std::optional<Application> application;
    FAXIAN_TRY_ASSIGN(application,
                      ApplicationRepository(db_, clock_).find_by_id(found->application_id));
    AidRequest decided = *found;
    decided.decided_on = decision.on;
    decided.decided_by = actor.user_id;
    decided.decided_by_name = actor.name;
    decided.decision_reason = decision.reason;
    if (decision.approve) {
      // The request is approved first: the application's decision checks that an amount above
      // the township's limit has an approved 一事一议.
      const Money amount = decision.amount.value_or(found->amount);
      decided.status = AidRequestStatus::kApproved;
      decided.amount = amount;
      FAXIAN_TRY_ASSIGN(decided, requests.update(decided));
      DecisionRequest approve{ApplicationDecision::kApproved,
                              decision.reason.empty() ? "一事一议批准" : decision.reason,
                              decision.on, decision.on, amount};
      DecisionResult result;
      FAXIAN_TRY_ASSIGN(result, applications.decide(actor, application->application_no,
                                                    application->version, approve));
      PaymentRequest pay{amount, decision.on, decision.method, PaymentSource::kCaseByCase};
      FAXIAN_TRY_ASSIGN(outcome.payment,
                        applications.record_payment(actor, application->application_no,
                                                    result.application.version, pay));
      decided.payment_id = outcome.payment->id;
    } else {
      decided.status = AidRequestStatus::kRejected;
      FAXIAN_TRY(log_on_application(db_, clock_, actor, *application, "case_by_case_rejected",
                                    decision.reason, decision.on,
                                    nlohmann::json{{"request_id", request_id}}.dump()));
    }
    FAXIAN_TRY_ASSIGN(outcome.request, requests.update(decided));
    FAXIAN_TRY(complete_outcome(actor, found->lead_id, LeadOutcome::kCaseByCase,
                                application->application_no, decision.on));
    FAXIAN_TRY_ASSIGN(application, applications.find(application->application_no));
    outcome.application = std::move(*application);
    return outcome;
  });
}

}  // namespace faxian::workflow
