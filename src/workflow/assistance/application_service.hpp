#pragma once
// 救助申请 workflow (40-workflow.md "Applications"): acceptance, investigation, the economic
// check (computed, stored as a snapshot), 公示 for 低保/特困, the decision (against the
// recommendation only with a reason; an approved 低保/特困/低保边缘 adds the category), payments
// and exit. Every change is one transaction: the application row (version-checked: a stale
// version is kConflict and nothing is written), a history row and an audit-log entry.
// Deadlines are working days of the calendar (DeadlinePolicy); nullopt when the calendar of the
// year is missing.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "common/money.hpp"
#include "common/work_calendar.hpp"
#include "store/database.hpp"
#include "workflow/assistance/application.hpp"
#include "workflow/assistance/application_repository.hpp"
#include "workflow/assistance/eligibility_check.hpp"
#include "workflow/assistance/payment.hpp"
#include "workflow/leads/actor.hpp"
#include "workflow/leads/deadline_policy.hpp"

namespace faxian::workflow {

struct SubmitRequest {
  ApplicationKind kind = ApplicationKind::kDibao;
  int64_t household_id = 0;
  std::optional<int64_t> applicant_person_id{};
  bool assisted = false;             // 协助申请: opened on the person's behalf
  bool fast_track = false;           // 先行救助 (临时救助 only)
  std::optional<int64_t> lead_id{};  // nullopt: the household's open lead, if any
  std::string description{};
  Date submitted_on{};
  std::string special_reason{};  // a recorded special reason gives 40 working days instead of 25
  // Mark the lead's pending application / assisted_application outcome done (false when the
  // application is itself the effect of another outcome: 先行救助, 一事一议).
  bool completes_lead_outcome = true;
};

struct DecisionRequest {
  ApplicationDecision decision = ApplicationDecision::kApproved;
  std::string reason{};  // required for a rejection and against the recommendation
  Date decided_on{};
  std::optional<Date> start_on{};  // approved: from when (default decided_on)
  std::optional<Money> amount{};   // approved amount (monthly for 低保/特困)
};

struct DecisionResult {
  Application application;
  // A rejection: the household was found not eligible (the lead layer suppresses the
  // household's warnings on the same evidence).
  bool not_eligible = false;
  std::optional<int64_t> category_id{};  // the category an approval added
};

struct CheckResult {
  Application application;
  EligibilityCheck check;
  int64_t stored_check_id = 0;
};

class ApplicationService {
 public:
  ApplicationService(Database& db, const Clock& clock, const WorkCalendar& calendar,
                     DeadlinePolicy policy = {})
      : db_(db), clock_(clock), calendar_(calendar), policy_(policy) {}

  // Accepts an application (status submitted) and sets its process deadline (低保/特困: 25
  // working days, 40 with a special reason). Links it to `lead_id` or else to the household's
  // open lead, and marks that lead's pending `application` (or, when assisted,
  // `assisted_application`) outcome done. kInvalidArgument for an unknown household or person
  // or fast_track on a kind other than 临时救助.
  Result<Application> submit(const Actor& actor, const SubmitRequest& request);

  // State changes. `version` is the application's version as the caller read it: a different
  // current version is kConflict (nothing written); a move the state machine forbids is
  // kIllegalTransition. Each returns the application afterwards.
  Result<Application> start_investigation(const Actor& actor, std::string_view application_no,
                                          int64_t version, Date on);
  Result<Application> start_economic_check(const Actor& actor, std::string_view application_no,
                                           int64_t version, Date on);
  // Computes the eligibility check as of `as_of`, stores its snapshot tied to the application
  // and records it as the check the decision relies on. Allowed before the decision.
  Result<CheckResult> run_eligibility_check(const Actor& actor, std::string_view application_no,
                                            int64_t version, Date as_of);
  // 公示 for 低保/特困: 7 calendar days from `from` (the decision may follow from the 8th day).
  Result<Application> start_public_notice(const Actor& actor, std::string_view application_no,
                                          int64_t version, Date from);
  // An objection during 公示: back to investigating; records the special reason (40 days).
  Result<Application> record_objection(const Actor& actor, std::string_view application_no,
                                       int64_t version, std::string_view reason, Date on);
  // Records a special reason (异议, 人户分离, 异地申办, hard investigation): 40 working days.
  // kInvalidArgument for an empty reason.
  Result<Application> record_special_reason(const Actor& actor, std::string_view application_no,
                                            int64_t version, std::string_view reason);
  // Approves or rejects. 低保/特困/低保边缘 need a stored check (kIllegalTransition otherwise);
  // 低保/特困 only after 公示 ended. A rejection, a decision against the check's recommendation
  // and a decision on a manual_review recommendation need a reason (kInvalidArgument). A
  // rejection sets the refusal-notice deadline (3 working days).
  Result<DecisionResult> decide(const Actor& actor, std::string_view application_no,
                                int64_t version, const DecisionRequest& request);
  // Records a payment of an approved application (decided → in_payment on the first). A payment
  // from the reserve fund debits the township's fund in the same transaction (kIllegalTransition
  // when the balance is insufficient; nothing written).
  Result<PaymentRecord> record_payment(const Actor& actor, std::string_view application_no,
                                       int64_t version, const PaymentRequest& request);
  // Links the application to a lead (set once: kIllegalTransition when linked to another) and
  // marks the lead's pending application / assisted_application outcome done.
  Result<Application> link_lead(const Actor& actor, std::string_view application_no,
                                int64_t version, int64_t lead_id, Date on);
  // Ends the application (退出 after payment, 撤回 before a decision). kInvalidArgument without a
  // reason.
  Result<Application> end(const Actor& actor, std::string_view application_no, int64_t version,
                          Date on, std::string_view reason);

  Result<std::optional<Application>> find(std::string_view application_no);
  Result<std::vector<Application>> list(const ApplicationQuery& query);
  Result<std::vector<ApplicationEvent>> history(std::string_view application_no);
  Result<std::vector<PaymentRecord>> payments(std::string_view application_no);

  Database& database() { return db_; }
  const Clock& clock() const { return clock_; }
  const WorkCalendar& calendar() const { return calendar_; }
  const DeadlinePolicy& policy() const { return policy_; }

 private:
  using Change = std::function<Result<void>(Application&)>;
  // The shared shape of every change: in one transaction, find the application, check the
  // version, apply `change`, write it (version + 1), a history row and an audit entry.
  Result<Application> mutate(const Actor& actor, std::string_view application_no, int64_t version,
                             std::string_view action, Date on, std::string_view reason,
                             const Change& change, std::string detail = "{}");
  // Moves to `to` if the state machine allows it.
  Result<Application> move(const Actor& actor, std::string_view application_no, int64_t version,
                           std::string_view action, ApplicationStatus to, Date on,
                           std::string_view reason);
  // The 低保/特困 process deadline from acceptance (25 or 40 working days).
  std::optional<Date> process_due(const Application& application) const;

  Database& db_;
  const Clock& clock_;
  const WorkCalendar& calendar_;
  DeadlinePolicy policy_;
};

}  // namespace faxian::workflow
