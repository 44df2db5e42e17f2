// Checklists: the shipped lists are valid, concerns are the answers equal to an item's concern
// answer, and bad lists or answers are refused.

#include "workflow/fieldwork/checklist.hpp"

#include <gtest/gtest.h>

namespace faxian::workflow {
namespace {

TEST(Checklist, ConcernsAreTheAnswersEqualToTheConcernAnswer) {
  const std::vector<ChecklistItem> items = {{"safe", "住房是否安全", ChecklistAnswer::kNo},
                                            {"ill", "是否有重病", ChecklistAnswer::kYes},
                                            {"school", "是否正常上学", ChecklistAnswer::kNo}};
  const std::vector<ChecklistEntry> answers = {{"ill", ChecklistAnswer::kYes, ""},
                                               {"safe", ChecklistAnswer::kYes, ""},
                                               {"school", ChecklistAnswer::kNotApplicable, ""}};
  const auto found = concerns(items, answers);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].key, "ill");
  EXPECT_TRUE(check_answers(items, answers).has_value());
  EXPECT_TRUE(check_checklist(routine_checklist()).has_value());
  EXPECT_TRUE(check_checklist(default_campaign_checklist()).has_value());
  const std::vector<ChecklistItem> no_concern = {{"x", "问题", ChecklistAnswer::kNotApplicable}};
  EXPECT_FALSE(check_checklist(no_concern).has_value());
}

TEST(Checklist, RefusesAnswersToUnknownItemsAndDuplicates) {
  const std::vector<ChecklistItem> items = {{"safe", "住房是否安全", ChecklistAnswer::kNo}};
  const std::vector<ChecklistEntry> unknown = {{"other", ChecklistAnswer::kYes, ""}};
  EXPECT_EQ(check_answers(items, unknown).error().code, ErrorCode::kInvalidArgument);
  const std::vector<ChecklistEntry> twice = {{"safe", ChecklistAnswer::kYes, ""},
                                             {"safe", ChecklistAnswer::kNo, ""}};
  EXPECT_EQ(check_answers(items, twice).error().code, ErrorCode::kInvalidArgument);
  const std::vector<ChecklistItem> duplicate = {{"a", "一", ChecklistAnswer::kYes},
                                                {"a", "二", ChecklistAnswer::kNo}};
  EXPECT_FALSE(check_checklist(duplicate).has_value());
  const std::vector<ChecklistItem> blank = {{"", "一", ChecklistAnswer::kYes}};
  EXPECT_FALSE(check_checklist(blank).has_value());
}

}  // namespace
}  // namespace faxian::workflow
