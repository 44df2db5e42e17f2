// The recommendation per programme from the figures of an eligibility check (pure): 低保,
// 低保边缘, 刚性支出困难 (policy/standards.md, the same tests as R01, R04 and R02) and 特困
// (no working-age member able to work, no life source, no supporter found in the data).

#include <algorithm>

#include <fmt/format.h>

#include "screen/rule_text.hpp"
#include "workflow/assistance/eligibility_sources.hpp"

namespace faxian::workflow::eligibility_detail {
namespace {

using screen::yuan;

std::string area_word(const EligibilityCheck& c) {
  return c.urban ? "城市" : "农村";
}

std::string income_text(const EligibilityCheck& c) {
  return fmt::format("家庭 {} 人，近12个月（{} 至 {}）收入合计 {} 元，人均月收入 {} 元",
                     c.household_size, c.income_from.iso(), c.income_to.iso(),
                     yuan(c.income_12m.fen()),
                     screen::per_capita_month(c.income_12m.fen(), c.household_size));
}

// Why the assets fail, one sentence per failing part; empty when they pass.
std::vector<std::string> asset_reasons(const EligibilityCheck& c) {
  std::vector<std::string> reasons;
  for (const AssetFinding& asset : c.assets) {
    if (asset.fails && asset.type == AssetType::kVehicle)
      reasons.push_back(fmt::format("有机动车估值 {} 元，超过豁免额 {} 元（{} 登记）",
                                    yuan(asset.record.amount.fen()),
                                    yuan(c.vehicle_exempt_value.fen()), asset.record.date.iso()));
    if (asset.fails && asset.type == AssetType::kBusiness)
      reasons.push_back(fmt::format("有有效工商登记（{} 登记）", asset.record.date.iso()));
  }
  if (c.dwellings >= 2)
    reasons.push_back(fmt::format("有 {} 处有效不动产登记（两处及以上）", c.dwellings));
  if (c.deposits_total > c.deposit_limit)
    reasons.push_back(fmt::format("存款合计 {} 元，超过 {} 人 × 低保标准 {} 元 × {} 个月 = {} 元",
                                  yuan(c.deposits_total.fen()), c.household_size,
                                  yuan(c.standard.fen()), c.deposit_months,
                                  yuan(c.deposit_limit.fen())));
  if (reasons.empty() && c.excluded_by_assets)
    reasons.push_back("家庭财产不符合低保财产规定");
  return reasons;
}

bool holds(const EligibilityCheck& c, CategoryKind kind) {
  return std::find(c.categories_held.begin(), c.categories_held.end(), kind) !=
         c.categories_held.end();
}

ProgrammeFinding finding(Programme programme, Recommendation recommendation,
                         std::vector<std::string> reasons) {
  return ProgrammeFinding{programme, recommendation, std::move(reasons)};
}

std::string asset_failure(const EligibilityCheck& c) {
  std::string why;
  for (const std::string& reason : asset_reasons(c))
    why += (why.empty() ? "" : "；") + reason;
  return fmt::format("家庭财产状况不符合规定：{}", why);
}

// The asset test decides alone, except where the illness exemption may apply: then the income
// tests run as if the assets passed, and an eligible result becomes manual_review.
bool assets_exclude(const EligibilityCheck& c) {
  return c.excluded_by_assets && !c.illness_exemption_possible;
}

ProgrammeFinding excluded(Programme programme, const EligibilityCheck& c) {
  return finding(programme, Recommendation::kNotEligible, {asset_failure(c)});
}

// Eligible but for deposits the illness exemption may allow: the officer judges.
void apply_illness_exemption(const EligibilityCheck& c, ProgrammeFinding& f) {
  if (!c.illness_exemption_possible || f.recommendation != Recommendation::kEligible)
    return;
  f.recommendation = Recommendation::kManualReview;
  std::erase(f.reasons, std::string("财产状况符合规定"));
  f.reasons.push_back(asset_failure(c));
  f.reasons.push_back(
      fmt::format("家庭成员患重大疾病，存款 {} 元未超过人均 5 万元的豁免额 {} "
                  "元；是否需长期治疗、可否豁免须人工研判",
                  yuan(c.deposits_total.fen()), yuan(c.illness_deposit_allowance.fen())));
}

ProgrammeFinding dibao(const EligibilityCheck& c) {
  if (assets_exclude(c))
    return excluded(Programme::kDibao, c);
  const std::string income = income_text(c);
  if (!c.below_standard)
    return finding(
        Programme::kDibao, Recommendation::kNotEligible,
        {fmt::format("{}，不低于{}低保标准 {} 元", income, area_word(c), yuan(c.standard.fen()))});
  const std::string below =
      fmt::format("{}，低于{}低保标准 {} 元", income, area_word(c), yuan(c.standard.fen()));
  if (c.income_12m.fen() == 0 && c.working_age_count > 0)
    return finding(Programme::kDibao, Recommendation::kManualReview,
                   {below, fmt::format("家庭有 {} 名劳动年龄段成员但近12个月无任何收入记录，"
                                       "须入户核实实际收入",
                                       c.working_age_count)});
  if (holds(c, CategoryKind::kDibao))
    return finding(Programme::kDibao, Recommendation::kManualReview,
                   {below, "该户已是低保对象，请核实是否重复申请"});
  return finding(Programme::kDibao, Recommendation::kEligible, {below, "财产状况符合规定"});
}

ProgrammeFinding edge(const EligibilityCheck& c) {
  if (assets_exclude(c))
    return excluded(Programme::kDibaoEdge, c);
  const std::string income = income_text(c);
  if (c.below_standard)
    return finding(
        Programme::kDibaoEdge, Recommendation::kNotEligible,
        {fmt::format("{}，低于低保标准 {} 元，应按低保审核", income, yuan(c.standard.fen()))});
  const std::string line =
      fmt::format("{}低保标准 {} 元的 {} 倍（{} 元）", area_word(c), yuan(c.standard.fen()),
                  screen::multiple_text(c.edge_multiple_bp), yuan(c.edge_line.fen()));
  if (!c.below_edge)
    return finding(Programme::kDibaoEdge, Recommendation::kNotEligible,
                   {fmt::format("{}，不低于{}", income, line)});
  return finding(Programme::kDibaoEdge, Recommendation::kEligible,
                 {fmt::format("{}，不低于低保标准、低于{}", income, line), "财产状况符合规定"});
}

ProgrammeFinding hardship(const EligibilityCheck& c) {
  const Programme p = Programme::kExpenditureHardship;
  if (assets_exclude(c))
    return excluded(p, c);
  if (c.below_edge)
    return finding(p, Recommendation::kNotEligible,
                   {fmt::format("{}，低于低保边缘标准 {} 元，应按低保或低保边缘认定",
                                income_text(c), yuan(c.edge_line.fen()))});
  const std::string disposable =
      fmt::format("人均年收入 {} 元，{}{} {} 年居民人均可支配收入 {} 元",
                  yuan(c.income_12m.fen() / std::max(c.household_size, 1)),
                  c.below_disposable ? "低于" : "不低于", area_word(c), c.disposable_year,
                  yuan(c.disposable_ref.fen()));
  const std::string rigid = fmt::format(
      "近12个月刚性支出 {} 元（医疗自付 {} 元、教育 {} 元），为家庭收入 {} 元的 {}，认定比例 {}%",
      yuan(c.rigid_12m.fen()), yuan(c.medical_selfpay_12m.fen()), yuan(c.education_net_12m.fen()),
      yuan(c.income_12m.fen()), screen::percent(c.rigid_12m.fen(), c.income_12m.fen()),
      c.rigid_share_bp / 100);
  if (!c.below_disposable || !c.rigid_over_share)
    return finding(p, Recommendation::kNotEligible, {disposable, rigid});
  std::vector<std::string> reasons{disposable, rigid, "财产状况符合规定"};
  if (c.disposable_gap)
    reasons.push_back(
        fmt::format("标准文件缺少上一年度可支配收入，暂用 {} 年数据，须确认", c.disposable_year));
  return finding(p, c.disposable_gap ? Recommendation::kManualReview : Recommendation::kEligible,
                 std::move(reasons));
}

ProgrammeFinding tekun(const EligibilityCheck& c) {
  const Programme p = Programme::kTekun;
  if (c.working_age_count > 0)
    return finding(p, Recommendation::kNotEligible,
                   {fmt::format("家庭有 {} 名16–59岁且非重度残疾（非失能）的成员，具备劳动能力",
                                c.working_age_count)});
  if (assets_exclude(c))
    return excluded(p, c);
  if (!c.below_standard)
    return finding(p, Recommendation::kNotEligible,
                   {fmt::format("{}，不低于低保标准 {} 元，不属于无生活来源", income_text(c),
                                yuan(c.standard.fen()))});
  std::vector<std::string> reasons{
      "家庭成员均为未满16周岁、60周岁以上或重度残疾/失能人员，无劳动能力",
      fmt::format("{}，低于低保标准 {} 元，无生活来源", income_text(c), yuan(c.standard.fen()))};
  if (!c.supporters.empty()) {
    reasons.push_back(fmt::format(
        "发现 {} 名曾为本户成员、现年18–59岁且非重度残疾的人员，可能为法定赡养、抚养或扶养义务人，"
        "须核实其是否具备履行义务能力",
        c.supporters.size()));
    return finding(p, Recommendation::kManualReview, std::move(reasons));
  }
  reasons.push_back("数据中未发现具备履行能力的法定义务人（仅能查到曾同户人员），入户调查时须核实");
  return finding(p, Recommendation::kEligible, std::move(reasons));
}

}  // namespace

std::vector<ProgrammeFinding> decide_programmes(const EligibilityCheck& check) {
  std::vector<ProgrammeFinding> findings{dibao(check), edge(check), hardship(check), tekun(check)};
  for (ProgrammeFinding& f : findings)
    apply_illness_exemption(check, f);
  return findings;
}

}  // namespace faxian::workflow::eligibility_detail
