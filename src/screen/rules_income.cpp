// Rules on income, spending and assets: R01 应保未保, R02 刚性支出困难, R03 高额医疗自付,
// R04 低保边缘, R13 教育负担.

#include <fmt/format.h>

#include "screen/rule_support.hpp"
#include "screen/rules.hpp"

namespace faxian::screen {
namespace {

using K = CategoryKind;

__int128 wide(int64_t value) {
  return value;
}

}  // namespace

std::optional<FiredRule> check_r01(const HouseholdSnapshot& h) {
  if (h.holds_any({K::kDibao, K::kTekun}) || h.excluded_by_assets() || !h.income_below(10000))
    return std::nullopt;
  FiredRule fired = start_fired(h, RuleId::kR01);
  fired.explanation =
      fmt::format("家庭 {} 人，近12个月收入合计 {} 元，{}，低于{}低保标准 {} 元", h.n(),
                  yuan(h.income_12m()), per_capita_text(h), area_word(h), yuan(h.standard_fen()));
  add_income_evidence(fired, h);
  return fired;
}

std::optional<FiredRule> check_r02(const HouseholdSnapshot& h) {
  if (h.holds_any({K::kDibao, K::kTekun, K::kDibaoEdge, K::kExpenditureHardship}) ||
      h.excluded_by_assets())
    return std::nullopt;
  // pc_income × 12 < disposable_ref  ⇔  income_12m < disposable_ref × n
  if (wide(h.income_12m()) >= wide(h.disposable_fen()) * h.n())
    return std::nullopt;
  const int64_t rigid = h.rigid_12m();
  const int share_bp = h.parameters().standards->rigid_share_bp;
  if (rigid <= 0 || wide(rigid) * 10000 < wide(share_bp) * h.income_12m())
    return std::nullopt;
  FiredRule fired = start_fired(h, RuleId::kR02);
  fired.explanation = fmt::format(
      "近12个月刚性支出 {} 元（医疗自付 {} 元、教育 {} 元），为家庭收入 {} 元的 {}；人均年收入 {} "
      "元低于{} {} 年居民人均可支配收入 {} 元",
      yuan(rigid), yuan(h.medical_selfpay_12m()), yuan(h.education_net_12m()), yuan(h.income_12m()),
      percent(rigid, h.income_12m()), yuan(h.income_12m() / h.n()), area_word(h),
      h.parameters().disposable_year, yuan(h.disposable_fen()));
  add_medical_evidence(fired, h, h.parameters().d - 365);
  for (const MemberView& member : h.members())
    for (const EducationRow& row :
         rows_between(h.store().education.of(member.person), h.parameters().d - 365,
                      h.parameters().d, [](const EducationRow& r) { return r.start; }))
      fired.evidence.push_back(evidence(FeedKind::kEducation, row.record_id, row.start,
                                        std::max<int64_t>(row.net_fen, 0)));
  return fired;
}

std::optional<FiredRule> check_r03(const HouseholdSnapshot& h) {
  const RuleThresholds& t = thresholds(h, RuleId::kR03);
  const Day after = h.parameters().d - t.window_days;
  const int64_t self_paid = h.members_selfpay_after(after);
  if (self_paid < t.min_amount.fen())
    return std::nullopt;
  bool poor = h.income_below(t.income_multiple_bp);
  bool large_share = wide(self_paid) * 10000 >= wide(t.share_bp) * h.income_12m();
  if (!poor && !large_share)
    return std::nullopt;
  FiredRule fired = start_fired(h, RuleId::kR03);
  std::string why = large_share ? fmt::format("为家庭收入的 {}", percent(self_paid, h.income_12m()))
                                : fmt::format("{}，低于低保标准的 {} 倍", per_capita_text(h),
                                              multiple_text(t.income_multiple_bp));
  if (h.income_12m() == 0)
    why = "家庭近12个月无收入记录";
  fired.explanation =
      fmt::format("近{}天个人自付医疗费用 {} 元，{}", t.window_days, yuan(self_paid), why);
  add_medical_evidence(fired, h, after);
  return fired;
}

std::optional<FiredRule> check_r04(const HouseholdSnapshot& h) {
  bool low_income = false;
  for (size_t kind = 0; kind < 9; ++kind)
    if (is_low_income(static_cast<K>(kind)) && h.holds(static_cast<K>(kind)))
      low_income = true;
  const int edge_bp = h.parameters().standards->edge_multiple_bp;
  if (low_income || h.excluded_by_assets() || h.income_below(10000) || !h.income_below(edge_bp))
    return std::nullopt;
  FiredRule fired = start_fired(h, RuleId::kR04);
  fired.explanation =
      fmt::format("{}，不低于{}低保标准 {} 元、低于其 {} 倍，且不属于低收入人口",
                  per_capita_text(h), area_word(h), yuan(h.standard_fen()), multiple_text(edge_bp));
  add_income_evidence(fired, h);
  return fired;
}

std::optional<FiredRule> check_r13(const HouseholdSnapshot& h) {
  const RuleThresholds& t = thresholds(h, RuleId::kR13);
  const Day after = h.parameters().d - t.window_days;
  std::optional<FiredRule> fired;
  for (const MemberView& member : h.members()) {
    auto rows = rows_between(h.store().education.of(member.person), after, h.parameters().d,
                             [](const EducationRow& r) { return r.start; });
    for (const EducationRow& row : rows) {
      bool listed = row.stage == EducationStage::kSeniorHigh ||
                    row.stage == EducationStage::kSecondaryVocational ||
                    row.stage == EducationStage::kHigherVocational ||
                    row.stage == EducationStage::kUndergraduate;
      if (!listed || row.net_fen < t.min_amount.fen())
        continue;
      if (!fired) {
        if (!h.income_below(t.income_multiple_bp))
          return std::nullopt;
        fired = start_fired(h, RuleId::kR13);
        fired->explanation =
            fmt::format("{} 学年起在读学生学费减资助后 {} 元，{}，低于低保标准的 {} 倍",
                        day_text(row.start).substr(0, 4), yuan(row.net_fen), per_capita_text(h),
                        multiple_text(t.income_multiple_bp));
      }
      fired->evidence.push_back(
          evidence(FeedKind::kEducation, row.record_id, row.start, row.net_fen));
    }
  }
  return fired;
}

}  // namespace faxian::screen
