// Planted cases for the health rules: R03 高额医疗自付, R07 重残失能无人照料, R09 重大疾病,
// R15 新增重度残疾.

#include "gen/plant_catalog.hpp"

namespace faxian::gen {
namespace {

using namespace plant;
using R = Relation;

// A couple aged 60 and 58 living on exactly the standard per capita (below 2 × standard).
PersonIndex poor_couple(UnitBuilder& b) {
  const auto head = b.add(R::kHead, b.age(60), kM);
  b.add(R::kSpouse, b.age(58), kF);
  pc_income(b, head, 2, 100);
  return head;
}

void add_r03(std::vector<PlantVariant>& out) {
  out.push_back({RuleId::kR03, true, "r03_exactly_10000_poor", "个人自付恰为1万元，收入低",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(58), kM);
                   b.add(R::kSpouse, b.age(57), kF);
                   pc_income(b, head, 2, 150);
                   b.medical(head, b.days_ago(60), yuan(10000), dx::kHipFracture);
                 }});
  out.push_back(
      {RuleId::kR03, true, "r03_half_of_income", "收入不低但自付恰为收入的50%", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(46), kM);
         b.add(R::kSpouse, b.age(44), kF);
         b.add(R::kSon, b.age(16), kM);
         const Money income = annual(b, 3, 300);
         b.income_12m(head, income);
         b.medical(head, b.days_ago(30), fen(income.fen() / 2), dx::kCoronary);
       }});
  out.push_back({RuleId::kR03, true, "r03_no_income", "无收入，自付1.2万元", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(66), kM);
                   b.medical(head, b.days_ago(90), yuan(12000), dx::kGallstones);
                 }});
  out.push_back(
      {RuleId::kR03, true, "r03_with_reversal", "一笔冲销后净自付恰为1万元", [](UnitBuilder& b) {
         const auto head = poor_couple(b);
         const int32_t small = b.medical(head, b.days_ago(200), yuan(1000), dx::kPneumonia);
         b.reversal(small, b.days_ago(190), true);
         b.medical(head, b.days_ago(100), yuan(10000), dx::kPneumonia);
       }});
  out.push_back({RuleId::kR03, true, "r03_two_bills_window_ends", "D-364与D-1两笔合计1万元",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(50), kM);
                   const auto wife = b.add(R::kSpouse, b.age(49), kF);
                   pc_income(b, head, 2, 120);
                   b.medical(head, b.days_ago(364), yuan(4000), dx::kAppendicitis);
                   b.medical(wife, b.days_ago(1), yuan(6000), dx::kGallstones);
                 }});
  out.push_back({RuleId::kR03, false, "r03_just_below", "自付9,999.99元", [](UnitBuilder& b) {
                   const auto head = poor_couple(b);
                   b.medical(head, b.days_ago(80), yuan(10000) - fen(1), dx::kHipFracture);
                 }});
  out.push_back(
      {RuleId::kR03, false, "r03_rich_household", "富裕家庭的高额医疗费", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(52), kM);
         b.add(R::kSpouse, b.age(50), kF);
         b.add(R::kSon, b.age(24), kM);
         b.income_12m(head, yuan(300000));
         b.medical(head, b.days_ago(40), yuan(20000), dx::kCoronary);
       }});
  out.push_back(
      {RuleId::kR03, false, "r03_outside_window", "大额自付在D-365（窗口外）", [](UnitBuilder& b) {
         const auto head = poor_couple(b);
         b.medical(head, b.days_ago(365), yuan(15000), dx::kHipFracture);
         b.medical(head, b.days_ago(10), yuan(100), dx::kUpperRespiratory, VisitType::kOutpatient);
       }});
  out.push_back(
      {RuleId::kR03, false, "r03_reversed_below", "1.2万元冲销后重结为9千元", [](UnitBuilder& b) {
         const auto head = poor_couple(b);
         const int32_t bill = b.medical(head, b.days_ago(120), yuan(12000), dx::kGallstones);
         b.reversal(bill, b.days_ago(100), false);
         b.medical(head, b.days_ago(100), yuan(9000), dx::kGallstones);
       }});
  out.push_back({RuleId::kR03, false, "r03_at_double_standard", "人均收入恰为标准2倍，自付1万元",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(48), kM);
                   b.add(R::kSpouse, b.age(47), kF);
                   b.add(R::kDaughter, b.age(20), kF);
                   b.income_12m(head, b.standard() * 72);
                   b.medical(head, b.days_ago(50), yuan(10000), dx::kHipFracture);
                 }});
}

void add_r07(std::vector<PlantVariant>& out) {
  out.push_back({RuleId::kR07, true, "r07_old_couple_grade1", "高龄夫妇，一人一级肢体残疾",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(76), kM);
                   const auto wife = b.add(R::kSpouse, b.age(73), kF);
                   comfortable(b, wife, 2);
                   b.disability(head, 1, b.days_ago(1800), false, DisabilityCategory::kPhysical);
                 }});
  out.push_back({RuleId::kR07, true, "r07_disabled_son_old_mother", "二级智力残疾儿子与72岁母亲",
                 [](UnitBuilder& b) {
                   const auto mother = b.add(R::kHead, b.age(72), kF);
                   const auto son = b.add(R::kSon, b.age(41), kM);
                   comfortable(b, mother, 2);
                   b.disability(son, 2, b.days_ago(3000), false, DisabilityCategory::kIntellectual);
                 }});
  out.push_back({RuleId::kR07, true, "r07_single_grade2", "独居二级视力残疾", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(50), kM);
                   comfortable(b, head, 1);
                   b.disability(head, 2, b.days_ago(1200), false, DisabilityCategory::kVisual);
                 }});
  out.push_back(
      {RuleId::kR07, true, "r07_carer_turns_60_today", "照料者今日满60岁", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(63), kM);
         const auto wife = b.add(R::kSpouse, b.turns_on(b.as_of(), 60), kF);
         comfortable(b, wife, 2);
         b.disability(head, 1, b.days_ago(900), false, DisabilityCategory::kPhysical);
       }});
  out.push_back({RuleId::kR07, true, "r07_upgraded", "三级残疾后换发二级证", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(70), kM);
                   const auto wife = b.add(R::kSpouse, b.age(68), kF);
                   comfortable(b, wife, 2);
                   b.disability(head, 3, b.days_ago(2500), false, DisabilityCategory::kPhysical);
                   b.disability(head, 2, b.days_ago(600), false, DisabilityCategory::kPhysical);
                 }});
  out.push_back({RuleId::kR07, false, "r07_revoked", "一级残疾证已注销", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(74), kM);
                   const auto wife = b.add(R::kSpouse, b.age(72), kF);
                   comfortable(b, wife, 2);
                   b.disability(head, 1, b.days_ago(700), true, DisabilityCategory::kPhysical);
                 }});
  out.push_back({RuleId::kR07, false, "r07_grade3", "高龄夫妇，三级残疾", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(78), kM);
                   const auto wife = b.add(R::kSpouse, b.age(75), kF);
                   comfortable(b, wife, 2);
                   b.disability(head, 3, b.days_ago(1000), false, DisabilityCategory::kHearing);
                 }});
  out.push_back(
      {RuleId::kR07, false, "r07_with_working_son", "一级残疾但有35岁儿子同住", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(70), kM);
         b.add(R::kSpouse, b.age(68), kF);
         const auto son = b.add(R::kSon, b.age(35), kM);
         comfortable(b, son, 3);
         b.disability(head, 1, b.days_ago(1500), false, DisabilityCategory::kPhysical);
       }});
  out.push_back({RuleId::kR07, false, "r07_downgraded", "二级残疾后换发三级证", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(71), kM);
                   const auto wife = b.add(R::kSpouse, b.age(69), kF);
                   comfortable(b, wife, 2);
                   b.disability(head, 2, b.days_ago(2500), false, DisabilityCategory::kVisual);
                   b.disability(head, 3, b.days_ago(500), false, DisabilityCategory::kVisual);
                 }});
  out.push_back(
      {RuleId::kR07, false, "r07_carer_aged_59", "照料者59岁（明日满60）", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(65), kM);
         const auto wife = b.add(R::kSpouse, b.turns_on(b.as_of().add_days(1), 60), kF);
         comfortable(b, wife, 2);
         b.disability(head, 1, b.days_ago(800), false, DisabilityCategory::kPhysical);
       }});
}

void add_r09(std::vector<PlantVariant>& out) {
  out.push_back({RuleId::kR09, true, "r09_lung_cancer", "肺癌C34.9，收入低", [](UnitBuilder& b) {
                   b.medical(poor_couple(b), b.days_ago(100), yuan(3000), dx::kLungCancer);
                 }});
  out.push_back({RuleId::kR09, true, "r09_renal_n18_5", "慢性肾脏病5期N18.5", [](UnitBuilder& b) {
                   b.medical(poor_couple(b), b.days_ago(30), yuan(800), dx::kCkdStage5,
                             VisitType::kChronic);
                 }});
  out.push_back(
      {RuleId::kR09, true, "r09_stroke_day_364", "脑梗死I63.9于D-364", [](UnitBuilder& b) {
         b.medical(poor_couple(b), b.days_ago(364), yuan(3000), dx::kCerebralInfarction);
       }});
  out.push_back({RuleId::kR09, true, "r09_schizophrenia", "精神分裂症F20.0", [](UnitBuilder& b) {
                   b.medical(poor_couple(b), b.days_ago(200), yuan(1500), dx::kSchizophrenia);
                 }});
  out.push_back({RuleId::kR09, true, "r09_hiv", "HIV病B20", [](UnitBuilder& b) {
                   b.medical(poor_couple(b), b.days_ago(50), yuan(600), dx::kHiv,
                             VisitType::kChronic);
                 }});
  out.push_back(
      {RuleId::kR09, true, "r09_c97_boundary", "C97（恶性肿瘤区间上界）", [](UnitBuilder& b) {
         b.medical(poor_couple(b), b.days_ago(10), yuan(2500), dx::kMultipleCancer);
       }});
  out.push_back({RuleId::kR09, false, "r09_benign_neoplasm", "良性肿瘤D36.9", [](UnitBuilder& b) {
                   b.medical(poor_couple(b), b.days_ago(100), yuan(3000), dx::kBenignNeoplasm);
                 }});
  out.push_back({RuleId::kR09, false, "r09_ckd_stage4", "慢性肾脏病4期N18.4", [](UnitBuilder& b) {
                   b.medical(poor_couple(b), b.days_ago(40), yuan(800), dx::kCkdStage4,
                             VisitType::kChronic);
                 }});
  out.push_back({RuleId::kR09, false, "r09_carotid_i65", "颈动脉狭窄I65.2（不在I60–I64）",
                 [](UnitBuilder& b) {
                   b.medical(poor_couple(b), b.days_ago(60), yuan(3000), dx::kCarotidStenosis);
                 }});
  out.push_back({RuleId::kR09, false, "r09_cancer_at_double_standard", "肺癌但人均收入恰为标准2倍",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(61), kM);
                   b.add(R::kSpouse, b.age(59), kF);
                   b.income_12m(head, b.standard() * 48);
                   b.medical(head, b.days_ago(100), yuan(3000), dx::kLungCancer);
                 }});
  out.push_back(
      {RuleId::kR09, false, "r09_cancer_day_365", "肺癌结算在D-365（窗口外）", [](UnitBuilder& b) {
         b.medical(poor_couple(b), b.days_ago(365), yuan(3000), dx::kLungCancer);
       }});
  out.push_back(
      {RuleId::kR09, false, "r09_angina_i20", "不稳定性心绞痛I20.0（非I21）", [](UnitBuilder& b) {
         b.medical(poor_couple(b), b.days_ago(20), yuan(3000), dx::kUnstableAngina);
       }});
}

void add_r15(std::vector<PlantVariant>& out) {
  out.push_back(
      {RuleId::kR15, true, "r15_first_grade1", "首次办理一级残疾证（D-30）", [](UnitBuilder& b) {
         b.disability(poor_couple(b), 1, b.days_ago(30), false, DisabilityCategory::kPhysical);
       }});
  out.push_back(
      {RuleId::kR15, true, "r15_upgrade_from_grade3", "三级换发二级（D-100）", [](UnitBuilder& b) {
         const auto head = poor_couple(b);
         b.disability(head, 3, b.days_ago(2000), false, DisabilityCategory::kVisual);
         b.disability(head, 2, b.days_ago(100), false, DisabilityCategory::kVisual);
       }});
  out.push_back({RuleId::kR15, true, "r15_day_179", "二级残疾证发于D-179", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(57), kM);
                   b.add(R::kSpouse, b.age(55), kF);
                   const auto son = b.add(R::kSon, b.age(30), kM);
                   pc_income(b, head, 3, 100);
                   b.disability(son, 2, b.days_ago(179), false, DisabilityCategory::kMental);
                 }});
  out.push_back(
      {RuleId::kR15, true, "r15_issued_yesterday", "一级残疾证发于D-1", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(62), kM);
         const auto wife = b.add(R::kSpouse, b.age(59), kF);
         pc_income(b, head, 2, 100);
         b.disability(wife, 1, b.days_ago(1), false, DisabilityCategory::kMultiple);
       }});
  out.push_back({RuleId::kR15, true, "r15_after_revoked_grade4", "曾有注销的四级证，新发一级证",
                 [](UnitBuilder& b) {
                   const auto head = poor_couple(b);
                   b.disability(head, 4, b.days_ago(1500), true, DisabilityCategory::kPhysical);
                   b.disability(head, 1, b.days_ago(60), false, DisabilityCategory::kPhysical);
                 }});
  out.push_back({RuleId::kR15, false, "r15_reissued_grade2", "二级证换发（此前已有二级证）",
                 [](UnitBuilder& b) {
                   const auto head = poor_couple(b);
                   b.disability(head, 2, b.days_ago(1500), false, DisabilityCategory::kPhysical);
                   b.disability(head, 2, b.days_ago(10), false, DisabilityCategory::kPhysical);
                 }});
  out.push_back(
      {RuleId::kR15, false, "r15_day_180", "二级证发于D-180（窗口外）", [](UnitBuilder& b) {
         b.disability(poor_couple(b), 2, b.days_ago(180), false, DisabilityCategory::kPhysical);
       }});
  out.push_back(
      {RuleId::kR15, false, "r15_new_but_revoked", "新发一级证已注销", [](UnitBuilder& b) {
         b.disability(poor_couple(b), 1, b.days_ago(30), true, DisabilityCategory::kPhysical);
       }});
  out.push_back({RuleId::kR15, false, "r15_new_grade3", "新发三级证", [](UnitBuilder& b) {
                   b.disability(poor_couple(b), 3, b.days_ago(30), false,
                                DisabilityCategory::kHearing);
                 }});
  out.push_back({RuleId::kR15, false, "r15_at_double_standard", "新发一级证但人均收入为标准2倍",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(59), kM);
                   b.add(R::kSpouse, b.age(56), kF);
                   b.income_12m(head, b.standard() * 48);
                   b.disability(head, 1, b.days_ago(30), false, DisabilityCategory::kPhysical);
                 }});
  out.push_back({RuleId::kR15, false, "r15_after_revoked_grade1", "曾有注销的一级证，新发二级证",
                 [](UnitBuilder& b) {
                   const auto head = poor_couple(b);
                   b.disability(head, 1, b.days_ago(1000), true, DisabilityCategory::kPhysical);
                   b.disability(head, 2, b.days_ago(40), false, DisabilityCategory::kPhysical);
                 }});
}

}  // namespace

void add_health_rule_variants(std::vector<PlantVariant>& out) {
  add_r03(out);
  add_r07(out);
  add_r09(out);
  add_r15(out);
}

}  // namespace faxian::gen
