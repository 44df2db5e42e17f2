// Planted cases for the income rules: R01 应保未保, R02 刚性支出困难, R04 低保边缘.
// Thresholds are hit to the fen: the standard comes from the standards file for the
// household's area, the edge multiple, deposit months, vehicle exemption, disposable income
// and rigid share likewise.

#include "gen/plant_catalog.hpp"

namespace faxian::gen {
namespace {

using namespace plant;
using R = Relation;

Money deposit_limit(const UnitBuilder& b, int n) {
  return b.standard() * (n * b.context().standards->deposit_months);
}

// Disposable income × n × 3/4, rounded down to 5 yuan so that 60 % of it is exact.
Money three_quarters_of_disposable(const UnitBuilder& b, int n) {
  const int64_t raw = b.disposable().fen() * n * 3 / 4;
  return fen(raw / 500 * 500);
}

Money rigid_at_share(const UnitBuilder& b, Money income) {
  return at_least_bp(income, b.context().standards->rigid_share_bp);
}

void add_r01(std::vector<PlantVariant>& out) {
  out.push_back(
      {RuleId::kR01, true, "r01_old_couple_pensions", "老年夫妇仅有居民养老金", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(74), kM);
         const auto wife = b.add(R::kSpouse, b.age(71), kF);
         b.income(head, b.month().add_months(-15), b.month(), yuan(185), IncomeType::kPension,
                  IncomeSource::kHrss);
         b.income(wife, b.month().add_months(-15), b.month(), yuan(175), IncomeType::kPension,
                  IncomeSource::kHrss);
       }});
  out.push_back(
      {RuleId::kR01, true, "r01_one_fen_below", "家庭收入比标准低1分", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(50), kM);
         b.add(R::kSpouse, b.age(47), kF);
         b.add(R::kSon, b.age(19), kM);
         b.income_12m(head, b.standard() * 36 - fen(1));
       }});
  out.push_back({RuleId::kR01, true, "r01_no_income", "单身无任何收入记录",
                 [](UnitBuilder& b) { b.add(R::kHead, b.age(56), kM); }});
  out.push_back({RuleId::kR01, true, "r01_car_at_exemption", "车辆估值恰为豁免额（不超过）",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(45), kM);
                   b.add(R::kSpouse, b.age(43), kF);
                   b.add(R::kDaughter, b.age(10), kF);
                   pc_income(b, head, 3, 50);
                   b.asset(head, AssetType::kVehicle, b.days_ago(400),
                           b.context().standards->vehicle_exempt_value);
                 }});
  out.push_back(
      {RuleId::kR01, true, "r01_deposit_at_limit", "存款恰为上限（不超过）", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(61), kM);
         b.add(R::kSpouse, b.age(58), kF);
         pc_income(b, head, 2, 60);
         b.asset(head, AssetType::kDeposit, b.days_ago(300), deposit_limit(b, 2));
       }});
  out.push_back(
      {RuleId::kR01, true, "r01_dibao_ended_yesterday", "低保于D前一日终止", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(52), kM);
         b.add(R::kSpouse, b.age(50), kF);
         b.add(R::kSon, b.age(16), kM);
         pc_income(b, head, 3, 70);
         b.registry_household(RegistryCategory::kDibao, b.days_ago(1100), b.days_ago(1), yuan(200));
       }});
  out.push_back(
      {RuleId::kR01, true, "r01_edge_holder_below", "低保边缘户收入已低于标准", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(66), kM);
         b.add(R::kSpouse, b.age(64), kF);
         pc_income(b, head, 2, 90);
         b.registry_household(RegistryCategory::kDibaoEdge, b.days_ago(500), std::nullopt, Money());
       }});
  out.push_back(
      {RuleId::kR01, false, "r01_at_threshold", "收入恰等于标准（不低于）", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(49), kM);
         b.add(R::kSpouse, b.age(46), kF);
         b.add(R::kDaughter, b.age(17), kF);
         b.income_12m(head, b.standard() * 36);
       }});
  out.push_back({RuleId::kR01, false, "r01_car_owner", "收入低但有8.5万元轿车", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(44), kM);
                   b.add(R::kSpouse, b.age(42), kF);
                   b.add(R::kSon, b.age(12), kM);
                   pc_income(b, head, 3, 50);
                   b.asset(head, AssetType::kVehicle, b.days_ago(700), yuan(85000));
                 }});
  out.push_back({RuleId::kR01, false, "r01_dibao_holder", "已享低保的贫困户", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(69), kM);
                   b.add(R::kSpouse, b.age(67), kF);
                   pc_income(b, head, 2, 40);
                   b.registry_household(RegistryCategory::kDibao, b.days_ago(800), std::nullopt,
                                        yuan(300));
                 }});
  out.push_back({RuleId::kR01, false, "r01_dibao_ends_today", "低保结束日期为D（仍在保）",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(63), kM);
                   b.add(R::kSpouse, b.age(60), kF);
                   pc_income(b, head, 2, 50);
                   b.registry_household(RegistryCategory::kDibao, b.days_ago(900), b.as_of(),
                                        yuan(250));
                 }});
  out.push_back(
      {RuleId::kR01, false, "r01_deposit_over_by_fen", "存款超上限1分", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(57), kM);
         b.add(R::kSpouse, b.age(55), kF);
         pc_income(b, head, 2, 60);
         b.asset(head, AssetType::kDeposit, b.days_ago(200), deposit_limit(b, 2) + fen(1));
       }});
  out.push_back(
      {RuleId::kR01, false, "r01_second_home", "收入低但有两处不动产", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(53), kM);
         b.add(R::kSpouse, b.age(52), kF);
         pc_income(b, head, 2, 60);
         b.asset(head, AssetType::kRealEstate, b.days_ago(2500), yuan(320000));
         b.asset(head, AssetType::kRealEstate, b.days_ago(900), yuan(260000));
       }});
  out.push_back({RuleId::kR01, false, "r01_tekun", "特困供养人员", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(77), kF);
                   b.income(head, b.month().add_months(-15), b.month(), yuan(160),
                            IncomeType::kPension, IncomeSource::kHrss);
                   b.registry(head, RegistryCategory::kTekun, b.days_ago(1500), std::nullopt,
                              yuan(1001));
                 }});
  out.push_back({RuleId::kR01, false, "r01_business", "收入低但有工商登记", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(41), kM);
                   b.add(R::kSpouse, b.age(40), kF);
                   pc_income(b, head, 2, 30);
                   b.asset(head, AssetType::kBusiness, b.days_ago(600), std::nullopt);
                 }});
}

void add_r02(std::vector<PlantVariant>& out) {
  out.push_back(
      {RuleId::kR02, true, "r02_medical_share_exact", "医疗自付恰为收入的60%", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(45), kM);
         b.add(R::kSpouse, b.age(43), kF);
         b.add(R::kSon, b.age(15), kM);
         const Money income = three_quarters_of_disposable(b, 3);
         b.income_12m(head, income);
         b.medical(head, b.days_ago(100), rigid_at_share(b, income), dx::kGallstones);
       }});
  out.push_back(
      {RuleId::kR02, true, "r02_no_income_student", "无收入，子女读大学有学费", [](UnitBuilder& b) {
         b.add(R::kHead, b.age(44), kF);
         const auto son = b.add(R::kSon, b.age(19), kM);
         b.education(son, SchoolStage::kUndergraduate, b.current_school_year(), yuan(6000),
                     yuan(1000));
       }});
  out.push_back(
      {RuleId::kR02, true, "r02_two_students", "两个子女在读，学费占收入七成", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(48), kM);
         b.add(R::kSpouse, b.age(46), kF);
         const auto son = b.add(R::kSon, b.age(20), kM);
         const auto daughter = b.add(R::kDaughter, b.age(18), kF);
         const Money income = fen(b.disposable().fen() * 4 * 4 / 10 / 100 * 100);
         b.income_12m(head, income);
         const Money fees = yuan(at_least_bp(income, 3500).fen() / 100 + 1);
         b.education(son, SchoolStage::kUndergraduate, b.current_school_year(), fees);
         b.education(daughter, SchoolStage::kHigherVocational, b.current_school_year(), fees);
       }});
  out.push_back({RuleId::kR02, true, "r02_income_one_fen_below_reference",
                 "收入比上年人均可支配收入低1分", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(50), kM);
                   b.add(R::kSpouse, b.age(50), kF);
                   const Money income = b.disposable() * 2 - fen(1);
                   b.income_12m(head, income);
                   b.medical(head, b.days_ago(50), rigid_at_share(b, income), dx::kHipFracture);
                 }});
  out.push_back(
      {RuleId::kR02, true, "r02_rigid_after_reversal", "冲销后净自付恰为60%", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(55), kM);
         const auto wife = b.add(R::kSpouse, b.age(52), kF);
         b.income_12m(head, yuan(25000));
         b.medical(wife, b.days_ago(200), rigid_at_share(b, yuan(25000)), dx::kCoronary);
         const int32_t second = b.medical(wife, b.days_ago(150), yuan(5000), dx::kCoronary);
         b.reversal(second, b.days_ago(140), true);
       }});
  out.push_back(
      {RuleId::kR02, false, "r02_share_one_fen_below", "医疗自付比60%少1分", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(46), kM);
         b.add(R::kSpouse, b.age(44), kF);
         b.add(R::kDaughter, b.age(14), kF);
         const Money income = three_quarters_of_disposable(b, 3);
         b.income_12m(head, income);
         b.medical(head, b.days_ago(90), rigid_at_share(b, income) - fen(1), dx::kGallstones);
       }});
  out.push_back({RuleId::kR02, false, "r02_income_at_reference", "人均收入恰等于上年人均可支配收入",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(51), kM);
                   b.add(R::kSpouse, b.age(49), kF);
                   const Money income = b.disposable() * 2;
                   b.income_12m(head, income);
                   b.medical(head, b.days_ago(70), income, dx::kHipFracture);
                 }});
  out.push_back({RuleId::kR02, false, "r02_edge_holder", "已是低保边缘户", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(58), kM);
                   b.add(R::kSpouse, b.age(55), kF);
                   pc_income(b, head, 2, 120);
                   b.registry_household(RegistryCategory::kDibaoEdge, b.days_ago(400), std::nullopt,
                                        Money());
                   b.medical(head, b.days_ago(60), annual(b, 2, 120), dx::kCoronary);
                 }});
  out.push_back(
      {RuleId::kR02, false, "r02_already_recognised", "已认定刚性支出困难", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(47), kM);
         b.add(R::kSpouse, b.age(45), kF);
         b.add(R::kSon, b.age(13), kM);
         const Money income = fen(b.disposable().fen() * 3 / 2);
         b.income_12m(head, income);
         b.registry(head, RegistryCategory::kExpenditureHardship, b.days_ago(100),
                    b.days_ago(100).add_days(364), Money());
         b.medical(head, b.days_ago(120), income, dx::kHipFracture);
       }});
  out.push_back({RuleId::kR02, false, "r02_fully_reversed", "医疗费用全部冲销，净支出为0",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(62), kM);
                   b.add(R::kSpouse, b.age(60), kF);
                   const int32_t bill =
                       b.medical(head, b.days_ago(100), yuan(8000), dx::kPneumonia);
                   b.reversal(bill, b.days_ago(90), false);
                 }});
  out.push_back(
      {RuleId::kR02, false, "r02_business_owner", "刚性支出高但有工商登记", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(43), kM);
         b.add(R::kSpouse, b.age(41), kF);
         const Money income = b.disposable();
         b.income_12m(head, income);
         b.asset(head, AssetType::kBusiness, b.days_ago(800), yuan(50000));
         b.medical(head, b.days_ago(30), income, dx::kAppendicitis);
       }});
  out.push_back({RuleId::kR02, false, "r02_bill_outside_window", "大额医疗费在D-365（窗口外）",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(59), kM);
                   b.add(R::kSpouse, b.age(57), kF);
                   b.income_12m(head, b.disposable());
                   b.medical(head, b.days_ago(365), yuan(40000), dx::kHipFracture);
                 }});
}

void add_r04(std::vector<PlantVariant>& out) {
  out.push_back({RuleId::kR04, true, "r04_at_standard", "收入恰等于低保标准", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(52), kM);
                   b.add(R::kSpouse, b.age(50), kF);
                   b.income_12m(head, b.standard() * 24);
                 }});
  out.push_back(
      {RuleId::kR04, true, "r04_one_fen_below_edge", "收入比边缘线低1分", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(45), kM);
         b.add(R::kSpouse, b.age(44), kF);
         b.add(R::kDaughter, b.age(12), kF);
         const int64_t bp = b.context().standards->edge_multiple_bp;
         b.income_12m(head, at_least_bp(b.standard() * 36, bp) - fen(1));
       }});
  out.push_back({RuleId::kR04, true, "r04_middle", "收入为标准的1.25倍", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(40), kM);
                   b.add(R::kSpouse, b.age(38), kF);
                   b.add(R::kSon, b.age(14), kM);
                   b.add(R::kDaughter, b.age(9), kF);
                   b.income_12m(head, at_least_bp(b.standard() * 48, 12500));
                 }});
  out.push_back(
      {RuleId::kR04, true, "r04_temp_assisted", "临时救助对象（非低收入类别）", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(67), kM);
         b.add(R::kSpouse, b.age(65), kF);
         pc_income(b, head, 2, 120);
         b.application(head, ApplicationType::kTemporary, b.days_ago(50),
                       ApplicationResult::kApproved, b.days_ago(42), reason::kIllnessHardship);
         b.registry(head, RegistryCategory::kTempAssisted, b.days_ago(40), b.days_ago(40),
                    yuan(1000));
       }});
  out.push_back({RuleId::kR04, true, "r04_rejected_applicant", "曾申请未获批（非低收入类别）",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(48), kM);
                   b.add(R::kSpouse, b.age(46), kF);
                   b.add(R::kSon, b.age(17), kM);
                   steady_pc(b, head, 3, 110);
                   b.application(head, ApplicationType::kDibao, b.days_ago(130),
                                 ApplicationResult::kRejected, b.days_ago(100),
                                 reason::kIncomeOver);
                 }});
  out.push_back(
      {RuleId::kR04, true, "r04_monitoring_cleared", "防返贫监测风险已消除", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(56), kM);
         b.add(R::kSpouse, b.age(53), kF);
         pc_income(b, head, 2, 130);
         b.monitoring(head, MonitorType::kEdge, b.days_ago(500), Risk::kIllness, true,
                      b.days_ago(100));
       }});
  out.push_back(
      {RuleId::kR04, false, "r04_at_edge", "收入恰等于边缘线（不低于）", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(47), kM);
         b.add(R::kSpouse, b.age(45), kF);
         b.add(R::kSon, b.age(11), kM);
         const int64_t bp = b.context().standards->edge_multiple_bp;
         b.income_12m(head, at_least_bp(b.standard() * 36, bp));
       }});
  out.push_back({RuleId::kR04, false, "r04_alleviated", "脱贫户（低收入类别）", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(51), kM);
                   b.add(R::kSpouse, b.age(50), kF);
                   b.add(R::kSon, b.age(22), kM);
                   pc_income(b, head, 3, 120);
                   b.monitoring(head, MonitorType::kAlleviated, *Date::from_ymd(2018, 12, 20),
                                Risk::kNone);
                 }});
  out.push_back({RuleId::kR04, false, "r04_edge_registry", "已登记低保边缘", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(60), kM);
                   b.add(R::kSpouse, b.age(58), kF);
                   pc_income(b, head, 2, 120);
                   b.registry_household(RegistryCategory::kDibaoEdge, b.days_ago(300), std::nullopt,
                                        Money());
                 }});
  out.push_back({RuleId::kR04, false, "r04_car", "收入在边缘区间但有6万元轿车", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(39), kM);
                   b.add(R::kSpouse, b.age(37), kF);
                   pc_income(b, head, 2, 120);
                   b.asset(head, AssetType::kVehicle, b.days_ago(500), yuan(60000));
                 }});
  out.push_back({RuleId::kR04, false, "r04_monitoring_active", "防返贫监测户（风险未消除）",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(50), kM);
                   b.add(R::kSpouse, b.age(49), kF);
                   b.add(R::kDaughter, b.age(15), kF);
                   pc_income(b, head, 3, 120);
                   b.monitoring(head, MonitorType::kUnstable, b.days_ago(300), Risk::kIllness);
                 }});
  out.push_back({RuleId::kR04, false, "r04_orphan_grandchild", "孙辈为孤儿（低收入类别）",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(68), kM);
                   b.add(R::kSpouse, b.age(66), kF);
                   const auto child = b.add(R::kGrandchild, b.age(9), kF);
                   pc_income(b, head, 3, 120);
                   b.registry(child, RegistryCategory::kOrphan, b.days_ago(700), std::nullopt,
                              yuan(1400));
                 }});
}

}  // namespace

void add_income_rule_variants(std::vector<PlantVariant>& out) {
  add_r01(out);
  add_r02(out);
  add_r04(out);
}

}  // namespace faxian::gen
