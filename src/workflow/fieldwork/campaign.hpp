#pragma once
// 集中排查 (40-workflow.md "Campaigns"): the county opens a campaign for an event over chosen
// villages and dates; every low-income household, every household with an open need warning
// and every household in the disaster feed within the dates, in those villages, gets one visit
// task. These are the plain types; campaign_service.hpp holds the operations.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "workflow/fieldwork/checklist.hpp"
#include "workflow/fieldwork/fieldwork_enums.hpp"

namespace faxian::workflow {

struct CampaignRequest {
  std::string name;  // e.g. 2026年7月洪涝灾害集中排查
  CampaignEvent event = CampaignEvent::kOther;
  std::string description;
  Date starts_on{};
  Date ends_on{};
  std::vector<std::string> village_codes;  // 12-digit codes
  std::vector<ChecklistItem> checklist;    // empty: default_campaign_checklist()
};

struct Campaign {
  int64_t id = 0;
  std::string name;
  CampaignEvent event = CampaignEvent::kOther;
  std::string description;
  Date starts_on{};
  Date ends_on{};
  CampaignStatus status = CampaignStatus::kOpen;
  std::vector<std::string> village_codes;  // ascending
  std::vector<ChecklistItem> checklist;    // in list order
  std::string created_by;
  Date created_on{};
  std::optional<Date> closed_on{};

  bool operator==(const Campaign&) const = default;
};

// Why a household is in a campaign (several reasons may hold at once).
struct InclusionReasons {
  bool low_income = false;    // holds a category during the campaign's dates
  bool open_warning = false;  // has an open need warning when the campaign opens
  bool disaster = false;      // a member is in the disaster feed within the dates

  bool operator==(const InclusionReasons&) const = default;
};

// One household a campaign must visit.
struct CampaignTarget {
  int64_t household_id = 0;
  std::string household_no;
  std::string village_code;
  std::string township_code;
  std::optional<int64_t> task_id{};
  InclusionReasons reasons;
  bool visited = false;  // a visit of this campaign was recorded (filled when listed)

  bool operator==(const CampaignTarget&) const = default;
};

}  // namespace faxian::workflow
