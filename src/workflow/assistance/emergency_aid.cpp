// AssistanceOutcomes::grant_emergency_aid — 先行救助: in one transaction a fast-tracked 临时救助
// application decided at once, an approved request on the township's track, the payment from the
// township reserve fund, and a paperwork task (补充材料) due in 5 working days.

#include <fmt/format.h>

#include "workflow/assistance/application_service.hpp"
#include "workflow/assistance/assistance_outcomes.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::workflow {
namespace {

Result<void> validate(const EmergencyAidRequest& request) {
  if (request.reason.empty())
    return fail(ErrorCode::kInvalidArgument, "先行救助须填写困难情况",
                "emergency aid without reason");
  if (!is_temporary(request.kind))
    return fail(ErrorCode::kInvalidArgument, "先行救助只能是临时救助",
                "emergency aid of a non-temporary kind");
  if (request.amount.fen() <= 0)
    return fail(ErrorCode::kInvalidArgument, "先行救助金额必须大于 0", "amount ≤ 0");
  return ok();
}

Task paperwork_task(const Application& application, std::optional<Date> due, const Actor& actor) {
  Task task;
  task.kind = TaskKind::kPaperwork;
  task.household_id = application.household_id;
  task.lead_id = application.lead_id;
  task.township_code = application.township_code;
  task.village_code = application.village_code;
  task.title = fmt::format("先行救助补充材料：{}", application.application_no);
  task.due_on = due;
  task.created_on = application.submitted_on;
  task.created_by = actor.name;
  return task;
}

}  // namespace

Result<EmergencyAidResult> AssistanceOutcomes::grant_emergency_aid(
    const Actor& actor, const EmergencyAidRequest& request) {
  FAXIAN_TRY(validate(request));
  AidProposal proposal;
  FAXIAN_TRY_ASSIGN(proposal, propose(request.household_id, request.amount, request.on));
  if (proposal.track == AidTrack::kCaseByCase)
    return fail(ErrorCode::kIllegalTransition,
                fmt::format("先行救助金额超过乡镇审批上限 {} 元，须报县级一事一议",
                            proposal.township_cap.yuan_display()),
                "emergency aid above the township limit");
  ApplicationService applications(db_, clock_, calendar_, policy_);
  return in_transaction(db_, [&]() -> Result<EmergencyAidResult> {
    EmergencyAidResult result;
    SubmitRequest submit;
    submit.kind = request.kind;
    submit.household_id = request.household_id;
    submit.applicant_person_id = request.applicant_person_id;
    submit.assisted = request.lead_id.has_value();
    submit.fast_track = true;
    submit.lead_id = request.lead_id;
    submit.description = request.reason;
    submit.submitted_on = request.on;
    submit.completes_lead_outcome = false;
    Application application;
    FAXIAN_TRY_ASSIGN(application, applications.submit(actor, submit));
    DecisionRequest decision{
        ApplicationDecision::kApproved,
        fmt::format("先行救助（{}）：{}", enum_label(proposal.track), request.reason), request.on,
        request.on, request.amount};
    DecisionResult decided;
    FAXIAN_TRY_ASSIGN(decided, applications.decide(actor, application.application_no,
                                                   application.version, decision));
    PaymentRequest pay{request.amount, request.on, request.method, PaymentSource::kReserveFund};
    FAXIAN_TRY_ASSIGN(result.payment,
                      applications.record_payment(actor, application.application_no,
                                                  decided.application.version, pay));
    AidRequest aid;
    aid.application_id = application.id;
    aid.household_id = application.household_id;
    aid.township_code = application.township_code;
    aid.lead_id = application.lead_id;
    aid.track = proposal.track;
    aid.amount = request.amount;
    aid.standard = proposal.standard;
    aid.reasons = proposal.explanation;
    aid.status = AidRequestStatus::kApproved;
    aid.requested_on = request.on;
    aid.decided_on = request.on;
    aid.decided_by = actor.user_id;
    aid.decided_by_name = actor.name;
    aid.decision_reason = "先行救助";
    aid.payment_id = result.payment.id;
    aid.created_by = actor.name;
    FAXIAN_TRY_ASSIGN(result.request, AidRequestRepository(db_, clock_).insert(aid));
    result.paperwork_due = working_days_after(calendar_, request.on, policy_.emergency_paperwork);
    FAXIAN_TRY_ASSIGN(result.paperwork_task_id,
                      TaskRepository(db_, clock_)
                          .create(paperwork_task(application, result.paperwork_due, actor)));
    FAXIAN_TRY(complete_outcome(actor, application.lead_id, LeadOutcome::kEmergencyAid,
                                application.application_no, request.on));
    std::optional<Application> latest;
    FAXIAN_TRY_ASSIGN(latest, applications.find(application.application_no));
    result.application = std::move(*latest);
    return result;
  });
}

}  // namespace faxian::workflow
