// ApplicationService::decide and ::record_payment: the decision (with the recommendation it
// agrees or disagrees with, the category an approval adds, the refusal-notice deadline) and the
// money paid afterwards.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/category_repository.hpp"
#include "workflow/assistance/aid_request.hpp"
#include "workflow/assistance/application_service.hpp"
#include "workflow/assistance/application_state.hpp"
#include "workflow/assistance/reserve_fund.hpp"
#include "workflow/assistance/temporary_aid.hpp"

namespace faxian::workflow {
namespace {

// The category an approved application of `kind` gives the household.
std::optional<CategoryKind> category_of(ApplicationKind kind) {
  switch (kind) {
    case ApplicationKind::kDibao:
      return CategoryKind::kDibao;
    case ApplicationKind::kTekun:
      return CategoryKind::kTekun;
    case ApplicationKind::kDibaoEdge:
      return CategoryKind::kDibaoEdge;
    default:
      return std::nullopt;
  }
}

bool needs_check(ApplicationKind kind) {
  return category_of(kind).has_value();
}

bool against(ApplicationDecision decision, std::optional<Recommendation> recommendation) {
  if (!recommendation)
    return false;
  return (decision == ApplicationDecision::kApproved &&
          *recommendation == Recommendation::kNotEligible) ||
         (decision == ApplicationDecision::kRejected &&
          *recommendation == Recommendation::kEligible);
}

Result<void> check_decision_allowed(const Application& application, const DecisionRequest& r) {
  FAXIAN_TRY(check_transition(application.kind, application.status, ApplicationStatus::kDecided,
                              std::nullopt));
  if (needs_check(application.kind) && !application.eligibility_check_id)
    return fail(ErrorCode::kIllegalTransition, "尚未进行家庭经济状况核对，不能审批",
                "decision without an eligibility check");
  if (application.notice_until && r.decided_on <= *application.notice_until)
    return fail(ErrorCode::kIllegalTransition,
                fmt::format("公示期至 {} 止，期满后方可审批", application.notice_until->iso()),
                "decision during the public notice");
  const bool disagrees = against(r.decision, application.recommendation);
  if (r.reason.empty() && disagrees)
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("审批结果与核对建议（{}）不一致，须填写理由",
                            enum_label(*application.recommendation)),
                "decision against the recommendation without a reason");
  if (r.reason.empty() && r.decision == ApplicationDecision::kRejected)
    return fail(ErrorCode::kInvalidArgument, "不予批准须填写理由", "rejection without a reason");
  if (r.reason.empty() && application.recommendation == Recommendation::kManualReview)
    return fail(ErrorCode::kInvalidArgument, "核对建议为需人工研判，审批须填写理由",
                "decision on manual review without a reason");
  if (r.amount && r.amount->fen() < 0)
    return fail(ErrorCode::kInvalidArgument, "批准金额不能为负数", "negative amount");
  return ok();
}

// 临时救助 above the township's limit only through an approved 一事一议 of at least the amount.
Result<void> check_temporary_amount(Database& db, const Clock& clock,
                                    const Application& application, const DecisionRequest& r) {
  if (!is_temporary(application.kind) || r.decision != ApplicationDecision::kApproved)
    return ok();
  if (!r.amount || r.amount->fen() <= 0)
    return fail(ErrorCode::kInvalidArgument, "批准临时救助须写明救助金额",
                "temporary aid approved without an amount");
  AidProposal proposal;
  FAXIAN_TRY_ASSIGN(proposal, propose_for_household(db, clock, application.household_id, *r.amount,
                                                    r.decided_on));
  if (proposal.track != AidTrack::kCaseByCase)
    return ok();
  std::vector<AidRequest> requests;
  FAXIAN_TRY_ASSIGN(requests, AidRequestRepository(db, clock).for_application(application.id));
  for (const AidRequest& request : requests)
    if (request.track == AidTrack::kCaseByCase && request.status == AidRequestStatus::kApproved &&
        request.amount >= *r.amount)
      return ok();
  return fail(ErrorCode::kIllegalTransition,
              fmt::format("临时救助金额 {} 元超过乡镇审批上限 {} 元，须经县级一事一议批准",
                          r.amount->yuan_display(), proposal.township_cap.yuan_display()),
              "temporary aid above the township limit without an approved case-by-case request");
}

// The township's decision settles the application's pending quick/township requests (a
// 一事一议 request is settled by the county only).
Result<void> settle_township_requests(Database& db, const Clock& clock, const Actor& actor,
                                      const Application& application) {
  if (!is_temporary(application.kind))
    return ok();
  AidRequestRepository repository(db, clock);
  std::vector<AidRequest> requests;
  FAXIAN_TRY_ASSIGN(requests, repository.for_application(application.id));
  for (AidRequest request : requests) {
    if (request.track == AidTrack::kCaseByCase || request.status != AidRequestStatus::kRequested)
      continue;
    request.status = application.decision == ApplicationDecision::kApproved
                         ? AidRequestStatus::kApproved
                         : AidRequestStatus::kRejected;
    request.decided_on = application.decided_on;
    request.decided_by = actor.user_id;
    request.decided_by_name = actor.name;
    request.decision_reason = application.decision_reason;
    FAXIAN_TRY(repository.update(request));
  }
  return ok();
}

}  // namespace

Result<DecisionResult> ApplicationService::decide(const Actor& actor,
                                                  std::string_view application_no, int64_t version,
                                                  const DecisionRequest& request) {
  DecisionResult result;
  const bool approved = request.decision == ApplicationDecision::kApproved;
  const std::string detail = nlohmann::json{
      {"decision", enum_key(request.decision)},
      {"amount_fen",
       request.amount
           ? nlohmann::json(request.amount->fen())
           : nlohmann::json()}}.dump();
  auto stored = in_transaction(db_, [&]() -> Result<Application> {
    Application decided;
    FAXIAN_TRY_ASSIGN(
        decided, mutate(
                     actor, application_no, version, "decide", request.decided_on, request.reason,
                     [&](Application& application) -> Result<void> {
                       FAXIAN_TRY(check_decision_allowed(application, request));
                       FAXIAN_TRY(check_temporary_amount(db_, clock_, application, request));
                       application.status = ApplicationStatus::kDecided;
                       application.decision = request.decision;
                       application.decision_reason = request.reason;
                       application.against_recommendation =
                           against(request.decision, application.recommendation);
                       application.decided_on = request.decided_on;
                       application.decided_by = actor.user_id;
                       if (approved) {
                         application.start_on = request.start_on.value_or(request.decided_on);
                         application.amount = request.amount;
                       } else {
                         application.refusal_notice_due = working_days_after(
                             calendar_, request.decided_on, policy_.refusal_notice);
                       }
                       return ok();
                     },
                     detail));
    FAXIAN_TRY(settle_township_requests(db_, clock_, actor, decided));
    const auto kind = category_of(decided.kind);
    if (approved && kind) {
      Category category;
      category.kind = *kind;
      category.household_id = decided.household_id;
      category.start = *decided.start_on;
      category.source = CategorySource::kWorkflow;
      category.source_ref = decided.application_no;
      FAXIAN_TRY_ASSIGN(result.category_id, CategoryRepository(db_, clock_).add(category));
    }
    return decided;
  });
  if (!stored)
    return tl::unexpected(stored.error());
  result.application = std::move(*stored);
  result.not_eligible = !approved;
  return result;
}

Result<PaymentRecord> ApplicationService::record_payment(const Actor& actor,
                                                         std::string_view application_no,
                                                         int64_t version,
                                                         const PaymentRequest& request) {
  PaymentRecord payment;
  const std::string detail = nlohmann::json{
      {"amount_fen", request.amount.fen()},
      {"method", enum_key(request.method)},
      {"source",
       enum_key(request.source)}}.dump();
  auto stored = in_transaction(db_, [&]() -> Result<Application> {
    return mutate(
        actor, application_no, version, "payment", request.paid_on, "",
        [&](Application& application) -> Result<void> {
          if (application.decision != ApplicationDecision::kApproved ||
              (application.status != ApplicationStatus::kDecided &&
               application.status != ApplicationStatus::kInPayment))
            return fail(ErrorCode::kIllegalTransition, "只有已批准且未退出的申请可以发放",
                        "payment on an application that is not approved");
          payment.application_id = application.id;
          payment.household_id = application.household_id;
          payment.amount = request.amount;
          payment.paid_on = request.paid_on;
          payment.method = request.method;
          payment.source = request.source;
          payment.period_from = request.period_from.value_or(Month::of(request.paid_on));
          payment.period_to = request.period_to.value_or(payment.period_from);
          payment.note = request.note;
          payment.recorded_by = actor.name;
          if (request.source == PaymentSource::kReserveFund) {
            ReserveEntry entry;
            FAXIAN_TRY_ASSIGN(
                entry,
                ReserveFund(db_, clock_)
                    .pay(actor, application.township_code, request.amount, request.paid_on,
                         application.id, fmt::format("先行救助 {}", application.application_no)));
            payment.reserve_entry_id = entry.id;
          }
          FAXIAN_TRY_ASSIGN(payment, PaymentRepository(db_, clock_).insert(payment));
          application.status = ApplicationStatus::kInPayment;
          return ok();
        },
        detail);
  });
  if (!stored)
    return tl::unexpected(stored.error());
  return payment;
}

Result<std::vector<PaymentRecord>> ApplicationService::payments(std::string_view application_no) {
  std::optional<Application> application;
  FAXIAN_TRY_ASSIGN(application, find(application_no));
  if (!application)
    return fail(ErrorCode::kNotFound, fmt::format("救助申请 {} 不存在", application_no),
                "application not found");
  return PaymentRepository(db_, clock_).for_application(application->id);
}

}  // namespace faxian::workflow
