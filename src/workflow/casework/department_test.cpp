// The department catalogue and name normalisation.

#include "workflow/casework/department.hpp"

#include <regex>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "common/file_util.hpp"
#include "common/source_dir_for_tests.hpp"

namespace faxian::workflow {
namespace {

Department department(std::string_view name) {
  auto target = normalise_department(name);
  EXPECT_TRUE(target.has_value()) << name;
  EXPECT_FALSE(target.has_value() && target->township) << name;
  return target.has_value() && target->department ? *target->department
                                                  : Department::kPublicSecurity;
}

TEST(DepartmentTest, CanonicalNamesSynonymsAndKeysNormalise) {
  EXPECT_EQ(department("医保局"), Department::kMedicalSecurity);
  EXPECT_EQ(department("医疗保障局"), Department::kMedicalSecurity);
  EXPECT_EQ(department(" 住建委 "), Department::kHousing);
  EXPECT_EQ(department("秀山县人社局"), Department::kHumanResources);
  EXPECT_EQ(department("县残联"), Department::kDisabledFederation);
  EXPECT_EQ(department("教育局（学生资助中心）"), Department::kEducation);
  EXPECT_EQ(department("rural_revitalisation"), Department::kRuralRevitalisation);
  EXPECT_EQ(enum_label(Department::kHousing), "住建局");
  EXPECT_EQ(enum_key(Department::kDisabledFederation), "disabled_persons_federation");
}

TEST(DepartmentTest, TheTownshipIsNotADepartment) {
  for (std::string_view name : {"乡镇（街道）", "乡镇(街道)", "乡镇"}) {
    auto target = normalise_department(name);
    ASSERT_TRUE(target.has_value()) << name;
    EXPECT_TRUE(target->township) << name;
    EXPECT_FALSE(target->department.has_value());
  }
}

TEST(DepartmentTest, UnresolvedChoiceAndUnknownNamesAreRefused) {
  auto choice = normalise_department("医保局或教育局（支出较大的一项）");
  ASSERT_FALSE(choice.has_value());
  EXPECT_EQ(choice.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(choice.error().message.find("筛查"), std::string::npos);
  auto unknown = normalise_department("财政局");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_NE(unknown.error().message.find("医保局"), std::string::npos);  // lists the catalogue
  EXPECT_FALSE(normalise_department("").has_value());
}

TEST(DepartmentTest, ListsDropTheTownshipDuplicatesAndUnknownNames) {
  const DepartmentList list =
      departments_to_refer({"乡镇（街道）", "医保局", "残联", "医疗保障局", "财政局"});
  EXPECT_TRUE(list.township);
  EXPECT_EQ(list.departments, (std::vector<Department>{Department::kMedicalSecurity,
                                                       Department::kDisabledFederation}));
  EXPECT_EQ(list.unknown, std::vector<std::string>{"财政局"});
}

TEST(DepartmentTest, EveryDepartmentOfTheShippedRulesIsKnown) {
  auto rules = read_file(faxian_source_dir() + "/data/rules/default.toml");
  ASSERT_TRUE(rules.has_value());
  const std::regex line(R"(departments\s*=\s*\[([^\]]*)\])");
  const std::regex quoted("\"([^\"]+)\"");
  std::set<std::string> names;
  for (std::sregex_iterator it(rules->begin(), rules->end(), line), end; it != end; ++it) {
    const std::string list = (*it)[1];
    for (std::sregex_iterator q(list.begin(), list.end(), quoted); q != end; ++q)
      names.insert((*q)[1]);
  }
  ASSERT_GE(names.size(), 6u);
  for (const std::string& name : names) {
    if (name.find("或") != std::string::npos)
      continue;  // resolved by screening to one department
    EXPECT_TRUE(normalise_department(name).has_value()) << name;
  }
}

TEST(DepartmentTest, LiaisonAccountsNameTheirDepartment) {
  EXPECT_EQ(department_of_account("医保局"), Department::kMedicalSecurity);
  EXPECT_EQ(department_of_account("medical_security"), Department::kMedicalSecurity);
  EXPECT_EQ(department_of_account(""), std::nullopt);
  EXPECT_EQ(department_of_account("乡镇（街道）"), std::nullopt);
}

}  // namespace
}  // namespace faxian::workflow
