#pragma once
// 走访: one home visit a coordinator records on a phone-sized form (40-workflow.md "Visits") —
// household, date, checklist, needs found, free text. A visit that finds difficulty opens a lead
// (source visit, or campaign for a campaign visit).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "domain/lead.hpp"
#include "domain/rule_set.hpp"
#include "workflow/fieldwork/checklist.hpp"
#include "workflow/fieldwork/fieldwork_enums.hpp"

namespace faxian::workflow {

// What the coordinator submits.
struct VisitForm {
  int64_t household_id = 0;
  Date visited_on{};
  std::string met;  // who was met
  std::vector<ChecklistEntry> answers;
  std::vector<VisitNeed> needs;
  std::string notes;
  // Open a lead even when no checklist concern and no need was ticked (the coordinator's
  // judgement).
  bool open_lead = false;
  // Urgency of the lead the visit opens (yellow unless the coordinator raises it).
  WarningLevel level = WarningLevel::kYellow;
  // The task this visit answers, when the coordinator opened it from the task list.
  std::optional<int64_t> task_id{};
};

// A stored visit.
struct Visit {
  int64_t id = 0;
  int64_t household_id = 0;
  std::string household_no;
  std::string village_code;
  std::string township_code;
  Date visited_on{};
  std::optional<int64_t> campaign_id{};
  std::optional<int64_t> task_id{};
  std::string visitor;  // username
  std::optional<int64_t> visitor_user_id{};
  std::string met;
  std::string notes;
  bool difficulty_found = false;
  std::optional<int64_t> lead_id{};
  std::string lead_no;                  // filled when read, "" without a lead
  std::vector<ChecklistEntry> answers;  // in item-key order
  std::vector<VisitNeed> needs;         // in enum order
  int64_t created_at = 0;

  bool operator==(const Visit&) const = default;
};

// What recording a visit did.
struct VisitResult {
  Visit visit;
  std::optional<Lead> lead{};            // the lead it opened or joined, when difficulty was found
  bool lead_attached = false;            // joined the household's open lead instead of opening one
  std::vector<int64_t> tasks_completed;  // the visit tasks it answered
};

}  // namespace faxian::workflow
