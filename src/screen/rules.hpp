#pragma once
// The rules of 30-screening.md (R01–R15, V01) over one household's features as of D. Each
// returns the fired rule with its evidence and one Chinese sentence with its figures, or
// nothing. Thresholds come from the rule set; the standards' figures from the parameters.

#include <optional>
#include <vector>

#include "domain/warning.hpp"
#include "screen/household_snapshot.hpp"

namespace faxian::screen {

using RuleCheck = std::optional<FiredRule> (*)(const HouseholdSnapshot&);

std::optional<FiredRule> check_r01(const HouseholdSnapshot& household);  // 应保未保
std::optional<FiredRule> check_r02(const HouseholdSnapshot& household);  // 刚性支出困难
std::optional<FiredRule> check_r03(const HouseholdSnapshot& household);  // 高额医疗自付
std::optional<FiredRule> check_r04(const HouseholdSnapshot& household);  // 低保边缘
std::optional<FiredRule> check_r05(const HouseholdSnapshot& household);  // 就业变动
std::optional<FiredRule> check_r06(const HouseholdSnapshot& household);  // 主要劳动力死亡
std::optional<FiredRule> check_r07(const HouseholdSnapshot& household);  // 重残失能无人照料
std::optional<FiredRule> check_r08(const HouseholdSnapshot& household);  // 高龄独居
std::optional<FiredRule> check_r09(const HouseholdSnapshot& household);  // 重大疾病
std::optional<FiredRule> check_r10(const HouseholdSnapshot& household);  // 受灾
std::optional<FiredRule> check_r11(const HouseholdSnapshot& household);  // 曾申请未获批且情况变化
std::optional<FiredRule> check_r12(const HouseholdSnapshot& household);  // 防返贫风险未消除
std::optional<FiredRule> check_r13(const HouseholdSnapshot& household);  // 教育负担
std::optional<FiredRule> check_r14(const HouseholdSnapshot& household);  // 多次求助
std::optional<FiredRule> check_r15(const HouseholdSnapshot& household);  // 新增重度残疾
std::optional<FiredRule> check_v01(const HouseholdSnapshot& household);  // 应退核查

RuleCheck rule_check(RuleId rule);

// Every enabled rule of the parameters' rule set that fires, ascending by id.
std::vector<FiredRule> fired_rules(const HouseholdSnapshot& household);

}  // namespace faxian::screen
