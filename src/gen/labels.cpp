#include "gen/labels.hpp"

#include <array>

namespace faxian::gen {
namespace {

template <typename E, size_t N>
Label from(const std::array<Label, N>& table, E value) {
  const auto index = static_cast<size_t>(value);
  return index < N ? table[index] : Label{};
}

constexpr std::array<Label, 9> kRelation = {{{"户主", "head", ""},
                                             {"配偶", "spouse", ""},
                                             {"子", "son", ""},
                                             {"女", "daughter", ""},
                                             {"孙子女", "grandchild", ""},
                                             {"父母", "parent", ""},
                                             {"祖父母", "grandparent", ""},
                                             {"兄弟姐妹", "sibling", ""},
                                             {"其他", "other", ""}}};
constexpr std::array<Label, 6> kEthnicity = {{{"汉族", "Han", "01"},
                                              {"土家族", "Tujia", "15"},
                                              {"苗族", "Miao", "06"},
                                              {"侗族", "Dong", "12"},
                                              {"布依族", "Buyei", "09"},
                                              {"仡佬族", "Gelao", "37"}}};
constexpr std::array<Label, 3> kHukou = {
    {{"农业", "agricultural", ""}, {"非农业", "non_agricultural", ""}, {"居民", "resident", ""}}};
constexpr std::array<Label, 4> kChange = {{{"新增", "add", ""},
                                           {"迁出", "move_out", ""},
                                           {"死亡注销", "death", ""},
                                           {"变更", "update", ""}}};
constexpr std::array<Label, 2> kSettle = {{{"正常", "normal", ""}, {"冲销", "reversal", ""}}};
constexpr std::array<Label, 3> kVisit = {
    {{"门诊", "outpatient", ""}, {"住院", "inpatient", ""}, {"门诊慢特病", "chronic", ""}}};
constexpr std::array<Label, 6> kEvent = {{{"失业登记", "unemployed", ""},
                                          {"就业登记", "employed", ""},
                                          {"社保断缴", "contribution_stopped", ""},
                                          {"领取失业保险金", "unemployment_benefit", ""},
                                          {"灵活就业登记", "flexible", ""},
                                          {"退休", "retired", ""}}};
constexpr std::array<Label, 5> kIncome = {{{"工资薪金", "wage", ""},
                                           {"养老金", "pension", ""},
                                           {"失业保险金", "unemployment_benefit", ""},
                                           {"经营所得", "business", ""},
                                           {"其他", "other", ""}}};
constexpr std::array<Label, 7> kDisability = {{{"视力", "visual", ""},
                                               {"听力", "hearing", ""},
                                               {"言语", "speech", ""},
                                               {"肢体", "physical", ""},
                                               {"智力", "intellectual", ""},
                                               {"精神", "mental", ""},
                                               {"多重", "multiple", ""}}};
constexpr std::array<Label, 8> kDisaster = {{{"洪涝", "flood", ""},
                                             {"地质灾害", "geological", ""},
                                             {"风雹", "hail", ""},
                                             {"干旱", "drought", ""},
                                             {"火灾", "fire", ""},
                                             {"地震", "earthquake", ""},
                                             {"疫情", "epidemic", ""},
                                             {"其他", "other", ""}}};
constexpr std::array<Label, 7> kDamage = {{{"房屋倒塌", "house_collapsed", ""},
                                           {"房屋严重损坏", "house_severe", ""},
                                           {"房屋一般损坏", "house_minor", ""},
                                           {"农作物绝收", "crop_total_loss", ""},
                                           {"农作物受损", "crop_damage", ""},
                                           {"人员伤亡", "casualty", ""},
                                           {"其他", "other", ""}}};
constexpr std::array<Label, 4> kMonitor = {{{"脱贫户", "alleviated", ""},
                                            {"脱贫不稳定户", "unstable", ""},
                                            {"边缘易致贫户", "edge", ""},
                                            {"突发严重困难户", "sudden_hardship", ""}}};
constexpr std::array<Label, 9> kRisk = {{{"", "", ""},
                                         {"因病", "illness", ""},
                                         {"因残", "disability", ""},
                                         {"因学", "education", ""},
                                         {"因灾", "disaster", ""},
                                         {"因意外事故", "accident", ""},
                                         {"因务工就业不稳", "employment", ""},
                                         {"因产业项目失败", "business", ""},
                                         {"其他", "other", ""}}};
constexpr std::array<Label, 8> kStage = {{{"学前", "", ""},
                                          {"小学", "", ""},
                                          {"初中", "", ""},
                                          {"高中", "", ""},
                                          {"中职", "", ""},
                                          {"高职", "", ""},
                                          {"本科", "", ""},
                                          {"研究生", "", ""}}};
constexpr std::array<Label, 5> kAsset = {{{"机动车", "vehicle", ""},
                                          {"不动产", "real_estate", ""},
                                          {"工商登记", "business", ""},
                                          {"存款", "deposit", ""},
                                          {"其他", "other", ""}}};
constexpr std::array<Label, 8> kHotline = {{{"生活困难", "living", ""},
                                            {"医疗", "medical", ""},
                                            {"住房", "housing", ""},
                                            {"就学", "education", ""},
                                            {"就业", "employment", ""},
                                            {"残疾", "disability", ""},
                                            {"养老", "elderly", ""},
                                            {"其他", "other", ""}}};
constexpr std::array<Label, 7> kAppType = {{{"低保", "dibao", ""},
                                            {"特困", "tekun", ""},
                                            {"临时救助", "temporary", ""},
                                            {"医疗救助", "medical", ""},
                                            {"教育救助", "education", ""},
                                            {"住房救助", "housing", ""},
                                            {"其他", "other", ""}}};
constexpr std::array<Label, 4> kResult = {{{"批准", "approved", ""},
                                           {"不予批准", "rejected", ""},
                                           {"撤回", "withdrawn", ""},
                                           {"审核中", "pending", ""}}};
constexpr std::array<Label, 7> kRegistry = {{{"低保", "dibao", ""},
                                             {"特困", "tekun", ""},
                                             {"低保边缘", "dibao_edge", ""},
                                             {"刚性支出困难", "expenditure_hardship", ""},
                                             {"临时救助", "temp_assisted", ""},
                                             {"孤儿", "orphan", ""},
                                             {"事实无人抚养儿童", "unsupported_child", ""}}};
constexpr std::array<Label, 4> kGrade = {
    {{"一级", "1", ""}, {"二级", "2", ""}, {"三级", "3", ""}, {"四级", "4", ""}}};

}  // namespace

Label label(Relation value) {
  return from(kRelation, value);
}
Label label(Ethnicity value) {
  return from(kEthnicity, value);
}
Label label(HukouType value) {
  return from(kHukou, value);
}
Label label(ChangeType value) {
  return from(kChange, value);
}
Label label(SettleKind value) {
  return from(kSettle, value);
}
Label label(VisitType value) {
  return from(kVisit, value);
}
Label label(EmploymentEvent value) {
  return from(kEvent, value);
}
Label label(IncomeType value) {
  return from(kIncome, value);
}
Label label(DisabilityCategory value) {
  return from(kDisability, value);
}
Label label(DisasterType value) {
  return from(kDisaster, value);
}
Label label(Damage value) {
  return from(kDamage, value);
}
Label label(MonitorType value) {
  return from(kMonitor, value);
}
Label label(Risk value) {
  return from(kRisk, value);
}
Label label(SchoolStage value) {
  return from(kStage, value);
}
Label label(AssetType value) {
  return from(kAsset, value);
}
Label label(HotlineCategory value) {
  return from(kHotline, value);
}
Label label(ApplicationType value) {
  return from(kAppType, value);
}
Label label(ApplicationResult value) {
  return from(kResult, value);
}
Label label(RegistryCategory value) {
  return from(kRegistry, value);
}

Label grade_label(int grade) {
  return grade >= 1 && grade <= 4 ? kGrade[static_cast<size_t>(grade - 1)] : Label{};
}

Label status_label(bool revoked) {
  return revoked ? Label{"注销", "revoked", ""} : Label{"有效", "valid", ""};
}

Label yes_no_label(bool yes) {
  return yes ? Label{"是", "", ""} : Label{"否", "", ""};
}

std::string_view source_label(IncomeSource value) {
  switch (value) {
    case IncomeSource::kHrss:
      return "人社局";
    case IncomeSource::kTax:
      return "税务局";
    case IncomeSource::kHousingFund:
      return "公积金中心";
    case IncomeSource::kAgriculture:
      return "农业农村委";
  }
  return "";
}

}  // namespace faxian::gen
