#include "domain/lead.hpp"

#include <algorithm>

namespace faxian {
namespace {

using S = LeadSource;
constexpr EnumEntry<LeadSource> kSources[] = {
    {S::kDataWarning, "data_warning", "数据预警", "data_warning", ""},
    {S::kVisit, "visit", "走访", "visit", ""},
    {S::kCampaign, "campaign", "集中排查", "campaign", ""},
    {S::kHotline, "hotline", "热线", "hotline", ""},
    {S::kSocialReport, "social_report", "社会力量报告", "social_report", ""},
    {S::kReferral, "referral", "部门推送", "referral", ""},
    {S::kSelfReport, "self_report", "群众求助", "self_report", ""},
    {S::kSuperior, "superior", "上级交办", "superior", ""},
};

using St = LeadStatus;
constexpr EnumEntry<LeadStatus> kStatuses[] = {
    {St::kNew, "new", "待分派", "new", ""},
    {St::kAssigned, "assigned", "已分派", "assigned", ""},
    {St::kVerifying, "verifying", "核实中", "verifying", ""},
    {St::kDecided, "decided", "已处置", "decided", ""},
    {St::kClosed, "closed", "已办结", "closed", ""},
};

using O = LeadOutcome;
constexpr EnumEntry<LeadOutcome> kOutcomes[] = {
    {O::kNoNeed, "no_need", "经核实无困难", "no_need", ""},
    {O::kDeclined, "declined", "本人不愿申请", "declined", ""},
    {O::kAssistedApplication, "assisted_application", "协助申请", "assisted_application", ""},
    {O::kApplication, "application", "自行申请", "application", ""},
    {O::kEmergencyAid, "emergency_aid", "先行救助", "emergency_aid", ""},
    {O::kCaseByCase, "case_by_case", "一事一议", "case_by_case", ""},
    {O::kReferral, "referral", "转介专项救助", "referral", ""},
    {O::kCoordination, "coordination", "县级协调", "coordination", ""},
    {O::kDuplicate, "duplicate", "重复", "duplicate", ""},
};

constexpr EnumEntry<OutcomeState> kOutcomeStates[] = {
    {OutcomeState::kPending, "pending", "办理中", "pending", ""},
    {OutcomeState::kDone, "done", "已完成", "done", ""},
    {OutcomeState::kCancelled, "cancelled", "已撤销", "cancelled", ""},
};

constexpr EnumEntry<VerificationMethod> kMethods[] = {
    {VerificationMethod::kHomeVisit, "home_visit", "入户走访", "home_visit", ""},
    {VerificationMethod::kPhone, "phone", "电话核实", "phone", ""},
    {VerificationMethod::kOffice, "office", "来访核实", "office", ""},
};

constexpr EnumEntry<Willingness> kWillingness[] = {
    {Willingness::kYes, "yes", "愿意申请", "yes", ""},
    {Willingness::kNo, "no", "不愿申请", "no", ""},
    {Willingness::kUndecided, "undecided", "尚未决定", "undecided", ""},
};

constexpr EnumEntry<ApplyAbility> kAbility[] = {
    {ApplyAbility::kAble, "able", "能自行申请", "able", ""},
    {ApplyAbility::kNeedsHelp, "needs_help", "需协助申请", "needs_help", ""},
};

}  // namespace

std::span<const EnumEntry<LeadSource>> EnumTable<LeadSource>::entries() {
  return kSources;
}
std::span<const EnumEntry<LeadStatus>> EnumTable<LeadStatus>::entries() {
  return kStatuses;
}
std::span<const EnumEntry<LeadOutcome>> EnumTable<LeadOutcome>::entries() {
  return kOutcomes;
}
std::span<const EnumEntry<OutcomeState>> EnumTable<OutcomeState>::entries() {
  return kOutcomeStates;
}
std::span<const EnumEntry<VerificationMethod>> EnumTable<VerificationMethod>::entries() {
  return kMethods;
}
std::span<const EnumEntry<Willingness>> EnumTable<Willingness>::entries() {
  return kWillingness;
}
std::span<const EnumEntry<ApplyAbility>> EnumTable<ApplyAbility>::entries() {
  return kAbility;
}

std::vector<std::string> lead_source_keys(const Lead& lead) {
  std::vector<LeadSource> sources;
  for (const LeadSourceEntry& entry : lead.sources)
    sources.push_back(entry.source);
  std::sort(sources.begin(), sources.end());
  sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
  std::vector<std::string> keys;
  for (LeadSource source : sources)
    keys.emplace_back(enum_key(source));
  return keys;
}

}  // namespace faxian
