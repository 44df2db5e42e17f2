#pragma once
// 集中排查 (40-workflow.md "Campaigns"): opening a campaign creates one campaign_visit task per
// target household (campaign_targets.hpp says who), due on the campaign's last day;
// coordinators record a checklist visit per household, and a finding of difficulty opens a lead
// (source campaign). Progress is in campaign_progress.hpp.

#include <cstdint>
#include <optional>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "workflow/fieldwork/campaign.hpp"
#include "workflow/fieldwork/campaign_repository.hpp"
#include "workflow/fieldwork/visit.hpp"
#include "workflow/leads/actor.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::workflow {

struct CampaignOpened {
  Campaign campaign;
  int64_t tasks_created = 0;  // = the number of target households
};

class CampaignService {
 public:
  explicit CampaignService(LeadService& leads) : leads_(leads) {}

  // Opens a campaign and creates its visit tasks, in one transaction (with an audit entry).
  // kIllegalTransition unless the actor acts for the county; kInvalidArgument for an empty
  // name, an end before the start, no villages, a code that is not a stored village or a bad
  // checklist. An empty checklist gets default_campaign_checklist().
  Result<CampaignOpened> open(const Actor& actor, const CampaignRequest& request);
  // Closes an open campaign on `on`: its open visit tasks are cancelled (progress still counts
  // them as not visited). kNotFound; kIllegalTransition when already closed or not county.
  Result<Campaign> close(const Actor& actor, int64_t campaign_id, Date on);
  // Records the checklist visit of a target household with the campaign's checklist; a finding
  // of difficulty opens a lead (source campaign, reference "campaign:<id>/visit:<visit id>").
  // kNotFound for an unknown campaign; kIllegalTransition for a closed one; kInvalidArgument
  // for a household that is not a target or a date before the campaign's start; otherwise as
  // VisitService::record.
  Result<VisitResult> record_visit(const Actor& actor, int64_t campaign_id, const VisitForm& form);

  Result<std::optional<Campaign>> find(int64_t campaign_id);
  Result<std::vector<Campaign>> list(const CampaignQuery& query);
  // The campaign's households under `region_prefix` ("" for all), with reasons and visited.
  Result<std::vector<CampaignTarget>> targets(int64_t campaign_id, std::string_view region_prefix);

 private:
  Result<Campaign> open_campaign(int64_t campaign_id);

  LeadService& leads_;
};

}  // namespace faxian::workflow
