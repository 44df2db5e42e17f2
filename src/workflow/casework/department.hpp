#pragma once
// 部门目录: the departments a township or the county refers households to (40-workflow.md
// "Referrals", "Outcomes" referral and coordination). Each has a stable English key (storage,
// API, the liaison account's `department`) and a canonical Chinese name; the names the rules
// file and people write (住建委, 医疗保障局, 县人社局 …) are normalised to it. "乡镇（街道）" in a
// rule's departments is the township itself, never a referral.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/enum_table.hpp"

namespace faxian {

enum class Department : uint8_t {
  kHumanResources,       // 人社局 — 就业援助
  kMedicalSecurity,      // 医保局 — 医疗救助
  kDisabledFederation,   // 残联 — 残疾人两项补贴
  kEducation,            // 教育局 — 教育救助
  kHousing,              // 住建局 — 住房救助、危房改造
  kRuralRevitalisation,  // 乡村振兴局 — 防返贫监测帮扶
  kEmergency,            // 应急管理局 — 受灾救助
  kHealth,               // 卫健委 — 医疗、计生特扶
  kCivilAffairs,         // 民政局 — 县级民政业务科室
  kPublicSecurity,       // 公安局 — 户籍
};
FAXIAN_DECLARE_ENUM_TABLE(Department, "部门", std::nullopt);

}  // namespace faxian

namespace faxian::workflow {

// What one entry of a rule's or a person's department list means.
struct DepartmentTarget {
  bool township = false;  // 乡镇（街道）: the township itself, not a referral
  std::optional<Department> department{};  // set when !township
};

// Normalises a department name: trims, half-width forms, drops a leading 秀山县/县 and a
// trailing parenthesised note, then matches the catalogue's names and synonyms (or the English
// key). kInvalidArgument (Chinese message listing the catalogue) for an unknown name, and for an
// unresolved choice such as "医保局或教育局（支出较大的一项）" (screening resolves it to one).
Result<DepartmentTarget> normalise_department(std::string_view name);

// The departments to refer to from a list (a warning's `departments`): township entries left
// out, duplicates once, in first-seen order. Unknown names are returned in `unknown` instead of
// failing the whole list.
struct DepartmentList {
  std::vector<Department> departments;
  bool township = false;             // the list named the township
  std::vector<std::string> unknown;  // names that normalise_department refused
};
DepartmentList departments_to_refer(const std::vector<std::string>& names);

// The department of a liaison account (User::department holds a key or a name); nullopt when
// it names none of the catalogue.
std::optional<Department> department_of_account(std::string_view department);

}  // namespace faxian::workflow
