// Rules that compare with an earlier moment: R11 曾申请未获批且情况变化, R12 防返贫风险未消除.

#include <fmt/format.h>

#include "screen/household_events.hpp"
#include "screen/rule_support.hpp"
#include "screen/rules.hpp"

namespace faxian::screen {
namespace {

// What changed after a rejection decided on `decided` (nullopt: nothing that R11 counts).
std::optional<std::string> change_after(const HouseholdSnapshot& h, Day decided, FiredRule& fired) {
  const RuleThresholds& t = thresholds(h, RuleId::kR11);
  const int64_t self_paid = h.members_selfpay_after(decided);
  if (self_paid >= t.min_amount.fen()) {
    add_medical_evidence(fired, h, decided);
    return fmt::format("此后个人自付医疗费用 {} 元", yuan(self_paid));
  }
  const Day job_window = h.parameters().d - thresholds(h, RuleId::kR05).window_days;
  auto losses = job_losses(h, std::max(decided, job_window));
  if (!losses.empty()) {
    const JobLoss& loss = losses.back();
    fired.evidence.push_back(evidence(FeedKind::kEmployment, loss.row->record_id, loss.row->date));
    return fmt::format("此后 {} 劳动年龄成员失业或社保断缴", day_text(loss.row->date));
  }
  auto died = deaths(h, decided);
  if (!died.empty()) {
    fired.evidence.push_back(death_evidence(h, died.back()));
    return fmt::format("此后 {} 家庭成员死亡", day_text(died.back().date));
  }
  // pc_income(D) ≤ share × pc_income(decided), the latter of the members on that date (> 0).
  const std::vector<uint32_t> then_members = members_on(h, decided);
  const int64_t then_income = income_of(h.store(), then_members, decided);
  const auto then_n = static_cast<int64_t>(then_members.size());
  if (then_income > 0 && static_cast<__int128>(h.income_12m()) * then_n * 10000 <=
                             static_cast<__int128>(t.share_bp) * then_income * h.n()) {
    add_income_evidence(fired, h);
    return fmt::format("人均月收入由 {} 元降至 {} 元",
                       per_capita_month(then_income, static_cast<int>(then_n)),
                       per_capita_month(h.income_12m(), h.n()));
  }
  return std::nullopt;
}

}  // namespace

std::optional<FiredRule> check_r11(const HouseholdSnapshot& h) {
  const Day after = h.parameters().d - thresholds(h, RuleId::kR11).window_days;
  for (const OpenRejection& rejection : h.open_rejections()) {
    if (rejection.decided <= after)
      continue;
    FiredRule fired = start_fired(h, RuleId::kR11);
    auto change = change_after(h, rejection.decided, fired);
    if (!change)
      continue;
    fired.evidence.insert(fired.evidence.begin(), evidence(FeedKind::kApplications,
                                                           rejection.record_id, rejection.decided));
    fired.explanation =
        fmt::format("{} 救助申请未获批准，{}", day_text(rejection.decided), *change);
    return fired;
  }
  return std::nullopt;
}

std::optional<FiredRule> check_r12(const HouseholdSnapshot& h) {
  if (!h.holds(CategoryKind::kPovertyMonitoring))
    return std::nullopt;
  const RuleThresholds& t = thresholds(h, RuleId::kR12);
  const Day after = h.parameters().d - t.window_days;
  FiredRule fired = start_fired(h, RuleId::kR12);
  std::string what;
  if (int64_t self_paid = h.members_selfpay_after(after); self_paid >= t.min_amount.fen()) {
    what = fmt::format("个人自付医疗费用 {} 元", yuan(self_paid));
    add_medical_evidence(fired, h, after);
  } else if (auto losses = job_losses(h, after); !losses.empty()) {
    what = fmt::format("{} 劳动年龄成员失业或社保断缴", day_text(losses.back().row->date));
    fired.evidence.push_back(
        evidence(FeedKind::kEmployment, losses.back().row->record_id, losses.back().row->date));
  } else if (auto died = deaths(h, after); !died.empty()) {
    what = fmt::format("{} 家庭成员死亡", day_text(died.back().date));
    fired.evidence.push_back(death_evidence(h, died.back()));
  } else if (auto hits = disasters(h, after); !hits.empty()) {
    what = fmt::format("{} 受灾（{}）", day_text(hits.back().row->date),
                       enum_label(hits.back().row->damage));
    fired.evidence.push_back(
        evidence(FeedKind::kDisaster, hits.back().row->record_id, hits.back().row->date));
  } else {
    return std::nullopt;
  }
  fired.explanation = fmt::format("防返贫监测对象风险未消除，近{}天{}", t.window_days, what);
  return fired;
}

}  // namespace faxian::screen
