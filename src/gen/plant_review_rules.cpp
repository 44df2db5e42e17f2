// Planted cases for V01 应退核查 (review of current 低保/特困 recipients).

#include "gen/plant_catalog.hpp"

namespace faxian::gen {
namespace {

using namespace plant;
using R = Relation;

// A 低保 household: head, wife and (when `child`) a son, all on the registry since `days` ago.
PersonIndex dibao_family(UnitBuilder& b, int days, bool child = true, int64_t percent = 60) {
  const auto head = b.add(R::kHead, b.age(48), kM);
  b.add(R::kSpouse, b.age(46), kF);
  int n = 2;
  if (child) {
    b.add(R::kSon, b.age(15), kM);
    n = 3;
  }
  pc_income(b, head, n, percent);
  b.registry_household(RegistryCategory::kDibao, b.days_ago(days), std::nullopt, yuan(260));
  return head;
}

// 低保 couple whose income in each of the last six months is `amount`, `short_month` (0–5
// months back, or -1) one fen less; earlier months at half the standard per capita.
void six_months_income(UnitBuilder& b, int short_month) {
  const auto head = b.add(R::kHead, b.age(55), kM);
  b.add(R::kSpouse, b.age(53), kF);
  b.registry_household(RegistryCategory::kDibao, b.days_ago(700), std::nullopt, yuan(200));
  const int64_t bp = b.context().standards->edge_multiple_bp;
  const Money amount = at_least_bp(b.standard() * 2, bp);
  b.income(head, b.month().add_months(-15), b.month().add_months(-6), b.standard());
  for (int back = 5; back >= 0; --back) {
    const Month m = b.month().add_months(-back);
    b.income(head, m, m, back == short_month ? amount - fen(1) : amount);
  }
}

}  // namespace

void add_review_variants(std::vector<PlantVariant>& out) {
  out.push_back({RuleId::kV01, true, "v01_spouse_died", "低保户配偶D-60死亡", [](UnitBuilder& b) {
                   const Date death = b.days_ago(60);
                   const auto head = b.add(R::kHead, b.age(70), kM);
                   const auto wife = b.add(R::kSpouse, b.age_at(death, 68), kF);
                   pc_income(b, head, 1, 60);
                   b.registry_household(RegistryCategory::kDibao, b.days_ago(1500), std::nullopt,
                                        yuan(300));
                   b.died(wife, death, 20);
                 }});
  out.push_back({RuleId::kV01, true, "v01_new_car", "低保户D-30登记6万元轿车", [](UnitBuilder& b) {
                   const auto head = dibao_family(b, 900);
                   b.asset(head, AssetType::kVehicle, b.days_ago(30), yuan(60000));
                 }});
  out.push_back(
      {RuleId::kV01, true, "v01_tekun_business", "特困人员D-100工商登记", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(62), kM);
         b.registry(head, RegistryCategory::kTekun, b.days_ago(2000), std::nullopt, yuan(1001));
         b.asset(head, AssetType::kBusiness, b.days_ago(100), yuan(20000));
       }});
  out.push_back({RuleId::kV01, true, "v01_income_edge_six_months", "近6个月人均收入均恰为1.5倍标准",
                 [](UnitBuilder& b) { six_months_income(b, -1); }});
  out.push_back(
      {RuleId::kV01, true, "v01_second_home", "低保户D-20登记第二处房产", [](UnitBuilder& b) {
         const auto head = dibao_family(b, 800);
         b.asset(head, AssetType::kRealEstate, b.days_ago(3000), yuan(180000));
         b.asset(head, AssetType::kRealEstate, b.days_ago(20), yuan(260000));
       }});
  out.push_back({RuleId::kV01, true, "v01_new_deposit", "低保户D-50存款超上限", [](UnitBuilder& b) {
                   const auto head = dibao_family(b, 600, false);
                   const Money limit = b.standard() * (2 * b.context().standards->deposit_months);
                   b.asset(head, AssetType::kDeposit, b.days_ago(50), limit + yuan(1));
                 }});
  out.push_back({RuleId::kV01, false, "v01_one_month_short", "6个月中有1个月少1分",
                 [](UnitBuilder& b) { six_months_income(b, 3); }});
  out.push_back({RuleId::kV01, false, "v01_old_car", "低保户的车登记于D-200", [](UnitBuilder& b) {
                   const auto head = dibao_family(b, 1200);
                   b.asset(head, AssetType::kVehicle, b.days_ago(200), yuan(60000));
                 }});
  out.push_back(
      {RuleId::kV01, false, "v01_car_at_exemption", "新登记车辆恰为豁免额", [](UnitBuilder& b) {
         const auto head = dibao_family(b, 700);
         b.asset(head, AssetType::kVehicle, b.days_ago(10),
                 b.context().standards->vehicle_exempt_value);
       }});
  out.push_back(
      {RuleId::kV01, false, "v01_not_recipient", "非低保户新登记轿车", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(40), kM);
         b.add(R::kSpouse, b.age(38), kF);
         comfortable(b, head, 2);
         b.asset(head, AssetType::kVehicle, b.days_ago(10), yuan(60000));
       }});
  out.push_back({RuleId::kV01, false, "v01_registry_only_on_deceased", "低保名册仅有已故户主",
                 [](UnitBuilder& b) {
                   const Date death = b.days_ago(30);
                   const auto head = b.add(R::kHead, b.age_at(death, 72), kM);
                   const auto wife = b.add(R::kSpouse, b.age(70), kF);
                   pc_income(b, wife, 1, 60);
                   b.registry(head, RegistryCategory::kDibao, b.days_ago(1000), std::nullopt,
                              yuan(350));
                   b.died(head, death, 15);
                 }});
  out.push_back(
      {RuleId::kV01, false, "v01_death_day_181", "低保户成员D-181死亡", [](UnitBuilder& b) {
         const Date death = b.days_ago(181);
         const auto head = b.add(R::kHead, b.age(71), kM);
         const auto wife = b.add(R::kSpouse, b.age_at(death, 69), kF);
         pc_income(b, head, 1, 60);
         b.registry_household(RegistryCategory::kDibao, b.days_ago(1600), std::nullopt, yuan(300));
         b.died(wife, death, 20);
       }});
}

}  // namespace faxian::gen
