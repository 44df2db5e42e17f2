// Rules on events: R05 就业变动, R06 主要劳动力死亡, R10 受灾, R11 曾申请未获批且情况变化,
// R12 防返贫风险未消除, R14 多次求助, R15 新增重度残疾.

#include <algorithm>

#include <fmt/format.h>

#include "domain/enum_table.hpp"
#include "screen/household_events.hpp"
#include "screen/rule_support.hpp"
#include "screen/rules.hpp"

namespace faxian::screen {
namespace {

using K = CategoryKind;

__int128 wide(int64_t value) {
  return value;
}

std::string job_loss_text(const JobLoss& loss) {
  return fmt::format("{} {}", day_text(loss.row->date), enum_label(loss.row->event));
}

}  // namespace

std::optional<FiredRule> check_r05(const HouseholdSnapshot& h) {
  const RuleThresholds& t = thresholds(h, RuleId::kR05);
  auto losses = job_losses(h, h.parameters().d - t.window_days);
  if (losses.empty())
    return std::nullopt;
  bool category = h.holds_any(
      {K::kPovertyMonitoring, K::kPovertyAlleviated, K::kDibaoEdge, K::kRejectedApplicant});
  if (!category && !h.income_below(t.income_multiple_bp))
    return std::nullopt;
  FiredRule fired = start_fired(h, RuleId::kR05);
  fired.explanation = fmt::format(
      "劳动年龄成员 {}，此后无就业登记；{}", job_loss_text(losses.back()),
      category
          ? "家庭属于防返贫监测、脱贫、低保边缘或曾申请未获批对象"
          : per_capita_text(h) + "，低于低保标准的 " + multiple_text(t.income_multiple_bp) + " 倍");
  for (const JobLoss& loss : losses)
    fired.evidence.push_back(evidence(FeedKind::kEmployment, loss.row->record_id, loss.row->date));
  return fired;
}

std::optional<FiredRule> check_r06(const HouseholdSnapshot& h) {
  const RuleThresholds& t = thresholds(h, RuleId::kR06);
  const bool no_carer = h.dependent_count() > 0 && h.working_count() == 0;
  std::optional<FiredRule> fired;
  for (const Death& death : deaths(h, h.parameters().d - t.window_days)) {
    if (death.age < t.min_age || death.age > t.max_age)
      continue;
    auto then = members_on(h, death.date, death.person);
    const int64_t household_income = income_of(h.store(), then, death.date);
    const uint32_t deceased[] = {death.person};
    const int64_t own_income = income_of(h.store(), deceased, death.date);
    bool breadwinner =
        household_income > 0 && wide(own_income) * 10000 >= wide(t.share_bp) * household_income;
    if (!breadwinner && !no_carer)
      continue;
    if (!fired) {
      fired = start_fired(h, RuleId::kR06);
      fired->red = no_carer;
      fired->explanation =
          breadwinner
              ? fmt::format("{} 家庭成员（{} 岁）死亡，其死亡前12个月收入 {} 元，占家庭收入的 {}",
                            day_text(death.date), death.age, yuan(own_income),
                            percent(own_income, household_income))
              : fmt::format("{} 家庭成员（{} 岁）死亡", day_text(death.date), death.age);
      if (no_carer)
        fired->explanation += "；家中有需照料人员且无劳动年龄劳动力";
    }
    fired->evidence.push_back(death_evidence(h, death));
  }
  return fired;
}

std::optional<FiredRule> check_r10(const HouseholdSnapshot& h) {
  auto hits = disasters(h, h.parameters().d - thresholds(h, RuleId::kR10).window_days);
  if (hits.empty())
    return std::nullopt;
  FiredRule fired = start_fired(h, RuleId::kR10);
  for (const DisasterHit& hit : hits) {
    fired.red = fired.red || is_red_damage(hit.row->damage);
    fired.evidence.push_back(evidence(FeedKind::kDisaster, hit.row->record_id, hit.row->date));
  }
  const DisasterHit& last = hits.back();
  fired.explanation =
      fmt::format("{} 家庭成员受灾（{}）", day_text(last.row->date), enum_label(last.row->damage));
  return fired;
}

std::optional<FiredRule> check_r14(const HouseholdSnapshot& h) {
  const RuleThresholds& t = thresholds(h, RuleId::kR14);
  std::vector<const HotlineRow*> rows;
  for (const MemberView& member : h.members())
    for (const HotlineRow& row :
         rows_between(h.store().hotline.of(member.person), h.parameters().d - t.window_days,
                      h.parameters().d, [](const HotlineRow& r) { return r.date; }))
      rows.push_back(&row);
  std::vector<int32_t> tickets;
  for (const HotlineRow* row : rows)
    tickets.push_back(row->ticket);
  std::sort(tickets.begin(), tickets.end());
  tickets.erase(std::unique(tickets.begin(), tickets.end()), tickets.end());
  if (static_cast<int>(tickets.size()) < t.min_count)
    return std::nullopt;
  FiredRule fired = start_fired(h, RuleId::kR14);
  fired.explanation = fmt::format("近{}天热线求助工单 {} 件", t.window_days, tickets.size());
  for (const HotlineRow* row : rows)
    fired.evidence.push_back(evidence(FeedKind::kHotline, row->record_id, row->date));
  return fired;
}

std::optional<FiredRule> check_r15(const HouseholdSnapshot& h) {
  const RuleThresholds& t = thresholds(h, RuleId::kR15);
  const Day after = h.parameters().d - t.window_days;
  for (const MemberView& member : h.members()) {
    const DisabilityRow* now = member.certificate;
    if (now == nullptr || now->revoked || now->grade > 2 || now->date <= after)
      continue;
    auto rows = h.store().disability.of(member.person);
    bool earlier = std::any_of(rows.begin(), rows.end(), [&](const DisabilityRow& row) {
      return row.grade <= 2 && row.date < now->date;
    });
    if (earlier || !h.income_below(t.income_multiple_bp))
      continue;
    FiredRule fired = start_fired(h, RuleId::kR15);
    fired.explanation =
        fmt::format("{} 家庭成员新办 {} 级残疾证，{}，低于低保标准的 {} 倍", day_text(now->date),
                    now->grade, per_capita_text(h), multiple_text(t.income_multiple_bp));
    fired.evidence.push_back(evidence(FeedKind::kDisability, now->record_id, now->date));
    return fired;
  }
  return std::nullopt;
}

}  // namespace faxian::screen
