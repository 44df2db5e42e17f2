#pragma once
// Which households a campaign must visit: those living in its villages that (a) hold any
// category (10-domain.md: the low-income population is the union of the categories) on some day
// of the campaign's dates — a household's own category or a member's; (b) have an open need
// warning; or (c) have a member in the current `disaster` feed with an event date within the
// campaign's dates, the member belonging to the household on that date. Each household once.

#include <cstdint>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/fieldwork/campaign.hpp"

namespace faxian::workflow {

// The targets of the campaign `campaign_id`, whose villages must already be stored in
// campaign_villages, for the dates [starts_on, ends_on]; ordered by village, then 户号.
// task_id and visited are left empty.
Result<std::vector<CampaignTarget>> select_campaign_targets(Database& db, int64_t campaign_id,
                                                            Date starts_on, Date ends_on);

}  // namespace faxian::workflow
