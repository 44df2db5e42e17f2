#pragma once
// What the lead outcome layer (src/workflow/lead_decisions) calls when an officer decides a
// lead's outcome (40-workflow.md "Outcomes"):
// * assisted_application 协助申请 — open_assisted_application;
// * application 自行申请 — nothing at decision time: ApplicationService::submit links a later
//   application to the household's open lead and completes the outcome; link_open_application
//   covers an application that arrived before the outcome was decided;
// * emergency_aid 先行救助 — grant_emergency_aid: a 临时救助 application decided at once within
//   the township's authority, paid from the township reserve fund, with a paperwork task due in
//   5 working days;
// * case_by_case 一事一议 — request_case_by_case, then decide_case_by_case by the county
//   (approval records the payment);
// * any 临时救助 application — propose / request_temporary_aid give the amount its track.
// Each runs in one transaction (inside the caller's when there is one).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "common/money.hpp"
#include "common/work_calendar.hpp"
#include "domain/lead.hpp"
#include "store/database.hpp"
#include "workflow/assistance/aid_request.hpp"
#include "workflow/assistance/application.hpp"
#include "workflow/assistance/payment.hpp"
#include "workflow/assistance/temporary_aid.hpp"
#include "workflow/leads/actor.hpp"
#include "workflow/leads/deadline_policy.hpp"

namespace faxian::workflow {

struct EmergencyAidRequest {
  int64_t household_id = 0;
  std::optional<int64_t> lead_id{};
  std::optional<int64_t> applicant_person_id{};
  ApplicationKind kind = ApplicationKind::kTemporaryEmergency;
  Money amount{};  // within the township's authority (≤ township_aid_months of the standard)
  Date on{};
  PaymentMethod method = PaymentMethod::kCash;
  std::string reason{};  // the crisis, in Chinese (required)
};

struct EmergencyAidResult {
  Application application;  // decided (approved), in_payment
  AidRequest request;       // track quick or township, approved
  PaymentRecord payment;    // from the reserve fund
  int64_t paperwork_task_id = 0;
  std::optional<Date> paperwork_due{};  // nullopt: calendar missing
};

struct CaseByCaseRequest {
  int64_t household_id = 0;
  std::optional<int64_t> lead_id{};
  std::optional<int64_t> applicant_person_id{};
  ApplicationKind kind = ApplicationKind::kTemporaryEmergency;
  Money amount{};  // above the township's limit
  std::string reasons{};
  Date on{};
};

struct CaseByCaseDecision {
  bool approve = false;
  std::string reason{};  // required for a rejection
  Date on{};
  std::optional<Money> amount{};  // approved amount (default: the requested one)
  PaymentMethod method = PaymentMethod::kBankTransfer;
};

struct CaseByCaseOutcome {
  AidRequest request;
  Application application;
  std::optional<PaymentRecord> payment{};  // approved: the payment recorded
};

class AssistanceOutcomes {
 public:
  AssistanceOutcomes(Database& db, const Clock& clock, const WorkCalendar& calendar,
                     DeadlinePolicy policy = {})
      : db_(db), clock_(clock), calendar_(calendar), policy_(policy) {}

  // 协助申请: opens an application of `kind` on the household's behalf (assisted), linked to
  // `lead_id`; the lead's assisted_application outcome is marked done.
  Result<Application> open_assisted_application(const Actor& actor, int64_t lead_id,
                                                int64_t household_id, ApplicationKind kind, Date on,
                                                std::string_view description);
  // Links the household's newest open, unlinked application to `lead_id` and marks the lead's
  // pending `application` outcome done. nullopt when the household has no such application.
  Result<std::optional<Application>> link_open_application(const Actor& actor, int64_t lead_id,
                                                           int64_t household_id, Date on);
  // 先行救助. kInvalidArgument for a missing reason or an amount ≤ 0; kIllegalTransition when
  // the amount needs 一事一议 (above the township's limit) or the reserve fund is short
  // (nothing written). The lead's emergency_aid outcome is marked done.
  Result<EmergencyAidResult> grant_emergency_aid(const Actor& actor,
                                                 const EmergencyAidRequest& request);
  // Records the amount asked for an existing, undecided 临时救助 application on the track the
  // standards give it: 小额快救 (decision due within 3 calendar days, no means test), township
  // (decided with the application), or 一事一议 (the county's inbox, due in 5 working days).
  // The township's decision of the application settles its quick/township requests.
  // kNotFound; kInvalidArgument for another kind, an amount ≤ 0 or missing reasons;
  // kIllegalTransition when the application is decided or ended.
  Result<AidRequest> request_temporary_aid(const Actor& actor, std::string_view application_no,
                                           Money amount, std::string_view reasons, Date on);
  // 一事一议 request to the county: a 临时救助 application (new) and a pending request due in
  // 5 working days. kInvalidArgument when the amount is within the township's limit or the
  // reasons are missing.
  Result<CaseByCaseOutcome> request_case_by_case(const Actor& actor,
                                                 const CaseByCaseRequest& request);
  // The county's decision. Only county_officer or county_admin users may decide
  // (kIllegalTransition otherwise, with a Chinese message); kConflict on a stale version;
  // kIllegalTransition when already decided; kInvalidArgument for a rejection without reason.
  // Approval decides the application (approved, the amount) and records the payment; either
  // way the lead's case_by_case outcome is marked done.
  Result<CaseByCaseOutcome> decide_case_by_case(const Actor& actor, int64_t request_id,
                                                int64_t version,
                                                const CaseByCaseDecision& decision);
  // The county inbox: pending 一事一议 requests, oldest first.
  Result<std::vector<AidRequest>> pending_case_by_case();
  // The track an amount needs for a household on a date (standards in force, its area type).
  Result<AidProposal> propose(int64_t household_id, Money amount, Date on);

 private:
  Result<void> complete_outcome(const Actor& actor, std::optional<int64_t> lead_id,
                                LeadOutcome outcome, std::string_view reference, Date on);

  Database& db_;
  const Clock& clock_;
  const WorkCalendar& calendar_;
  DeadlinePolicy policy_;
};

}  // namespace faxian::workflow
