#include "screen/rule_support.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "common/date.hpp"

namespace faxian::screen {

FiredRule start_fired(const HouseholdSnapshot& household, RuleId rule) {
  FiredRule fired;
  fired.rule = rule;
  const RuleConfig& config = household.parameters().rule(rule);
  fired.points = config.kind == WarningKind::kNeed ? config.points : 0;
  return fired;
}

Evidence evidence(FeedKind feed, int64_t record_id, Day date, std::optional<int64_t> amount_fen) {
  Evidence item;
  item.feed = feed;
  item.record_id = record_id;
  item.date = Date::from_days(date);
  if (amount_fen)
    item.amount = Money::from_fen(*amount_fen);
  return item;
}

void add_income_evidence(FiredRule& fired, const HouseholdSnapshot& household, size_t limit) {
  const int32_t last = household.parameters().month;
  const int32_t first = last - 11;
  std::vector<const IncomeRow*> rows;
  for (const MemberView& member : household.members())
    for (const IncomeRow& row : household.store().income.of(member.person))
      if (row.month >= first && row.month <= last)
        rows.push_back(&row);
  std::sort(rows.begin(), rows.end(), [](const IncomeRow* a, const IncomeRow* b) {
    return std::pair(a->month, a->record_id) > std::pair(b->month, b->record_id);
  });
  if (rows.size() > limit)
    rows.resize(limit);
  for (const IncomeRow* row : rows) {
    fired.evidence.push_back(
        evidence(FeedKind::kIncome, row->record_id, month_first_day(row->month), row->fen));
  }
}

void add_medical_evidence(FiredRule& fired, const HouseholdSnapshot& household, Day after,
                          size_t limit) {
  std::vector<const MedicalRow*> rows;
  for (const MemberView& member : household.members())
    for (const MedicalRow& row :
         rows_between(household.store().medical.of(member.person), after, household.parameters().d,
                      [](const MedicalRow& r) { return r.date; }))
      rows.push_back(&row);
  std::sort(rows.begin(), rows.end(), [](const MedicalRow* a, const MedicalRow* b) {
    return std::pair(a->date, a->record_id) > std::pair(b->date, b->record_id);
  });
  if (rows.size() > limit)
    rows.resize(limit);
  for (const MedicalRow* row : rows)
    fired.evidence.push_back(
        evidence(FeedKind::kMedical, row->record_id, row->date, row->self_paid_fen));
}

std::string area_word(const HouseholdSnapshot& household) {
  return household.urban() ? "城市" : "农村";
}

std::string per_capita_text(const HouseholdSnapshot& household) {
  return fmt::format("人均月收入 {} 元", per_capita_month(household.income_12m(), household.n()));
}

}  // namespace faxian::screen
