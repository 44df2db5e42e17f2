#pragma once
// Enumerations that describe a person (人员信息): sex, relation to the household head
// (GB/T 4761), hukou type, health, disability, self-care ability and employment status.
// Ethnicity (GB 3304) has its own file. Labels and aliases follow 20-feeds.md where the feeds
// carry the field; the rest (health, self-care, employment) are recorded by the workflow.

#include <optional>
#include <span>
#include <string_view>

#include "common/resident_id.hpp"
#include "domain/enum_table.hpp"

namespace faxian {

// 与户主关系 — the nine groups of GB/T 4761-2008 (家庭关系代码); sub-codes map to their group.
enum class Relation {
  kHead,         // 户主 (02; 01 本人 also maps here)
  kSpouse,       // 配偶 (1x)
  kSon,          // 子 (2x, including 女婿 28)
  kDaughter,     // 女 (3x, including 儿媳 38)
  kGrandchild,   // 孙子女 (4x)
  kParent,       // 父母 (5x)
  kGrandparent,  // 祖父母 (6x)
  kSibling,      // 兄弟姐妹 (7x)
  kOther,        // 其他 (8x, 9x)
};

// 户口性质.
enum class HukouType { kAgricultural, kNonAgricultural, kResident };

// 健康状况 (from verification and visits; no feed carries it).
enum class HealthStatus { kHealthy, kChronic, kSeriousIllness };

// 自理能力 (from verification and visits).
enum class SelfCareAbility { kSelfCare, kPartlyDisabled, kFullyDisabled };

// 就业状况 (10-domain.md names the field without values; these are the ones officers record).
enum class EmploymentStatus {
  kEmployed,        // 就业
  kFlexible,        // 灵活就业
  kFarming,         // 务农
  kUnemployed,      // 失业
  kRetired,         // 退休
  kStudent,         // 在校学生
  kNoWorkCapacity,  // 无劳动能力
  kOther,           // 其他
};

// 残疾类别 (残联).
enum class DisabilityCategory {
  kVisual,
  kHearing,
  kSpeech,
  kPhysical,
  kIntellectual,
  kMental,
  kMultiple,
};

// 残疾等级: 1 is the most severe. The numeric value is the grade.
enum class DisabilityGrade { kGrade1 = 1, kGrade2 = 2, kGrade3 = 3, kGrade4 = 4 };

// 1..4.
constexpr int disability_grade_number(DisabilityGrade grade) {
  return static_cast<int>(grade);
}
// 重度残疾: grade 1 or 2.
constexpr bool is_severe(DisabilityGrade grade) {
  return disability_grade_number(grade) <= 2;
}

template <>
struct EnumTable<Relation> {
  static std::span<const EnumEntry<Relation>> entries();
  static constexpr std::string_view kName = "与户主关系";
  static constexpr std::optional<Relation> kDefault = std::nullopt;
  // Any two-digit GB/T 4761 code (e.g. 22 长子, 51 父亲) → its group.
  static std::optional<Relation> code_fallback(std::string_view code);
};

FAXIAN_DECLARE_ENUM_TABLE(Sex, "性别", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(HukouType, "户口性质", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(HealthStatus, "健康状况", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(SelfCareAbility, "自理能力", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(EmploymentStatus, "就业状况", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(DisabilityCategory, "残疾类别", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(DisabilityGrade, "残疾等级", std::nullopt);

}  // namespace faxian
