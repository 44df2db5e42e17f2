#pragma once
// Deciding a lead (40-workflow.md "Outcomes"): the OutcomeEffects that reach beyond the lead,
// composed from the assistance and casework layers, and the parameters each outcome takes
// (OutcomeDecision::parameters, a JSON object; money in yuan as a string or number with at most
// two decimals):
//   no_need, declined          {}                                      (LeadService itself)
//   duplicate                  {"into": "XS20261120-0002"}             (LeadService::merge)
//   assisted_application       {"kind": "dibao", "description": "…"}   → an assisted application
//   application                {}  → pending until the household's own application arrives
//                                    (done at once when one is already open)
//   emergency_aid              {"amount": "1200.00", "reason": "…", "kind": "temporary_emergency",
//                               "method": "cash"}  → 临时救助 paid from the township reserve fund
//   case_by_case               {"amount": "8000", "reasons": "…"} → 一事一议 request, pending
//                               until the county decides
//   referral                   {"department": "医保局", "reason": "…"} → pending until answered
//   coordination               {"reason": "…", "departments": [{"department": "人社局",
//                               "task": "…"}], "meeting_on": "…", "measures": "…"} → pending
//                               until the county closes the case
// An application refused as not eligible hands the household's warning back to screening as a
// suppression and sets up the follow-up visit (on_application_refused).

#include <memory>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "common/work_calendar.hpp"
#include "store/database.hpp"
#include "workflow/assistance/application_service.hpp"
#include "workflow/assistance/assistance_outcomes.hpp"
#include "workflow/casework/casework_outcomes.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::workflow {

class LeadDecisions final : public OutcomeEffects {
 public:
  LeadDecisions(Database& db, const Clock& clock, const WorkCalendar& calendar,
                DeadlinePolicy policy);

  Result<EffectResult> apply(const Actor& actor, const Lead& lead, const OutcomeDecision& decision,
                             Date on) override;

 private:
  Result<EffectResult> assisted_application(const Actor& actor, const Lead& lead,
                                            const OutcomeDecision& decision, Date on);
  Result<EffectResult> self_application(const Actor& actor, const Lead& lead, Date on);
  Result<EffectResult> emergency_aid(const Actor& actor, const Lead& lead,
                                     const OutcomeDecision& decision, Date on);
  Result<EffectResult> case_by_case(const Actor& actor, const Lead& lead,
                                    const OutcomeDecision& decision, Date on);

  AssistanceOutcomes assistance_;
  ReferralService referrals_;
  CoordinationService coordination_;
  CaseworkOutcomes casework_;
};

// Decides a lead with every effect available (what the API and the CLI call).
Result<Lead> decide_lead(LeadService& leads, const Actor& actor, std::string_view lead_no,
                         int64_t version, const std::vector<OutcomeDecision>& outcomes, Date on,
                         std::string_view reason);

// Decides an application (ApplicationService::decide) and, when it is refused as not eligible
// and linked to a lead, calls on_application_refused in the same transaction.
Result<DecisionResult> decide_application(Database& db, const Clock& clock,
                                          const WorkCalendar& calendar,
                                          const DeadlinePolicy& policy, const Actor& actor,
                                          std::string_view application_no, int64_t version,
                                          const DecisionRequest& request);

// An application linked to a lead was refused as not eligible: suppresses the household's need
// warning (cool-down of "not eligible") and, when the verification found the household in
// difficulty, creates a follow-up task 90 working days later (undated when the calendar is
// missing). Idempotent per application.
Result<void> on_application_refused(Database& db, const Clock& clock, const WorkCalendar& calendar,
                                    const DeadlinePolicy& policy, const Actor& actor,
                                    int64_t lead_id, std::string_view application_no, Date on);

}  // namespace faxian::workflow
