#include "workflow/assistance/assistance_outcomes.hpp"

#include <fmt/format.h>

#include "workflow/assistance/application_service.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::workflow {

Result<Application> AssistanceOutcomes::open_assisted_application(const Actor& actor,
                                                                  int64_t lead_id,
                                                                  int64_t household_id,
                                                                  ApplicationKind kind, Date on,
                                                                  std::string_view description) {
  SubmitRequest request;
  request.kind = kind;
  request.household_id = household_id;
  request.assisted = true;
  request.lead_id = lead_id;
  request.description = std::string(description);
  request.submitted_on = on;
  return ApplicationService(db_, clock_, calendar_, policy_).submit(actor, request);
}

Result<std::optional<Application>> AssistanceOutcomes::link_open_application(const Actor& actor,
                                                                             int64_t lead_id,
                                                                             int64_t household_id,
                                                                             Date on) {
  ApplicationService applications(db_, clock_, calendar_, policy_);
  ApplicationQuery query;
  query.household_id = household_id;
  query.open_only = true;
  std::vector<Application> open;
  FAXIAN_TRY_ASSIGN(open, applications.list(query));
  for (const Application& application : open) {  // newest first
    if (application.lead_id || application.decision)
      continue;
    auto linked =
        applications.link_lead(actor, application.application_no, application.version, lead_id, on);
    if (!linked)
      return tl::unexpected(linked.error());
    return std::optional<Application>(std::move(*linked));
  }
  return std::optional<Application>();
}

Result<AidProposal> AssistanceOutcomes::propose(int64_t household_id, Money amount, Date on) {
  return propose_for_household(db_, clock_, household_id, amount, on);
}

Result<std::vector<AidRequest>> AssistanceOutcomes::pending_case_by_case() {
  return AidRequestRepository(db_, clock_)
      .list(AidTrack::kCaseByCase, AidRequestStatus::kRequested);
}

Result<void> AssistanceOutcomes::complete_outcome(const Actor& actor,
                                                  std::optional<int64_t> lead_id,
                                                  LeadOutcome outcome, std::string_view reference,
                                                  Date on) {
  if (!lead_id)
    return ok();
  auto done = LeadService(db_, clock_, calendar_, policy_)
                  .complete_outcome(actor, *lead_id, outcome, reference, on);
  if (!done)
    return tl::unexpected(done.error());
  return ok();
}

}  // namespace faxian::workflow
