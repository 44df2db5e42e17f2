#pragma once
// 转介 (40-workflow.md "Referrals", outcome referral; 30-screening.md "Warnings": a new need
// warning opens a referral for each listed department). A referral goes to a department's inbox
// with the masked household summary, and must be answered within DeadlinePolicy::referral_answer
// working days (5). The answer — accepted or not applicable, with the result and an optional
// amount in fen — completes the lead's pending `referral` outcome whose reference is the
// referral number. Unanswered referrals past their deadline are escalated: a notice to the
// department's liaisons and to the township's officers.
//
// Every change is one transaction with an audit entry. Who may act: referrals are sent by the
// system, the county roles or the township officers of the household's township; a referral is
// read and answered by its department's liaisons and the county (others get kNotFound, so
// nothing leaks about other departments' inboxes).

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
#include "domain/warning.hpp"
#include "store/database.hpp"
#include "workflow/casework/referral.hpp"
#include "workflow/casework/referral_repository.hpp"
#include "workflow/leads/actor.hpp"
#include "workflow/leads/deadline_policy.hpp"

namespace faxian::workflow {

struct ReferralRequest {
  Department department = Department::kCivilAffairs;
  std::optional<int64_t> lead_id{};       // the lead this referral serves (outcome referral)
  std::optional<int64_t> household_id{};  // defaults to the lead's household
  std::optional<int64_t> warning_id{};
  std::string reason;  // required: what the department is asked to do, in Chinese
  Date sent_on{};
};

struct ReferralAnswer {
  ReferralStatus decision = ReferralStatus::kAccepted;  // accepted or not_applicable
  std::string result;             // required: e.g. "已审核，医疗救助支付12,300元"
  std::optional<Money> amount{};  // accepted only; ≥ 0
  Date answered_on{};
};

// For a newly opened need warning: the household, the departments of its fired rules and the
// lead opened for it.
struct WarningReferralRequest {
  int64_t warning_id = 0;
  int64_t household_id = 0;
  int64_t lead_id = 0;
  std::vector<std::string> departments;  // as the warning lists them (乡镇（街道） is skipped)
  std::string reason;                    // the warning's explanations
  Date sent_on{};
};

struct WarningReferrals {
  std::vector<Referral> sent;                    // new referrals, in list order
  std::vector<Referral> already_sent;            // the warning had referred these before
  std::vector<std::string> unknown_departments;  // names not in the catalogue (not sent)
};

class ReferralService {
 public:
  ReferralService(Database& db, const Clock& clock, const WorkCalendar& calendar,
                  DeadlinePolicy policy = {})
      : db_(db), clock_(clock), calendar_(calendar), policy_(policy) {}

  // Sends one referral. kInvalidArgument without a reason or without a household or lead;
  // kNotFound for an unknown lead or household; kIllegalTransition when the actor may not refer
  // from that township.
  Result<Referral> send(const Actor& actor, const ReferralRequest& request);

  // One referral per listed non-township department, each at most once per warning: calling it
  // again sends nothing new (the earlier ones come back in already_sent). One transaction.
  Result<WarningReferrals> send_for_warning(const Actor& actor,
                                            const WarningReferralRequest& request);
  // The same for a stored warning (need kind only: kInvalidArgument otherwise), its reason being
  // the fired rules' explanations.
  Result<WarningReferrals> send_for_warning(const Actor& actor, const Warning& warning,
                                            int64_t lead_id, Date sent_on);

  // Records the department's answer. `version` is the referral's version as the caller read it:
  // another is kConflict. kNotFound when the actor does not act for the department;
  // kIllegalTransition when already answered; kInvalidArgument for a pending decision, an empty
  // result, a negative amount or an amount with not_applicable.
  Result<Referral> answer(const Actor& actor, std::string_view referral_no, int64_t version,
                          const ReferralAnswer& answer);

  // One referral; kNotFound when unknown or outside the actor's department.
  Result<Referral> get(const Actor& actor, std::string_view referral_no);
  // A department's inbox (pending only when `pending_only`), oldest deadline first.
  // kNotFound when the actor does not act for the department.
  Result<std::vector<Referral>> inbox(const Actor& actor, Department department,
                                      bool pending_only = true);
  // Referrals matching `query` within the actor's scope: the county roles and auditors see
  // all, a department liaison only its department's, a township officer only its township's
  // (the query's department / township is overridden). Other roles: kNotFound.
  Result<std::vector<Referral>> list(const Actor& actor, ReferralQuery query);
  // The referrals of a lead (for the lead's page).
  Result<std::vector<Referral>> for_lead(int64_t lead_id);
  // Pending referrals whose deadline day is before `on`.
  Result<std::vector<Referral>> overdue(Date on);
  // Escalates every overdue referral: stores a "referral_overdue" notice for the department's
  // liaisons (county region) and one for the township's officers (once per day each), marks
  // the first escalation day and audits it. Returns the number of notices stored.
  Result<int64_t> escalate_overdue(const Actor& actor, Date on);

 private:
  Result<Referral> send_in_transaction(const Actor& actor, const ReferralRequest& request);
  Result<WarningReferrals> send_for_warning_in_transaction(const Actor& actor,
                                                           const WarningReferralRequest& request);
  Result<Referral> answer_in_transaction(const Actor& actor, std::string_view referral_no,
                                         int64_t version, const ReferralAnswer& answer);
  Result<int64_t> escalate_one(const Actor& actor, const Referral& referral, Date on);

  Database& db_;
  const Clock& clock_;
  const WorkCalendar& calendar_;
  DeadlinePolicy policy_;
};

}  // namespace faxian::workflow
