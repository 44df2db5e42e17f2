// Rules on the people of the household: R07 重残失能无人照料, R08 高龄独居, R09 重大疾病, and the
// review rule V01 应退核查; the table of all rules.

#include <array>

#include <fmt/format.h>

#include "screen/household_events.hpp"
#include "screen/rule_support.hpp"
#include "screen/rules.hpp"

namespace faxian::screen {
namespace {

std::string below_text(const HouseholdSnapshot& h, RuleId rule) {
  return fmt::format("{}，低于低保标准的 {} 倍", per_capita_text(h),
                     multiple_text(thresholds(h, rule).income_multiple_bp));
}

// V01's asset trigger: a row registered in (after, D] that contributes to excluded_by_assets.
std::optional<Evidence> new_excluding_asset(const HouseholdSnapshot& h, Day after) {
  const Standards& standards = *h.parameters().standards;
  int homes = 0;
  int64_t deposits = 0;
  const AssetRow* new_home = nullptr;
  const AssetRow* new_deposit = nullptr;
  for (const MemberView& member : h.members()) {
    for (const AssetRow& row : h.store().assets.of(member.person)) {
      if (row.date > h.parameters().d)
        break;
      if (row.revoked)
        continue;
      bool is_new = row.date > after;
      bool vehicle =
          row.type == AssetType::kVehicle && row.value_fen > standards.vehicle_exempt_value.fen();
      if (is_new && (vehicle || row.type == AssetType::kBusiness))
        return evidence(FeedKind::kAssets, row.record_id, row.date, row.value_fen);
      if (row.type == AssetType::kRealEstate) {
        ++homes;
        new_home = is_new ? &row : new_home;
      }
      if (row.type == AssetType::kDeposit) {
        deposits += row.value_fen;
        new_deposit = is_new ? &row : new_deposit;
      }
    }
  }
  const AssetRow* trigger = nullptr;
  if (homes >= 2 && new_home != nullptr)
    trigger = new_home;
  else if (new_deposit != nullptr && deposits > h.n() * h.standard_fen() * standards.deposit_months)
    trigger = new_deposit;
  if (trigger == nullptr)
    return std::nullopt;
  return evidence(FeedKind::kAssets, trigger->record_id, trigger->date, trigger->value_fen);
}

// Each of the last `months` calendar months has members' income / n ≥ edge multiple × standard.
bool income_above_edge_every_month(const HouseholdSnapshot& h, int months) {
  const int edge_bp = h.parameters().standards->edge_multiple_bp;
  for (int32_t month = h.parameters().month - months + 1; month <= h.parameters().month; ++month) {
    int64_t income = h.members_income(month, month);
    if (static_cast<__int128>(income) * 10000 <
        static_cast<__int128>(edge_bp) * h.standard_fen() * h.n())
      return false;
  }
  return true;
}

}  // namespace

std::optional<FiredRule> check_r07(const HouseholdSnapshot& h) {
  if (h.severe_count() == 0 || h.working_count() > 0)
    return std::nullopt;
  FiredRule fired = start_fired(h, RuleId::kR07);
  fired.explanation =
      fmt::format("家中有一、二级残疾或失能成员 {} 人，且无劳动年龄劳动力", h.severe_count());
  for (const MemberView& member : h.members())
    if (member.severe && member.certificate != nullptr)
      fired.evidence.push_back(
          evidence(FeedKind::kDisability, member.certificate->record_id, member.certificate->date));
  return fired;
}

std::optional<FiredRule> check_r08(const HouseholdSnapshot& h) {
  const RuleThresholds& t = thresholds(h, RuleId::kR08);
  if (h.n() != 1 || h.members()[0].age < t.min_age || !h.income_below(t.income_multiple_bp))
    return std::nullopt;
  FiredRule fired = start_fired(h, RuleId::kR08);
  fired.explanation =
      fmt::format("{} 岁老人独自居住，{}", h.members()[0].age, below_text(h, RuleId::kR08));
  add_income_evidence(fired, h);
  return fired;
}

std::optional<FiredRule> check_r09(const HouseholdSnapshot& h) {
  const RuleThresholds& t = thresholds(h, RuleId::kR09);
  const Day after = h.parameters().d - t.window_days;
  std::vector<const MedicalRow*> diagnoses;
  bool status = false;
  for (const MemberView& member : h.members()) {
    status = status || h.store().persons[member.person].serious_status;
    for (const MedicalRow& row :
         rows_between(h.store().medical.of(member.person), after, h.parameters().d,
                      [](const MedicalRow& r) { return r.date; }))
      if (h.parameters().serious_code[row.code])
        diagnoses.push_back(&row);
  }
  if ((diagnoses.empty() && !status) || !h.income_below(t.income_multiple_bp))
    return std::nullopt;
  FiredRule fired = start_fired(h, RuleId::kR09);
  std::string what = diagnoses.empty()
                         ? std::string("家庭成员经核实患重大疾病")
                         : fmt::format("{} 诊断为重大疾病（{}）", day_text(diagnoses.back()->date),
                                       h.store().diagnosis_codes[diagnoses.back()->code]);
  fired.explanation = fmt::format("{}，{}", what, below_text(h, RuleId::kR09));
  for (const MedicalRow* row : diagnoses)
    fired.evidence.push_back(
        evidence(FeedKind::kMedical, row->record_id, row->date, row->self_paid_fen));
  return fired;
}

std::optional<FiredRule> check_v01(const HouseholdSnapshot& h) {
  using K = CategoryKind;
  if (!h.holds_any({K::kDibao, K::kTekun}))
    return std::nullopt;
  const RuleThresholds& t = thresholds(h, RuleId::kV01);
  const Day after = h.parameters().d - t.window_days;
  FiredRule fired = start_fired(h, RuleId::kV01);
  std::string who = h.holds(K::kDibao) ? "低保家庭" : "特困供养人员家庭";
  if (auto died = deaths(h, after); !died.empty()) {
    fired.explanation =
        fmt::format("{}成员于 {} 死亡，需核查保障资格", who, day_text(died.back().date));
    fired.evidence.push_back(death_evidence(h, died.back()));
  } else if (auto asset = new_excluding_asset(h, after)) {
    fired.explanation = fmt::format("{}于 {} 新登记财产，超出财产核查标准", who, asset->date.iso());
    fired.evidence.push_back(*asset);
  } else if (t.months > 0 && income_above_edge_every_month(h, t.months)) {
    fired.explanation =
        fmt::format("{}近 {} 个月每月人均收入均不低于低保标准的 {} 倍", who, t.months,
                    multiple_text(h.parameters().standards->edge_multiple_bp));
    add_income_evidence(fired, h);
  } else {
    return std::nullopt;
  }
  return fired;
}

RuleCheck rule_check(RuleId rule) {
  static constexpr std::array<RuleCheck, kRuleCount> kChecks = {
      check_r01, check_r02, check_r03, check_r04, check_r05, check_r06, check_r07, check_r08,
      check_r09, check_r10, check_r11, check_r12, check_r13, check_r14, check_r15, check_v01,
  };
  return kChecks[static_cast<size_t>(rule)];
}

std::vector<FiredRule> fired_rules(const HouseholdSnapshot& household) {
  std::vector<FiredRule> fired;
  for (int index = 0; index < kRuleCount; ++index) {
    RuleId rule = rule_at(index);
    if (!household.parameters().rule(rule).enabled)
      continue;
    if (auto result = rule_check(rule)(household))
      fired.push_back(std::move(*result));
  }
  return fired;
}

}  // namespace faxian::screen
