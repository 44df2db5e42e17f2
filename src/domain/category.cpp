#include "domain/category.hpp"

namespace faxian {
namespace {

using K = CategoryKind;
constexpr EnumEntry<CategoryKind> kKinds[] = {
    {K::kDibao, "dibao", "低保", "dibao", ""},
    {K::kTekun, "tekun", "特困供养", "tekun", ""},
    {K::kDibaoEdge, "dibao_edge", "低保边缘", "dibao_edge", ""},
    {K::kExpenditureHardship, "expenditure_hardship", "刚性支出困难", "expenditure_hardship", ""},
    {K::kExpenditureHardship, "expenditure_hardship", "支出型困难", "", ""},
    {K::kPovertyMonitoring, "poverty_monitoring", "防返贫监测对象", "poverty_monitoring", ""},
    {K::kPovertyAlleviated, "poverty_alleviated", "脱贫人口", "poverty_alleviated", ""},
    {K::kTempAssisted, "temp_assisted", "临时救助对象", "temp_assisted", ""},
    {K::kRejectedApplicant, "rejected_applicant", "曾申请未获批", "rejected_applicant", ""},
    {K::kOrphanOrUnsupportedChild, "orphan_or_unsupported_child", "孤儿/事实无人抚养儿童",
     "orphan_or_unsupported_child", ""},
};

using S = CategorySource;
constexpr EnumEntry<CategorySource> kSources[] = {
    {S::kRegistry, "registry", "救助对象名册", "registry", ""},
    {S::kPovertyMonitoring, "poverty_monitoring", "防返贫监测", "poverty_monitoring", ""},
    {S::kApplications, "applications", "救助申请历史", "applications", ""},
    {S::kWorkflow, "workflow", "审批认定", "workflow", ""},
    {S::kManual, "manual", "人工录入", "manual", ""},
};

}  // namespace

std::span<const EnumEntry<CategoryKind>> EnumTable<CategoryKind>::entries() {
  return kKinds;
}
std::span<const EnumEntry<CategorySource>> EnumTable<CategorySource>::entries() {
  return kSources;
}

bool is_low_income(CategoryKind kind) {
  return kind != K::kTempAssisted && kind != K::kRejectedApplicant;
}

CategoryFromRegistry category_from_registry(RegistryCategory registry_category) {
  switch (registry_category) {
    case RegistryCategory::kDibao:
      return {K::kDibao, ""};
    case RegistryCategory::kTekun:
      return {K::kTekun, ""};
    case RegistryCategory::kDibaoEdge:
      return {K::kDibaoEdge, ""};
    case RegistryCategory::kExpenditureHardship:
      return {K::kExpenditureHardship, ""};
    case RegistryCategory::kTempAssisted:
      return {K::kTempAssisted, ""};
    case RegistryCategory::kOrphan:
      return {K::kOrphanOrUnsupportedChild, "orphan"};
    case RegistryCategory::kUnsupportedChild:
      return {K::kOrphanOrUnsupportedChild, "unsupported_child"};
  }
  return {K::kDibao, ""};
}

std::vector<Category> active_categories(std::span<const Category> categories, Date date) {
  std::vector<Category> active;
  for (const Category& category : categories) {
    if (category.active_on(date))
      active.push_back(category);
  }
  return active;
}

}  // namespace faxian
