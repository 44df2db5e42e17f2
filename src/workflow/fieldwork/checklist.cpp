// The shipped checklists and the checks on checklists and answers.

#include "workflow/fieldwork/checklist.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace faxian::workflow {
namespace {

using A = ChecklistAnswer;

const std::vector<ChecklistItem> kRoutine = {
    {"basic_living_secure", "吃穿等基本生活是否有保障", A::kNo},
    {"housing_safe", "住房是否安全", A::kNo},
    {"medical_burden", "是否有重病、大额医疗支出或有病未医", A::kYes},
    {"schooling_ok", "适龄子女是否正常上学", A::kNo},
    {"care_ok", "失能、高龄、残疾成员是否有人照料", A::kNo},
    {"income_drop", "近期收入是否明显下降（失业、停产、家庭变故）", A::kYes},
};

const std::vector<ChecklistItem> kCampaign = {
    {"house_damaged", "房屋是否受损或存在安全隐患", A::kYes},
    {"casualties", "家庭成员是否有伤亡或患病", A::kYes},
    {"basic_supplies_short", "是否缺少食物、饮用水、衣被", A::kYes},
    {"income_lost", "是否因灾（因疫）失去收入来源", A::kYes},
    {"medical_burden", "是否有重病、大额医疗支出或有病未医", A::kYes},
    {"care_ok", "失能、高龄、残疾成员是否有人照料", A::kNo},
};

const ChecklistItem* find_item(std::span<const ChecklistItem> items, const std::string& key) {
  auto it = std::find_if(items.begin(), items.end(),
                         [&](const ChecklistItem& item) { return item.key == key; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

std::span<const ChecklistItem> routine_checklist() {
  return kRoutine;
}

std::span<const ChecklistItem> default_campaign_checklist() {
  return kCampaign;
}

Result<void> check_checklist(std::span<const ChecklistItem> items) {
  std::set<std::string> keys;
  for (const ChecklistItem& item : items) {
    if (item.key.empty() || item.question.empty())
      return fail(ErrorCode::kInvalidArgument, "排查清单的每一项都要有编号和问题",
                  "checklist item without key or question");
    if (item.concern_answer == ChecklistAnswer::kNotApplicable)
      return fail(ErrorCode::kInvalidArgument,
                  fmt::format("排查项「{}」的关注答案应为“是”或“否”", item.question),
                  fmt::format("checklist item '{}' has concern answer not_applicable", item.key));
    if (!keys.insert(item.key).second)
      return fail(ErrorCode::kInvalidArgument, fmt::format("排查项编号「{}」重复", item.key),
                  fmt::format("duplicate checklist key '{}'", item.key));
  }
  return ok();
}

Result<void> check_answers(std::span<const ChecklistItem> items,
                           std::span<const ChecklistEntry> answers) {
  std::set<std::string> answered;
  for (const ChecklistEntry& entry : answers) {
    if (find_item(items, entry.item_key) == nullptr)
      return fail(ErrorCode::kInvalidArgument,
                  fmt::format("排查清单中没有「{}」这一项", entry.item_key),
                  fmt::format("answer to unknown checklist item '{}'", entry.item_key));
    if (!answered.insert(entry.item_key).second)
      return fail(ErrorCode::kInvalidArgument, fmt::format("排查项「{}」重复作答", entry.item_key),
                  fmt::format("checklist item '{}' answered twice", entry.item_key));
  }
  return ok();
}

std::vector<ChecklistItem> concerns(std::span<const ChecklistItem> items,
                                    std::span<const ChecklistEntry> answers) {
  std::vector<ChecklistItem> found;
  for (const ChecklistItem& item : items) {
    auto it = std::find_if(answers.begin(), answers.end(), [&](const ChecklistEntry& entry) {
      return entry.item_key == item.key && entry.answer == item.concern_answer;
    });
    if (it != answers.end())
      found.push_back(item);
  }
  return found;
}

}  // namespace faxian::workflow
