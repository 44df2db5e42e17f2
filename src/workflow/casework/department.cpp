// The department catalogue and the normalisation of department names (department.hpp).

#include "workflow/casework/department.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "common/text.hpp"

namespace faxian {
namespace {

using D = Department;
// The first entry of each value is its canonical name; the others are synonyms people and the
// rules file write (住建委 in R10).
constexpr EnumEntry<Department> kDepartments[] = {
    {D::kHumanResources, "human_resources", "人社局", "", ""},
    {D::kMedicalSecurity, "medical_security", "医保局", "", ""},
    {D::kDisabledFederation, "disabled_persons_federation", "残联", "", ""},
    {D::kEducation, "education", "教育局", "", ""},
    {D::kHousing, "housing", "住建局", "", ""},
    {D::kRuralRevitalisation, "rural_revitalisation", "乡村振兴局", "", ""},
    {D::kEmergency, "emergency", "应急管理局", "", ""},
    {D::kHealth, "health", "卫健委", "", ""},
    {D::kCivilAffairs, "civil_affairs", "民政局", "", ""},
    {D::kPublicSecurity, "public_security", "公安局", "", ""},
    {D::kHumanResources, "human_resources", "人力资源和社会保障局", "", ""},
    {D::kHumanResources, "human_resources", "人社", "", ""},
    {D::kMedicalSecurity, "medical_security", "医疗保障局", "", ""},
    {D::kMedicalSecurity, "medical_security", "医保", "", ""},
    {D::kDisabledFederation, "disabled_persons_federation", "残疾人联合会", "", ""},
    {D::kEducation, "education", "教委", "", ""},
    {D::kEducation, "education", "教育委员会", "", ""},
    {D::kHousing, "housing", "住建委", "", ""},
    {D::kHousing, "housing", "住房和城乡建设委员会", "", ""},
    {D::kHousing, "housing", "住房和城乡建设局", "", ""},
    {D::kRuralRevitalisation, "rural_revitalisation", "乡村振兴", "", ""},
    {D::kRuralRevitalisation, "rural_revitalisation", "农业农村委", "", ""},
    {D::kEmergency, "emergency", "应急局", "", ""},
    {D::kHealth, "health", "卫生健康委员会", "", ""},
    {D::kHealth, "health", "卫健局", "", ""},
    {D::kCivilAffairs, "civil_affairs", "县民政局", "", ""},
    {D::kPublicSecurity, "public_security", "公安", "", ""},
};

// Names that mean the township itself (a rule's "乡镇（街道）").
constexpr std::string_view kTownshipNames[] = {"乡镇（街道）", "乡镇(街道)", "乡镇",
                                               "街道",         "乡镇民政办", "乡镇（街道）民政办"};

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Drops a trailing "（…）" or "(…)" note.
std::string_view without_note(std::string_view text) {
  for (std::string_view open : {std::string_view("（"), std::string_view("(")}) {
    const auto at = text.find(open);
    if (at != std::string_view::npos && at > 0)
      return trim(text.substr(0, at));
  }
  return text;
}

std::string_view without_county(std::string_view text) {
  for (std::string_view prefix :
       {std::string_view("秀山县"), std::string_view("秀山"), std::string_view("县")}) {
    if (starts_with(text, prefix) && text.size() > prefix.size())
      return text.substr(prefix.size());
  }
  return text;
}

std::optional<Department> lookup(std::string_view text) {
  if (auto by_label = enum_from_label<Department>(text))
    return by_label;
  return enum_from_key<Department>(text);
}

Error unknown_department(std::string_view shown) {
  return Error(ErrorCode::kInvalidArgument,
               fmt::format("部门「{}」无法识别，应为：{}", shown, enum_label_list<Department>()),
               fmt::format("unknown department ({} bytes)", shown.size()));
}

}  // namespace

std::span<const EnumEntry<Department>> EnumTable<Department>::entries() {
  return kDepartments;
}

}  // namespace faxian

namespace faxian::workflow {

Result<DepartmentTarget> normalise_department(std::string_view name) {
  const std::string half = to_half_width(trim(name));
  const std::string_view text = trim(half);
  const std::string full_width = std::string(trim(name));
  for (std::string_view township : kTownshipNames) {
    if (text == township || full_width == township)
      return DepartmentTarget{true, std::nullopt};
  }
  if (text.find("或") != std::string_view::npos) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("部门「{}」是待定的选择，须先由筛查确定为其中一个部门", full_width),
                "unresolved department choice");
  }
  const std::string_view bare = without_note(text);
  for (std::string_view candidate : {bare, without_county(bare)}) {
    if (auto department = lookup(candidate))
      return DepartmentTarget{false, *department};
  }
  return tl::unexpected(unknown_department(full_width));
}

DepartmentList departments_to_refer(const std::vector<std::string>& names) {
  DepartmentList list;
  for (const std::string& name : names) {
    auto target = normalise_department(name);
    if (!target) {
      list.unknown.push_back(name);
      continue;
    }
    if (target->township) {
      list.township = true;
      continue;
    }
    if (std::find(list.departments.begin(), list.departments.end(), *target->department) ==
        list.departments.end())
      list.departments.push_back(*target->department);
  }
  return list;
}

std::optional<Department> department_of_account(std::string_view department) {
  auto target = normalise_department(department);
  if (!target || target->township)
    return std::nullopt;
  return target->department;
}

}  // namespace faxian::workflow
