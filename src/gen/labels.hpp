#pragma once
// The Chinese labels, English aliases and national codes of 20-feeds.md for every enum of the
// generator's model, copied from the spec text (the writers emit these, so they are the
// file format).

#include <string_view>

#include "gen/model.hpp"

namespace faxian::gen {

struct Label {
  std::string_view zh;     // the Chinese label as listed
  std::string_view alias;  // the English alias in brackets; empty if the spec lists none
  std::string_view code;   // a national code (GB 3304 for 民族); empty if none is used
};

Label label(Relation value);
Label label(Ethnicity value);
Label label(HukouType value);
Label label(ChangeType value);
Label label(SettleKind value);
Label label(VisitType value);
Label label(EmploymentEvent value);
Label label(IncomeType value);
Label label(DisabilityCategory value);
Label label(DisasterType value);
Label label(Damage value);
Label label(MonitorType value);
Label label(Risk value);  // kNone has an empty label
Label label(SchoolStage value);
Label label(AssetType value);
Label label(HotlineCategory value);
Label label(ApplicationType value);
Label label(ApplicationResult value);
Label label(RegistryCategory value);
// 残疾等级 一级..四级, alias "1".."4".
Label grade_label(int grade);
// 状态 有效/注销.
Label status_label(bool revoked);
// 风险是否消除 是/否 (the spec lists no alias).
Label yes_no_label(bool yes);
// 来源 (income source department), free text.
std::string_view source_label(IncomeSource value);

}  // namespace faxian::gen
