#pragma once
// The effects of the lead outcomes referral (转介专项救助) and coordination (县级协调), for
// LeadService::decide (40-workflow.md "Outcomes"). Each creates its case and leaves the outcome
// pending, its reference the case number; answering the referral / closing the coordination
// case completes it (LeadService::complete_outcome).
//
// Parameters (OutcomeDecision::parameters, JSON):
//   referral:     {"department": "医保局", "reason": "…"}  (department: any catalogue name or key)
//   coordination: {"reason": "…", "departments": [{"department": "人社局", "task": "…"}, …],
//                  "meeting_on": "2026-11-27" (optional), "measures": "…" (optional)}

#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/lead.hpp"
#include "workflow/casework/coordination_service.hpp"
#include "workflow/casework/referral_service.hpp"
#include "workflow/leads/actor.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::workflow {

// Sends the referral of a referral outcome. kInvalidArgument for missing or unknown parameters.
Result<EffectResult> apply_referral_outcome(ReferralService& referrals, const Actor& actor,
                                            const Lead& lead, const OutcomeDecision& decision,
                                            Date on);
// Opens the county case of a coordination outcome (county roles only).
Result<EffectResult> apply_coordination_outcome(CoordinationService& coordination,
                                                const Actor& actor, const Lead& lead,
                                                const OutcomeDecision& decision, Date on);

// OutcomeEffects for the two casework outcomes; any other outcome is kInvalidArgument (the
// workflow layer composes this with the assistance effects).
class CaseworkOutcomes final : public OutcomeEffects {
 public:
  CaseworkOutcomes(ReferralService& referrals, CoordinationService& coordination)
      : referrals_(referrals), coordination_(coordination) {}

  Result<EffectResult> apply(const Actor& actor, const Lead& lead, const OutcomeDecision& decision,
                             Date on) override;

 private:
  ReferralService& referrals_;
  CoordinationService& coordination_;
};

}  // namespace faxian::workflow
