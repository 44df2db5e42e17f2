#pragma once
// Storage of campaigns (tables campaigns, campaign_villages, campaign_checklist_items,
// campaign_targets of migration 10). Plain rows: CampaignService applies the rules.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/fieldwork/campaign.hpp"

namespace faxian::workflow {

struct CampaignQuery {
  std::string region_prefix{};  // "" for all; else campaigns with a village under this code
  std::optional<CampaignStatus> status{};
  std::optional<Date> active_from{};  // campaigns whose dates overlap [active_from, active_to]
  std::optional<Date> active_to{};
};

class CampaignRepository {
 public:
  CampaignRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Stores the campaign, its villages and checklist (status open); returns its id.
  // REQUIRES: a transaction is open; the request was checked.
  Result<int64_t> insert(const CampaignRequest& request, std::string_view created_by,
                         Date created_on);
  // Stores one target with its task.
  Result<void> insert_target(int64_t campaign_id, const CampaignTarget& target);
  Result<std::optional<Campaign>> find(int64_t id);
  // Newest first (starts_on, then id). kInvalidArgument for a bad region prefix.
  Result<std::vector<Campaign>> list(const CampaignQuery& query);
  // The targets under `region_prefix` ("" for all), by village then 户号, with `visited` set.
  Result<std::vector<CampaignTarget>> targets(int64_t campaign_id, std::string_view region_prefix);
  // Whether the household is a target of the campaign.
  Result<bool> is_target(int64_t campaign_id, int64_t household_id);
  // Marks the campaign closed on `on`.
  Result<void> set_closed(int64_t id, Date on);

 private:
  Result<void> load_details(Campaign& campaign);

  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::workflow
