// Planted cases for the event rules: R05 就业变动, R06 主要劳动力死亡, R10 受灾,
// R12 防返贫风险未消除.

#include "gen/plant_catalog.hpp"

namespace faxian::gen {
namespace {

using namespace plant;
using R = Relation;
using E = EmploymentEvent;

// A working-age couple and a child living on exactly the standard per capita.
PersonIndex poor_family(UnitBuilder& b) {
  const auto head = b.add(R::kHead, b.age(42), kM);
  b.add(R::kSpouse, b.age(40), kF);
  b.add(R::kSon, b.age(11), kM);
  pc_income(b, head, 3, 100);
  return head;
}

// Monthly wages from 15 months before as_of up to and including `last`.
void wages_until(UnitBuilder& b, PersonIndex person, Money monthly, Month last) {
  b.income(person, b.month().add_months(-15), last, monthly);
}

void add_r05(std::vector<PlantVariant>& out) {
  out.push_back({RuleId::kR05, true, "r05_unemployed_day_179", "低收入家庭，D-179失业登记",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(40), kM);
                   const auto wife = b.add(R::kSpouse, b.age(38), kF);
                   b.add(R::kSon, b.age(10), kM);
                   const Date lost = b.days_ago(179);
                   wages_until(b, head, yuan(1000), Month::of(lost));
                   wages_until(b, wife, yuan(800), b.month());
                   b.employment(head, E::kUnemployed, lost, 0, yuan(1000));
                 }});
  out.push_back({RuleId::kR05, true, "r05_stopped_alleviated", "脱贫户（收入不低）社保断缴",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(45), kM);
                   b.add(R::kSpouse, b.age(42), kF);
                   b.add(R::kDaughter, b.age(16), kF);
                   comfortable(b, head, 3);
                   b.monitoring(head, MonitorType::kAlleviated, *Date::from_ymd(2019, 12, 31),
                                Risk::kNone);
                   b.employment(head, E::kContributionStopped, b.days_ago(10), 11, yuan(4200));
                 }});
  out.push_back({RuleId::kR05, true, "r05_flexible_after", "失业后灵活就业登记（不抵消）",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(38), kM);
                   b.add(R::kSpouse, b.age(36), kF);
                   b.add(R::kSon, b.age(8), kM);
                   pc_income(b, head, 3, 150);
                   b.employment(head, E::kUnemployed, b.days_ago(100), 2, yuan(3000));
                   b.employment(head, E::kFlexible, b.days_ago(50));
                 }});
  out.push_back({RuleId::kR05, true, "r05_employed_same_day", "就业登记与失业登记同日（非其后）",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(33), kM);
                   b.add(R::kSpouse, b.age(31), kF);
                   pc_income(b, head, 2, 150);
                   b.employment(head, E::kEmployed, b.days_ago(60), 3, yuan(2600));
                   b.employment(head, E::kUnemployed, b.days_ago(60), 3, yuan(2600));
                 }});
  out.push_back({RuleId::kR05, true, "r05_rejected_applicant", "曾申请未获批家庭社保断缴",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(50), kM);
                   b.add(R::kSpouse, b.age(48), kF);
                   b.add(R::kSon, b.age(20), kM);
                   steady_pc(b, head, 3, 300);
                   b.application(head, ApplicationType::kDibao, b.days_ago(330),
                                 ApplicationResult::kRejected, b.days_ago(300),
                                 reason::kIncomeOver);
                   b.employment(head, E::kContributionStopped, b.days_ago(20), 12, yuan(4500));
                 }});
  out.push_back({RuleId::kR05, true, "r05_aged_59", "59岁（明日满60）失业登记", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.turns_on(b.as_of().add_days(1), 60), kM);
                   b.add(R::kSpouse, b.age(57), kF);
                   pc_income(b, head, 2, 100);
                   b.employment(head, E::kUnemployed, b.days_ago(30), 4, yuan(2200));
                 }});
  out.push_back({RuleId::kR05, false, "r05_reemployed", "失业后重新就业登记", [](UnitBuilder& b) {
                   const auto head = poor_family(b);
                   b.employment(head, E::kUnemployed, b.days_ago(120), 1, yuan(2500));
                   b.employment(head, E::kEmployed, b.days_ago(30), 5, yuan(2700));
                 }});
  out.push_back(
      {RuleId::kR05, false, "r05_event_day_180", "失业登记于D-180（窗口外）", [](UnitBuilder& b) {
         b.employment(poor_family(b), E::kUnemployed, b.days_ago(180), 1, yuan(2500));
       }});
  out.push_back({RuleId::kR05, false, "r05_turned_60_today", "今日满60岁者失业（非劳动年龄）",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.turns_on(b.as_of(), 60), kM);
                   b.add(R::kSpouse, b.age(58), kF);
                   pc_income(b, head, 2, 100);
                   b.employment(head, E::kUnemployed, b.days_ago(30), 4, yuan(2200));
                 }});
  out.push_back({RuleId::kR05, false, "r05_at_double_standard", "人均收入恰为标准2倍、无类别",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(44), kM);
                   b.add(R::kSpouse, b.age(43), kF);
                   b.add(R::kSon, b.age(15), kM);
                   b.income_12m(head, b.standard() * 72);
                   b.employment(head, E::kUnemployed, b.days_ago(30), 6, yuan(3000));
                 }});
  out.push_back({RuleId::kR05, false, "r05_severely_disabled",
                 "二级残疾者的失业登记（非劳动年龄人口）", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(45), kM);
                   b.add(R::kSpouse, b.age(44), kF);
                   pc_income(b, head, 2, 100);
                   b.disability(head, 2, b.days_ago(1000), false, DisabilityCategory::kPhysical);
                   b.employment(head, E::kUnemployed, b.days_ago(40), 0, yuan(1800));
                 }});
  out.push_back({RuleId::kR05, false, "r05_retired", "退休（不是失业）", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(56), kF);
                   pc_income(b, head, 1, 100);
                   b.employment(head, E::kRetired, b.days_ago(50));
                 }});
}

// A breadwinner who died `days` ago aged `age_at_death`, earning `wage` a month; the wife
// earns 1,500 a month; a son of 12.
void breadwinner_died(UnitBuilder& b, int days, int age_at_death, Money wage, int cancel_lag = 15) {
  const Date death = b.days_ago(days);
  const auto head = b.add(R::kHead, b.age_at(death, age_at_death), kM);
  const auto wife = b.add(R::kSpouse, b.age(43), kF);
  b.add(R::kSon, b.age(12), kM);
  wages_until(b, head, wage, Month::of(death));
  wages_until(b, wife, yuan(1500), b.month());
  b.died(head, death, cancel_lag);
}

void add_r06(std::vector<PlantVariant>& out) {
  out.push_back({RuleId::kR06, true, "r06_breadwinner", "45岁主要劳动力D-30死亡",
                 [](UnitBuilder& b) { breadwinner_died(b, 30, 45, yuan(5000)); }});
  out.push_back(
      {RuleId::kR06, true, "r06_exactly_half", "死者收入恰为家庭收入50%", [](UnitBuilder& b) {
         const Date death = b.days_ago(60);
         const auto head = b.add(R::kHead, b.age_at(death, 50), kM);
         const auto wife = b.add(R::kSpouse, b.age(48), kF);
         b.income(head, Month::of(death).add_months(-11), Month::of(death), yuan(3000));
         b.income(wife, Month::of(death).add_months(-11), b.month(), yuan(3000));
         b.died(head, death, 10);
       }});
  out.push_back(
      {RuleId::kR06, true, "r06_dependents_left", "无收入，死后仅余老人与儿童", [](UnitBuilder& b) {
         const Date death = b.days_ago(100);
         b.add(R::kHead, b.age(75), kF);
         const auto daughter = b.add(R::kDaughter, b.age_at(death, 30), kF);
         b.add(R::kGrandchild, b.age(6), kM);
         b.died(daughter, death, 30);
       }});
  out.push_back(
      {RuleId::kR06, true, "r06_aged_59_at_death", "死亡时59岁（次日满60）", [](UnitBuilder& b) {
         const Date death = b.days_ago(20);
         const auto head = b.add(R::kHead, b.turns_on(death.add_days(1), 60), kM);
         const auto wife = b.add(R::kSpouse, b.age(55), kF);
         wages_until(b, head, yuan(4000), Month::of(death));
         wages_until(b, wife, yuan(800), b.month());
         b.died(head, death, 5);
       }});
  out.push_back({RuleId::kR06, true, "r06_aged_18_at_death", "死亡当日满18岁", [](UnitBuilder& b) {
                   const Date death = b.days_ago(40);
                   const auto head = b.add(R::kHead, b.age(50), kM);
                   const auto wife = b.add(R::kSpouse, b.age(48), kF);
                   const auto son = b.add(R::kSon, b.turns_on(death, 18), kM);
                   b.income(son, Month::of(death).add_months(-11), Month::of(death), yuan(2000));
                   wages_until(b, head, yuan(1000), b.month());
                   wages_until(b, wife, yuan(500), b.month());
                   b.died(son, death, 12);
                 }});
  out.push_back({RuleId::kR06, true, "r06_day_179", "主要劳动力D-179死亡",
                 [](UnitBuilder& b) { breadwinner_died(b, 179, 38, yuan(4500)); }});
  out.push_back({RuleId::kR06, true, "r06_no_death_cancellation_yet", "D-3死亡，尚无户籍注销",
                 [](UnitBuilder& b) { breadwinner_died(b, 3, 52, yuan(4800), -1); }});
  out.push_back({RuleId::kR06, false, "r06_200_days_ago", "主要劳动力200天前死亡",
                 [](UnitBuilder& b) { breadwinner_died(b, 200, 44, yuan(5000)); }});
  out.push_back({RuleId::kR06, false, "r06_aged_61", "61岁家庭成员死亡",
                 [](UnitBuilder& b) { breadwinner_died(b, 40, 61, yuan(3500)); }});
  out.push_back({RuleId::kR06, false, "r06_less_than_half", "死者收入比一半少1分且仍有劳动力",
                 [](UnitBuilder& b) {
                   const Date death = b.days_ago(50);
                   const auto head = b.add(R::kHead, b.age_at(death, 40), kM);
                   const auto wife = b.add(R::kSpouse, b.age(39), kF);
                   b.income(head, Month::of(death).add_months(-11), Month::of(death),
                            yuan(3000) - fen(1));
                   b.income(wife, Month::of(death).add_months(-11), b.month(), yuan(3000));
                   b.died(head, death, 10);
                 }});
  out.push_back({RuleId::kR06, false, "r06_day_180", "主要劳动力D-180死亡（窗口外）",
                 [](UnitBuilder& b) { breadwinner_died(b, 180, 47, yuan(5000)); }});
  out.push_back(
      {RuleId::kR06, false, "r06_moved_out_before_death", "已迁出的儿子死亡", [](UnitBuilder& b) {
         const Date death = b.days_ago(50);
         const auto head = b.add(R::kHead, b.age(62), kM);
         const auto wife = b.add(R::kSpouse, b.age(60), kF);
         const auto son = b.add(R::kSon, b.age_at(death, 30), kM);
         comfortable(b, wife, 2);
         wages_until(b, head, yuan(600), b.month());
         b.moved_out(son, b.days_ago(300));
         b.income(son, b.month().add_months(-15), Month::of(death), yuan(5000));
         b.died(son, death, -1);
       }});
  out.push_back({RuleId::kR06, false, "r06_aged_17", "死亡时17岁（次日满18）", [](UnitBuilder& b) {
                   const Date death = b.days_ago(10);
                   const auto head = b.add(R::kHead, b.age(45), kM);
                   const auto wife = b.add(R::kSpouse, b.age(44), kF);
                   const auto son = b.add(R::kSon, b.turns_on(death.add_days(1), 18), kM);
                   b.income(son, Month::of(death).add_months(-11), Month::of(death), yuan(2000));
                   wages_until(b, head, yuan(500), b.month());
                   wages_until(b, wife, yuan(500), b.month());
                   b.died(son, death, -1);
                 }});
}

// A family of three with a comfortable income reporting `damage` on the head.
void disaster_family(UnitBuilder& b, int days, Damage damage, DisasterType type) {
  const auto head = b.add(R::kHead, b.age(55), kM);
  b.add(R::kSpouse, b.age(53), kF);
  b.add(R::kSon, b.age(25), kM);
  comfortable(b, head, 3);
  b.disaster(head, b.days_ago(days), damage, type);
}

void add_r10(std::vector<PlantVariant>& out) {
  out.push_back({RuleId::kR10, true, "r10_house_collapsed", "D-5房屋倒塌", [](UnitBuilder& b) {
                   disaster_family(b, 5, Damage::kHouseCollapsed, DisasterType::kFlood);
                 }});
  out.push_back({RuleId::kR10, true, "r10_severe_day_89", "D-89房屋严重损坏", [](UnitBuilder& b) {
                   disaster_family(b, 89, Damage::kHouseSevere, DisasterType::kGeological);
                 }});
  out.push_back({RuleId::kR10, true, "r10_crop_total_loss", "农作物绝收", [](UnitBuilder& b) {
                   disaster_family(b, 30, Damage::kCropTotalLoss, DisasterType::kHail);
                 }});
  out.push_back({RuleId::kR10, true, "r10_casualty", "人员伤亡", [](UnitBuilder& b) {
                   disaster_family(b, 60, Damage::kCasualty, DisasterType::kGeological);
                 }});
  out.push_back(
      {RuleId::kR10, true, "r10_collapsed_on_son", "报告在儿子名下的房屋倒塌", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(58), kM);
         b.add(R::kSpouse, b.age(56), kF);
         const auto son = b.add(R::kSon, b.age(27), kM);
         comfortable(b, head, 3);
         b.disaster(son, b.days_ago(1), Damage::kHouseCollapsed, DisasterType::kFire);
       }});
  out.push_back({RuleId::kR10, false, "r10_house_minor", "仅房屋一般损坏", [](UnitBuilder& b) {
                   disaster_family(b, 10, Damage::kHouseMinor, DisasterType::kFlood);
                 }});
  out.push_back(
      {RuleId::kR10, false, "r10_collapsed_day_90", "房屋倒塌于D-90（窗口外）", [](UnitBuilder& b) {
         disaster_family(b, 90, Damage::kHouseCollapsed, DisasterType::kFlood);
       }});
  out.push_back(
      {RuleId::kR10, false, "r10_crop_damage", "农作物受损（非绝收）",
       [](UnitBuilder& b) { disaster_family(b, 20, Damage::kCropDamage, DisasterType::kHail); }});
  out.push_back(
      {RuleId::kR10, false, "r10_moved_out_member", "已迁出成员名下的倒塌报告", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(60), kM);
         b.add(R::kSpouse, b.age(58), kF);
         const auto son = b.add(R::kSon, b.age(28), kM);
         comfortable(b, head, 2);
         b.moved_out(son, b.days_ago(200));
         b.disaster(son, b.days_ago(10), Damage::kHouseCollapsed, DisasterType::kFlood);
       }});
  out.push_back({RuleId::kR10, false, "r10_other_damage", "受灾程度为其他", [](UnitBuilder& b) {
                   disaster_family(b, 15, Damage::kOther, DisasterType::kOther);
                 }});
}

// A monitored household (identified `days` ago, risk not cleared unless told) of a couple
// and a son, living at 2.5 × standard.
PersonIndex monitored_family(UnitBuilder& b, MonitorType type, int days, Risk risk,
                             bool cleared = false,
                             std::optional<Date> cleared_date = std::nullopt) {
  const auto head = b.add(R::kHead, b.age(50), kM);
  b.add(R::kSpouse, b.age(48), kF);
  b.add(R::kSon, b.age(20), kM);
  pc_income(b, head, 3, 250);
  b.monitoring(head, type, b.days_ago(days), risk, cleared, cleared_date);
  return head;
}

void add_r12(std::vector<PlantVariant>& out) {
  out.push_back(
      {RuleId::kR12, true, "r12_medical_5000", "监测户新增自付5,000元", [](UnitBuilder& b) {
         const auto head = monitored_family(b, MonitorType::kUnstable, 400, Risk::kIllness);
         b.medical(head, b.days_ago(100), yuan(5000), dx::kGallstones);
       }});
  out.push_back({RuleId::kR12, true, "r12_job_loss", "监测户成员失业登记", [](UnitBuilder& b) {
                   monitored_family(b, MonitorType::kEdge, 300, Risk::kEmployment);
                   b.employment(2, E::kUnemployed, b.days_ago(60), 13, yuan(3500));
                 }});
  out.push_back({RuleId::kR12, true, "r12_death", "监测户老人死亡", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(52), kM);
                   b.add(R::kSpouse, b.age(50), kF);
                   const auto mother = b.add(R::kParent, b.age_at(b.days_ago(40), 79), kF);
                   pc_income(b, head, 2, 250);
                   b.monitoring(head, MonitorType::kSuddenHardship, b.days_ago(200),
                                Risk::kAccident);
                   b.died(mother, b.days_ago(40), 20);
                 }});
  out.push_back(
      {RuleId::kR12, true, "r12_disaster_day_150", "监测户D-150房屋严重损坏", [](UnitBuilder& b) {
         const auto head = monitored_family(b, MonitorType::kEdge, 500, Risk::kDisaster);
         b.disaster(head, b.days_ago(150), Damage::kHouseSevere, DisasterType::kFlood);
       }});
  out.push_back(
      {RuleId::kR12, true, "r12_two_bills", "D-170与D-5两笔合计5,000元", [](UnitBuilder& b) {
         const auto head = monitored_family(b, MonitorType::kUnstable, 600, Risk::kIllness);
         b.medical(head, b.days_ago(170), yuan(3000), dx::kPneumonia);
         b.medical(head, b.days_ago(5), yuan(2000), dx::kPneumonia);
       }});
  out.push_back({RuleId::kR12, false, "r12_risk_cleared", "风险已消除（D-30）", [](UnitBuilder& b) {
                   const auto head = monitored_family(b, MonitorType::kUnstable, 400,
                                                      Risk::kIllness, true, b.days_ago(30));
                   b.medical(head, b.days_ago(10), yuan(8000), dx::kGallstones);
                 }});
  out.push_back({RuleId::kR12, false, "r12_cleared_blank_date", "风险消除为是、消除日期空白",
                 [](UnitBuilder& b) {
                   const auto head = monitored_family(b, MonitorType::kEdge, 300, Risk::kIllness,
                                                      true, std::nullopt);
                   b.medical(head, b.days_ago(10), yuan(8000), dx::kGallstones);
                 }});
  out.push_back(
      {RuleId::kR12, false, "r12_alleviated_only", "仅为脱贫户（非监测对象）", [](UnitBuilder& b) {
         const auto head = monitored_family(b, MonitorType::kAlleviated, 2500, Risk::kNone);
         b.medical(head, b.days_ago(20), yuan(6000), dx::kGallstones);
       }});
  out.push_back({RuleId::kR12, false, "r12_small_bill", "新增自付4,999.99元", [](UnitBuilder& b) {
                   const auto head =
                       monitored_family(b, MonitorType::kUnstable, 400, Risk::kIllness);
                   b.medical(head, b.days_ago(30), yuan(5000) - fen(1), dx::kGallstones);
                 }});
  out.push_back({RuleId::kR12, false, "r12_minor_disaster", "仅房屋一般损坏", [](UnitBuilder& b) {
                   const auto head = monitored_family(b, MonitorType::kEdge, 300, Risk::kDisaster);
                   b.disaster(head, b.days_ago(20), Damage::kHouseMinor, DisasterType::kFlood);
                 }});
  out.push_back(
      {RuleId::kR12, false, "r12_bill_day_180", "自付6,000元在D-180（窗口外）", [](UnitBuilder& b) {
         const auto head = monitored_family(b, MonitorType::kUnstable, 400, Risk::kIllness);
         b.medical(head, b.days_ago(180), yuan(6000), dx::kGallstones);
       }});
}

}  // namespace

void add_event_rule_variants(std::vector<PlantVariant>& out) {
  add_r05(out);
  add_r06(out);
  add_r10(out);
  add_r12(out);
}

}  // namespace faxian::gen
