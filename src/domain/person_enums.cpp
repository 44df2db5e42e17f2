#include "domain/person_enums.hpp"

namespace faxian {
namespace {

using R = Relation;
constexpr EnumEntry<Relation> kRelations[] = {
    {R::kHead, "head", "户主", "head", "02"},
    {R::kSpouse, "spouse", "配偶", "spouse", "10"},
    {R::kSon, "son", "子", "son", "20"},
    {R::kDaughter, "daughter", "女", "daughter", "30"},
    {R::kGrandchild, "grandchild", "孙子女", "grandchild", "40"},
    {R::kParent, "parent", "父母", "parent", "50"},
    {R::kGrandparent, "grandparent", "祖父母", "grandparent", "60"},
    {R::kSibling, "sibling", "兄弟姐妹", "sibling", "70"},
    {R::kOther, "other", "其他", "other", "80"},
};

constexpr EnumEntry<Sex> kSexes[] = {
    {Sex::kMale, "male", "男", "male", "1"},  // GB/T 2261.1
    {Sex::kFemale, "female", "女", "female", "2"},
};

using H = HukouType;
constexpr EnumEntry<HukouType> kHukouTypes[] = {
    {H::kAgricultural, "agricultural", "农业", "agricultural", ""},
    {H::kNonAgricultural, "non_agricultural", "非农业", "non_agricultural", ""},
    {H::kResident, "resident", "居民", "resident", ""},
};

using HS = HealthStatus;
constexpr EnumEntry<HealthStatus> kHealthStatuses[] = {
    {HS::kHealthy, "healthy", "健康", "healthy", ""},
    {HS::kChronic, "chronic", "慢性病", "chronic", ""},
    {HS::kSeriousIllness, "serious_illness", "重大疾病", "serious_illness", ""},
};

using SC = SelfCareAbility;
constexpr EnumEntry<SelfCareAbility> kSelfCare[] = {
    {SC::kSelfCare, "self_care", "自理", "self_care", ""},
    {SC::kPartlyDisabled, "partly_disabled", "半失能", "partly_disabled", ""},
    {SC::kFullyDisabled, "fully_disabled", "失能", "fully_disabled", ""},
};

using ES = EmploymentStatus;
constexpr EnumEntry<EmploymentStatus> kEmploymentStatuses[] = {
    {ES::kEmployed, "employed", "就业", "employed", ""},
    {ES::kFlexible, "flexible", "灵活就业", "flexible", ""},
    {ES::kFarming, "farming", "务农", "farming", ""},
    {ES::kUnemployed, "unemployed", "失业", "unemployed", ""},
    {ES::kRetired, "retired", "退休", "retired", ""},
    {ES::kStudent, "student", "在校学生", "student", ""},
    {ES::kNoWorkCapacity, "no_work_capacity", "无劳动能力", "no_work_capacity", ""},
    {ES::kOther, "other", "其他", "other", ""},
};

using DC = DisabilityCategory;
constexpr EnumEntry<DisabilityCategory> kDisabilityCategories[] = {
    {DC::kVisual, "visual", "视力", "visual", ""},
    {DC::kHearing, "hearing", "听力", "hearing", ""},
    {DC::kSpeech, "speech", "言语", "speech", ""},
    {DC::kPhysical, "physical", "肢体", "physical", ""},
    {DC::kIntellectual, "intellectual", "智力", "intellectual", ""},
    {DC::kMental, "mental", "精神", "mental", ""},
    {DC::kMultiple, "multiple", "多重", "multiple", ""},
};

// 20-feeds.md: "一级..四级 or 1..4" — the digits are the grade codes; no English alias.
using DG = DisabilityGrade;
constexpr EnumEntry<DisabilityGrade> kDisabilityGrades[] = {
    {DG::kGrade1, "grade_1", "一级", "", "1"},
    {DG::kGrade2, "grade_2", "二级", "", "2"},
    {DG::kGrade3, "grade_3", "三级", "", "3"},
    {DG::kGrade4, "grade_4", "四级", "", "4"},
};

}  // namespace

std::span<const EnumEntry<Relation>> EnumTable<Relation>::entries() {
  return kRelations;
}

std::optional<Relation> EnumTable<Relation>::code_fallback(std::string_view code) {
  if (code.size() != 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') {
    return std::nullopt;
  }
  switch (code[0]) {
    case '0':
      return (code[1] == '1' || code[1] == '2') ? std::optional(R::kHead) : std::nullopt;
    case '1':
      return R::kSpouse;
    case '2':
      return R::kSon;
    case '3':
      return R::kDaughter;
    case '4':
      return R::kGrandchild;
    case '5':
      return R::kParent;
    case '6':
      return R::kGrandparent;
    case '7':
      return R::kSibling;
    default:
      return R::kOther;  // 8x other relatives, 9x (91–97 relatives, 99 非亲属)
  }
}

std::span<const EnumEntry<Sex>> EnumTable<Sex>::entries() {
  return kSexes;
}
std::span<const EnumEntry<HukouType>> EnumTable<HukouType>::entries() {
  return kHukouTypes;
}
std::span<const EnumEntry<HealthStatus>> EnumTable<HealthStatus>::entries() {
  return kHealthStatuses;
}
std::span<const EnumEntry<SelfCareAbility>> EnumTable<SelfCareAbility>::entries() {
  return kSelfCare;
}
std::span<const EnumEntry<EmploymentStatus>> EnumTable<EmploymentStatus>::entries() {
  return kEmploymentStatuses;
}
std::span<const EnumEntry<DisabilityCategory>> EnumTable<DisabilityCategory>::entries() {
  return kDisabilityCategories;
}
std::span<const EnumEntry<DisabilityGrade>> EnumTable<DisabilityGrade>::entries() {
  return kDisabilityGrades;
}

}  // namespace faxian
