#pragma once
// 排查清单: the questions a coordinator ticks for a household at a visit. An answer equal to an
// item's `concern_answer` is a finding of difficulty (e.g. "住房是否安全" answered 否). Campaigns
// carry their own list (default: the campaign checklist below); routine and ad hoc visits use
// the routine checklist.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "workflow/fieldwork/fieldwork_enums.hpp"

namespace faxian::workflow {

struct ChecklistItem {
  std::string key;       // stable within its list, e.g. "housing_safe"
  std::string question;  // Chinese
  ChecklistAnswer concern_answer = ChecklistAnswer::kYes;

  bool operator==(const ChecklistItem&) const = default;
};

// One ticked item.
struct ChecklistEntry {
  std::string item_key;
  ChecklistAnswer answer = ChecklistAnswer::kNotApplicable;
  std::string note;

  bool operator==(const ChecklistEntry&) const = default;
};

// The list used for routine and ad hoc visits.
std::span<const ChecklistItem> routine_checklist();
// The list a campaign gets when it is opened without one.
std::span<const ChecklistItem> default_campaign_checklist();

// ok() when every item has a key and a question, keys are unique and concern answers are yes
// or no; kInvalidArgument naming the item otherwise.
Result<void> check_checklist(std::span<const ChecklistItem> items);

// ok() when each entry answers an item of `items` at most once; kInvalidArgument otherwise.
Result<void> check_answers(std::span<const ChecklistItem> items,
                           std::span<const ChecklistEntry> answers);

// The items whose answer is their concern answer (the findings of difficulty), in list order.
std::vector<ChecklistItem> concerns(std::span<const ChecklistItem> items,
                                    std::span<const ChecklistEntry> answers);

}  // namespace faxian::workflow
